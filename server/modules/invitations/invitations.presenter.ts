import type { Language } from "../../../contracts/common.js";
import type { Invitation, InvitationMail, InvitationStatus } from "../../../contracts/invitations.js";
import { explainSmtpAnswer } from "../../platform/mail/smtp-answer.js";
import type { InvitationMailRow, InvitationRow } from "./invitations.queries.js";

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** Where an invitation stands at `now`: a pending one past its expiry is `expired`. */
export function invitationStatusAt(
  row: Pick<InvitationRow, "status" | "expiresAt">,
  now: Date,
): InvitationStatus {
  if (row.status === "pending" && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return row.status as InvitationStatus;
}

/** An invitation row and its last mail → the API shape (no token, no outbox internals). */
export function presentInvitation(
  row: InvitationRow,
  mails: ReadonlyMap<string, InvitationMailRow>,
  now: Date,
): Invitation {
  const mail = row.lastOutboxId ? mails.get(row.lastOutboxId) : undefined;
  const status = invitationStatusAt(row, now);
  return {
    id: row.id,
    grantId: row.grantId,
    granteeId: row.granteeId,
    email: row.email,
    name: row.name,
    language: row.language as Language,
    salutation: row.salutation as "formal" | "informal",
    channel: row.channel as Invitation["channel"],
    status,
    personalMessage: row.personalMessage,
    remindersSent: row.remindersSent,
    nextReminderAt: status === "pending" ? iso(row.nextReminderAt) : null,
    remindersStoppedAt: iso(row.remindersStoppedAt),
    invitedByName: row.invitedByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    lastMail: mail ? presentInvitationMail(mail, row.lastMailReminder ?? 0) : null,
  };
}

/** One mail's delivery (INV-6): its state, the server's answer, and what went wrong in plain words. */
function presentInvitationMail(mail: InvitationMailRow, reminder: number): InvitationMail {
  const status: InvitationMail["status"] =
    mail.status === "queued" && mail.attempts > 0 ? "deferred" : (mail.status as InvitationMail["status"]);
  const answer =
    status === "bounced" ? (mail.bounceDiagnostic ?? mail.lastSmtpResponse) : mail.lastSmtpResponse;
  return {
    id: mail.id,
    reminder,
    status,
    smtpResponse: answer,
    problem: status === "queued" || status === "sent" ? null : explainSmtpAnswer(answer),
    bouncedAt: iso(mail.bouncedAt ?? null),
    attempts: mail.attempts,
    queuedAt: mail.createdAt.toISOString(),
    sentAt: iso(mail.sentAt),
  };
}
