import type { Language } from "../../../contracts/common.js";
import type { AppDeps } from "../../deps.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { type EmailRequest, queueEmail, secretPlaceholder } from "../../platform/mail/outbox.js";
import type { MailRecipient, RenderedEmail, Salutation } from "../../platform/mail/render.js";
import { firmBranding, firmSender } from "../firms/firm-mail.js";
import { findFirm } from "../firms/firms.queries.js";
import { firmOf, type InvitationRow } from "./invitations.queries.js";

/** What queueing an invitation's mails needs from the process. */
export type InvitationMailDeps = Pick<AppDeps, "queue" | "outboxKey" | "config">;

/** The firm as its invitation mails present it, and its invitation policy (FIRM-3). */
export type InvitingFirm = NonNullable<Awaited<ReturnType<typeof findFirm>>>;

/** The firm of the transaction's scope. */
export async function loadInvitingFirm(tx: ScopedTx): Promise<InvitingFirm> {
  const firm = await findFirm(tx, firmOf(tx));
  if (!firm) throw new Error("the firm of the scope does not exist");
  return firm;
}

/** The token purpose of client invitation links. */
export const CLIENT_INVITATION = "client_invitation" as const;

/** The registration page a link opens. The token rides in the fragment: it never reaches a server log. */
export function clientInvitationUrl(publicUrl: string, rawToken: string): string {
  return `${publicUrl.replace(/\/$/, "")}/invite/client#token=${rawToken}`;
}

function portalUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, "")}/portal`;
}

type InvitationMail = Pick<
  InvitationRow,
  "id" | "granteeId" | "grantId" | "email" | "name" | "language" | "salutation" | "personalMessage"
> &
  Pick<InvitationRow, "invitedByName" | "expiresAt">;

function recipientOf(invitation: InvitationMail): MailRecipient {
  return {
    name: invitation.name,
    email: invitation.email ?? "",
    language: invitation.language as Language,
    salutation: invitation.salutation as Salutation,
  };
}

/**
 * The invitation mail (reminder 0) or a reminder (1, 2, …): the link carries a placeholder that the
 * outbox replaces with the sealed token at delivery (SEC-5: no readable token at rest).
 */
export function invitationMail(
  deps: Pick<InvitationMailDeps, "config">,
  firm: InvitingFirm,
  invitation: InvitationMail,
  reminder: number,
  rawToken: string | null,
): EmailRequest<"client-invitation"> {
  return {
    template: "client-invitation",
    recipient: recipientOf(invitation),
    props: {
      firmName: firm.name,
      inviterName: invitation.invitedByName ?? firm.name,
      reminder,
      personalMessage: invitation.personalMessage,
      acceptUrl: clientInvitationUrl(deps.config.publicUrl, secretPlaceholder("token")),
      expiresAt: invitation.expiresAt.toISOString(),
    },
    branding: firmBranding(firm),
    sender: firmSender(firm),
    meta: {
      reason: reminder === 0 ? "client_invitation" : "client_invitation_reminder",
      invitationId: invitation.id,
      granteeId: invitation.granteeId,
      reminder,
    },
    ...(rawToken ? { secrets: { token: rawToken } } : {}),
  };
}

/** The notice to someone who already has an account (INV-1): access was added, nothing to register. */
export function accessNoticeMail(
  deps: Pick<InvitationMailDeps, "config">,
  firm: InvitingFirm,
  invitation: InvitationMail,
): EmailRequest<"access-granted"> {
  return {
    template: "access-granted",
    recipient: recipientOf(invitation),
    props: {
      firmName: firm.name,
      inviterName: invitation.invitedByName ?? firm.name,
      personalMessage: invitation.personalMessage,
      portalUrl: portalUrl(deps.config.publicUrl),
    },
    branding: firmBranding(firm),
    sender: firmSender(firm),
    meta: { reason: "access_notice", invitationId: invitation.id, granteeId: invitation.granteeId },
  };
}

/** Queues one of the invitation's mails in the caller's transaction; answers the outbox id. */
export async function queueInvitationMail(
  tx: ScopedTx,
  deps: InvitationMailDeps,
  request: EmailRequest<"client-invitation"> | EmailRequest<"access-granted">,
): Promise<string> {
  return request.template === "client-invitation"
    ? queueEmail(tx, deps, request as EmailRequest<"client-invitation">)
    : queueEmail(tx, deps, request as EmailRequest<"access-granted">);
}

/** Renders a mail as it will go out, for staff to check before sending (INV-5); nothing is stored. */
export async function renderInvitationMail(
  request: EmailRequest<"client-invitation"> | EmailRequest<"access-granted">,
): Promise<RenderedEmail> {
  const { renderEmail } = await import("../../platform/mail/render.js");
  return request.template === "client-invitation"
    ? renderEmail("client-invitation", request.recipient, request.props as never, request.branding)
    : renderEmail("access-granted", request.recipient, request.props as never, request.branding);
}
