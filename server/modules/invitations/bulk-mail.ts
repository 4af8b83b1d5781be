import { seal } from "../../platform/crypto.js";
import { insertRows } from "../../platform/db/insert-rows.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { deliverEmailJob, type EmailRequest } from "../../platform/mail/outbox.js";
import { mailOutbox } from "../../platform/mail/outbox.tables.js";
import type { BatchRenderer } from "../../platform/mail/render.js";
import type { InvitationMailDeps } from "./invitation-mail.js";
import { firmOf } from "./invitations.queries.js";

type InvitationRequest = EmailRequest<"client-invitation"> | EmailRequest<"access-granted">;

/**
 * queueEmail for many invitation mails at once (a bulk invitation's chunk): each rendered with the
 * batch renderer, written to the outbox as queueEmail writes it (secrets sealed, never readable) and
 * its delivery enqueued — two statements in the caller's transaction. Answers each row's id and
 * creation time, in the order of `requests`.
 */
export async function queueInvitationMails(
  tx: ScopedTx,
  deps: InvitationMailDeps,
  render: BatchRenderer,
  requests: readonly InvitationRequest[],
): Promise<Array<{ id: string; createdAt: Date }>> {
  if (requests.length === 0) return [];
  const firmId = firmOf(tx);
  const rows = await Promise.all(
    requests.map(async (request) => {
      const rendered =
        request.template === "client-invitation"
          ? await render("client-invitation", request.recipient, request.props as never, request.branding)
          : await render("access-granted", request.recipient, request.props as never, request.branding);
      return {
        firmId,
        id: newId(),
        template: request.template,
        toAddress: request.recipient.email,
        toName: request.recipient.name,
        fromName: request.sender?.name ?? null,
        replyTo: request.sender?.replyTo ?? null,
        language: request.recipient.language,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        meta: request.meta ?? {},
        sealedSecrets: request.secrets ? seal(deps.outboxKey, JSON.stringify(request.secrets)) : null,
      };
    }),
  );
  const stored = await insertRows(tx, mailOutbox, rows, ["id", "createdAt"]);
  const createdAt = new Map(stored.map((r) => [r.id, r.createdAt]));
  await deps.queue.enqueueMany(
    tx,
    deliverEmailJob,
    rows.map((r) => ({ firmId, outboxId: r.id })),
  );
  return rows.map((r) => ({ id: r.id, createdAt: createdAt.get(r.id) as Date }));
}
