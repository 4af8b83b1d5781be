import { and, eq, ne } from "drizzle-orm";
import type { Language } from "../../../contracts/common.js";
import type { AppDeps } from "../../deps.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { createTranslator } from "../../platform/mail/messages/index.js";
import { type EmailRequest, queueEmail } from "../../platform/mail/outbox.js";
import type { RenderedEmail } from "../../platform/mail/render.js";
import { standardConfirmationTexts } from "../../platform/mail/templates/confirmation-request.js";
import { findVersion } from "../documents/documents.queries.js";
import { firmBranding, firmSender } from "../firms/firm-mail.js";
import { findFirm } from "../firms/firms.queries.js";
import { firmOf, type RequestRow } from "./confirmations.queries.js";
import { confirmationRequests } from "./confirmations.tables.js";

/** What queueing a confirmation mail needs from the process. */
export type ConfirmationMailDeps = Pick<AppDeps, "queue" | "outboxKey" | "config">;

/** The firm of the transaction's scope, as its mails present it, with its policies. */
export type ConfirmingFirm = NonNullable<Awaited<ReturnType<typeof findFirm>>>;

/** The firm of the transaction's scope. */
export async function loadConfirmingFirm(tx: ScopedTx): Promise<ConfirmingFirm> {
  const firm = await findFirm(tx, firmOf(tx));
  if (!firm) throw new Error("the firm of the scope does not exist");
  return firm;
}

/** Where the portal shows the file's documents with the confirm button. */
export function confirmationPortalUrl(publicUrl: string, firmId: string, fileId: string): string {
  return `${publicUrl.replace(/\/$/, "")}/portal/${firmId}/${fileId}/documents`;
}

/** What a mail needs of a request (a stored row, or one about to be stored). */
export type MailedRequest = Pick<
  RequestRow,
  | "id"
  | "clientFileId"
  | "documentId"
  | "documentTitle"
  | "version"
  | "granteeId"
  | "name"
  | "email"
  | "language"
  | "salutation"
  | "subject"
  | "message"
  | "requestedByName"
>;

/** Whether the grantee confirmed (or was asked about) an earlier version: the mail then speaks of a new one. */
export async function isRenewal(
  tx: ScopedTx,
  request: Pick<MailedRequest, "id" | "documentId" | "granteeId">,
) {
  const rows = await tx.db
    .select({ id: confirmationRequests.id })
    .from(confirmationRequests)
    .where(
      and(
        eq(confirmationRequests.firmId, firmOf(tx)),
        eq(confirmationRequests.documentId, request.documentId),
        eq(confirmationRequests.granteeId, request.granteeId),
        eq(confirmationRequests.status, "superseded"),
        ne(confirmationRequests.id, request.id),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The request mail (reminder 0) or a reminder (1, 2, …) of one request. */
export async function confirmationMail(
  tx: ScopedTx,
  deps: Pick<ConfirmationMailDeps, "config">,
  firm: ConfirmingFirm,
  request: MailedRequest,
  reminder: number,
): Promise<EmailRequest<"confirmation-request">> {
  const version = await findVersion(tx, request.documentId, request.version);
  return {
    template: "confirmation-request",
    recipient: {
      name: request.name,
      email: request.email,
      language: request.language as Language,
      salutation: request.salutation === "informal" ? "informal" : "formal",
    },
    props: {
      firmName: firm.name,
      requesterName: request.requestedByName,
      documentTitle: request.documentTitle,
      version: request.version,
      versionDate: version ? version.uploadedAt.toISOString() : null,
      portalUrl: confirmationPortalUrl(deps.config.publicUrl, firm.firmId, request.clientFileId),
      reminder,
      renewal: await isRenewal(tx, request),
      subject: request.subject,
      message: request.message,
    },
    branding: firmBranding(firm),
    sender: firmSender(firm),
    meta: {
      reason: reminder === 0 ? "confirmation_request" : "confirmation_reminder",
      confirmationId: request.id,
      granteeId: request.granteeId,
      reminder,
    },
  };
}

/** Queues a confirmation mail in the caller's transaction; answers the outbox id. */
export function queueConfirmationMail(
  tx: ScopedTx,
  deps: Pick<ConfirmationMailDeps, "queue" | "outboxKey">,
  mail: EmailRequest<"confirmation-request">,
): Promise<string> {
  return queueEmail(tx, deps, mail);
}

/** Renders the mail as it will go out, with the standard subject and text, for staff to edit (INV-5's way). */
export async function renderConfirmationMail(
  mail: EmailRequest<"confirmation-request">,
): Promise<RenderedEmail & { standard: { subject: string; message: string } }> {
  const { renderEmail } = await import("../../platform/mail/render.js");
  const rendered = await renderEmail("confirmation-request", mail.recipient, mail.props, mail.branding);
  const t = createTranslator(mail.recipient.language, mail.recipient.salutation);
  return { ...rendered, standard: standardConfirmationTexts(t, mail.props) };
}
