import type { ScopedTx } from "../../platform/db/scope.js";
import { type EmailRequest, queueRenderedEmails } from "../../platform/mail/outbox.js";
import type { BatchRenderer, EmailTemplateName } from "../../platform/mail/render.js";
import type { InvitationMailDeps } from "./invitation-mail.js";

type InvitationRequest = EmailRequest<"client-invitation"> | EmailRequest<"access-granted">;

/**
 * queueEmail for many invitation mails at once (a bulk invitation's chunk): each rendered with the
 * batch renderer (each variant rendered once), then queued as queueEmail queues one. Answers each row's
 * id and creation time, in the order of `requests`.
 */
export async function queueInvitationMails(
  tx: ScopedTx,
  deps: InvitationMailDeps,
  render: BatchRenderer,
  requests: readonly InvitationRequest[],
): Promise<Array<{ id: string; createdAt: Date }>> {
  const mails = await Promise.all(
    requests.map(async (request) => ({
      request: request as EmailRequest<EmailTemplateName>,
      rendered:
        request.template === "client-invitation"
          ? await render("client-invitation", request.recipient, request.props as never, request.branding)
          : await render("access-granted", request.recipient, request.props as never, request.branding),
    })),
  );
  return queueRenderedEmails(tx, deps, mails);
}
