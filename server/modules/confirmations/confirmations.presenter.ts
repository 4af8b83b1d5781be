import type { Language } from "../../../contracts/common.js";
import type {
  ConfirmationEvidence,
  ConfirmationRequest,
  ConfirmationStatus,
} from "../../../contracts/confirmations.js";
import { explainSmtpAnswer } from "../../platform/mail/smtp-answer.js";
import type { EvidenceRow, RequestMailRow, RequestWithEvidence } from "./confirmations.queries.js";

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** The evidence row → the API shape. */
export function presentEvidence(row: EvidenceRow): ConfirmationEvidence {
  return {
    confirmedAt: row.confirmedAt.toISOString(),
    accountId: row.accountId,
    accountEmail: row.accountEmail,
    personId: row.personId,
    name: row.name,
    documentId: row.documentId,
    documentTitle: row.documentTitle,
    version: row.version,
    fileName: row.fileName,
    sha256: row.sha256,
    ip: row.ip,
    userAgent: row.userAgent,
  };
}

function presentMail(mail: RequestMailRow | undefined): ConfirmationRequest["lastMail"] {
  if (!mail) return null;
  const status = (mail.status === "queued" && mail.attempts > 0 ? "deferred" : mail.status) as NonNullable<
    ConfirmationRequest["lastMail"]
  >["status"];
  const answer =
    status === "bounced" ? (mail.bounceDiagnostic ?? mail.lastSmtpResponse) : mail.lastSmtpResponse;
  return { status, problem: status === "queued" || status === "sent" ? null : explainSmtpAnswer(answer) };
}

/** A request with its evidence and last mail → the back office's shape (no account ids of others leak). */
export function presentRequest(
  { request, evidence }: RequestWithEvidence,
  mails: ReadonlyMap<string, RequestMailRow>,
): ConfirmationRequest {
  const status = request.status as ConfirmationStatus;
  return {
    id: request.id,
    documentId: request.documentId,
    documentTitle: request.documentTitle,
    version: request.version,
    sha256: request.sha256,
    status,
    granteeId: request.granteeId,
    name: request.name,
    email: request.email,
    language: request.language as Language,
    requestedAt: request.sentAt.toISOString(),
    requestedByName: request.requestedByName,
    remindersSent: request.remindersSent,
    nextReminderAt: status === "open" ? iso(request.nextReminderAt) : null,
    cancelledAt: iso(request.cancelledAt),
    cancelledByName: request.cancelledByName,
    supersededAt: iso(request.supersededAt),
    supersededByVersion: request.supersededByVersion,
    lastMail: presentMail(request.lastOutboxId ? mails.get(request.lastOutboxId) : undefined),
    evidence: evidence ? presentEvidence(evidence) : null,
  };
}
