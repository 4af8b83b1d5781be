import type { Invitation } from "../../../contracts/invitations.js";
import { AppError } from "../../platform/errors.js";
import { issueToken, voidTokens } from "../../platform/tokens/one-time-tokens.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { loadGuardedGrant } from "../grants/grant-guard.js";
import {
  CLIENT_INVITATION,
  type InvitationMailDeps,
  invitationMail,
  loadInvitingFirm,
  queueInvitationMail,
} from "./invitation-mail.js";
import { presentInvitation } from "./invitations.presenter.js";
import {
  findInvitation,
  findInvitationMails,
  type InvitationRow,
  updateInvitation,
} from "./invitations.queries.js";
import { firstReminderAt, invitationExpiry } from "./reminder-schedule.js";

/** An invitation the actor may act on: 404 unless its grant is one they may manage (403 by policy). */
async function loadManagedInvitation(work: StaffWork, id: string): Promise<InvitationRow> {
  const row = await findInvitation(work.tx, id);
  if (!row) throw new AppError("not_found");
  await loadGuardedGrant(work, row.grantId, "manage");
  return row;
}

async function present(work: StaffWork, id: string): Promise<Invitation> {
  const row = await findInvitation(work.tx, id);
  if (!row) throw new AppError("not_found");
  const mails = await findInvitationMails(work.tx, row.lastOutboxId ? [row.lastOutboxId] : []);
  return presentInvitation(row, mails, work.audit.at);
}

async function audited(work: StaffWork, action: string, before: Invitation, id: string): Promise<Invitation> {
  const after = await present(work, id);
  await recordAudit(work.tx, work.audit, { action, entityType: "invitation", entityId: id, before, after });
  return after;
}

/**
 * Stops an invitation's reminders (INV-4, seed 001's "Einladungen stoppen"): the link keeps working,
 * no further reminder goes. Asking again changes nothing. Audited.
 */
export async function stopReminders(work: StaffWork, id: string): Promise<Invitation> {
  const row = await loadManagedInvitation(work, id);
  const before = await present(work, id);
  if (row.remindersStoppedAt || row.status !== "pending") return before;
  await updateInvitation(
    work.tx,
    id,
    { remindersStoppedAt: work.audit.at, nextReminderAt: null },
    work.audit.at,
  );
  return audited(work, "invitation.stop_reminders", before, id);
}

/**
 * Sends a pending (or expired) email invitation again (INV-4, INV-7): a new link that voids the old
 * ones, a renewed expiry and the reminder series restarted from now, with the same wording, language
 * and salutation. Accepted and withdrawn invitations are history (409). Audited.
 */
export async function resendInvitation(
  work: StaffWork,
  deps: InvitationMailDeps,
  id: string,
): Promise<Invitation> {
  const row = await loadManagedInvitation(work, id);
  if (row.status !== "pending" || row.channel === "notice")
    throw new AppError("conflict", "invitations.not_pending");
  if (!row.email) throw new AppError("conflict", "invitations.email_missing");
  const before = await present(work, id);
  const now = work.audit.at;
  const firm = await loadInvitingFirm(work.tx);
  const reminderDays = firm.reminderDays;
  const expiresAt = invitationExpiry(now, firm.invitationLifetimeDays, reminderDays);
  const rawToken = await issueToken(work.tx, { purpose: CLIENT_INVITATION, subjectId: id, expiresAt, now });
  const renewed: InvitationRow = {
    ...row,
    channel: "email",
    reminderDays,
    remindersDue: 0,
    remindersSent: 0,
    remindersStoppedAt: null,
    nextReminderAt: firstReminderAt(now, reminderDays),
    sentAt: now,
    expiresAt,
  };
  const outboxId = await queueInvitationMail(work.tx, deps, invitationMail(deps, firm, renewed, 0, rawToken));
  await updateInvitation(
    work.tx,
    id,
    {
      channel: renewed.channel,
      reminderDays,
      remindersDue: 0,
      remindersSent: 0,
      remindersStoppedAt: null,
      nextReminderAt: renewed.nextReminderAt,
      sentAt: now,
      expiresAt,
      lastOutboxId: outboxId,
      lastMailReminder: 0,
    },
    now,
  );
  return audited(work, "invitation.resend", before, id);
}

/** Withdraws a pending invitation: its links stop working at once (SEC-5), no reminder goes. Audited. */
export async function withdrawInvitation(work: StaffWork, id: string): Promise<Invitation> {
  const row = await loadManagedInvitation(work, id);
  const before = await present(work, id);
  if (row.status !== "pending") return before;
  await updateInvitation(
    work.tx,
    id,
    { status: "withdrawn", nextReminderAt: null, endedAt: work.audit.at },
    work.audit.at,
  );
  await voidTokens(work.tx, CLIENT_INVITATION, id, work.audit.at);
  return audited(work, "invitation.withdraw", before, id);
}
