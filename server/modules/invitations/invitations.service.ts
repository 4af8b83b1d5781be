import { and, eq, isNull } from "drizzle-orm";
import type { Language } from "../../../contracts/common.js";
import type {
  Invitation,
  InvitationLink,
  InvitationPreview,
  InviteGrantee,
} from "../../../contracts/invitations.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { type EmailRequest, secretPlaceholder } from "../../platform/mail/outbox.js";
import { issueToken, voidTokens } from "../../platform/tokens/one-time-tokens.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { persons } from "../clients/clients.tables.js";
import { loadGuardedGrant } from "../grants/grant-guard.js";
import { findGrantee, type GranteeRow } from "../grants/grants.queries.js";
import { grantees } from "../grants/grants.tables.js";
import { findAccountByEmail } from "../identity/accounts.queries.js";
import { recordWebhookEvent } from "../webhooks/webhooks.events.js";
import {
  accessNoticeMail,
  CLIENT_INVITATION,
  clientInvitationUrl,
  type InvitationMailDeps,
  type InvitingFirm,
  invitationMail,
  loadInvitingFirm,
  queueInvitationMail,
  renderInvitationMail,
} from "./invitation-mail.js";
import { presentInvitation } from "./invitations.presenter.js";
import {
  endPendingInvitations,
  findInvitation,
  findInvitationMails,
  firmOf,
  type InvitationRow,
  insertInvitation,
  listInvitationsOfGrants,
  updateInvitation,
} from "./invitations.queries.js";
import { firstReminderAt, invitationExpiry } from "./reminder-schedule.js";

const languages: readonly string[] = ["de", "fr", "en"];

/** The language and salutation of an invitation: as asked, else the person's, else the firm's. */
export function invitationVoice(
  asked: Pick<InviteGrantee, "language" | "salutation">,
  person: { language: string; salutation: string } | undefined,
  firm: Pick<InvitingFirm, "defaultLanguage" | "defaultSalutation">,
): { language: Language; salutation: "formal" | "informal" } {
  const language = asked.language ?? person?.language ?? firm.defaultLanguage;
  const salutation = asked.salutation ?? person?.salutation ?? firm.defaultSalutation;
  return {
    language: languages.includes(language) ? (language as Language) : "de",
    salutation: salutation === "informal" ? "informal" : "formal",
  };
}

/** A grantee about to be invited, with the language and salutation the mails will use. */
export interface InvitationPlan {
  grantee: GranteeRow;
  firm: InvitingFirm;
  email: string | null;
  language: Language;
  salutation: "formal" | "informal";
  personalMessage: string | null;
  /** The account already registered under the email: it gets a notice, not an invitation. */
  existingAccountId: string | null;
}

/**
 * Checks that the grantee can be invited (the actor manages the grant; the grantee is neither revoked
 * nor already joined) and settles language and salutation: as asked, else the person's, else the firm's.
 */
async function planInvitation(
  work: StaffWork,
  grantId: string,
  granteeId: string,
  input: InviteGrantee,
  channel: "email" | "link",
): Promise<InvitationPlan> {
  await loadGuardedGrant(work, grantId, "manage");
  const grantee = await findGrantee(work.tx, granteeId, grantId);
  if (!grantee) throw new AppError("not_found");
  if (grantee.status === "revoked") throw new AppError("conflict", "grants.grantee_revoked");
  if (grantee.accountId) throw new AppError("conflict", "invitations.already_joined");
  const email = grantee.email?.trim().toLowerCase() || null;
  if (!email && channel === "email") throw invalidField("email", "invitations.email_missing");
  const firm = await loadInvitingFirm(work.tx);
  const [person] = grantee.personId
    ? await work.tx.db
        .select({ language: persons.language, salutation: persons.salutation })
        .from(persons)
        .where(and(eq(persons.firmId, firmOf(work.tx)), eq(persons.id, grantee.personId)))
    : [];
  const account = email ? await findAccountByEmail(work.tx, email) : undefined;
  return {
    grantee,
    firm,
    email,
    ...invitationVoice(input, person, firm),
    personalMessage: input.personalMessage ?? null,
    existingAccountId: account?.id ?? null,
  };
}

/** The invitation row a plan makes, before it is stored. */
export function invitationRowOf(
  work: StaffWork,
  plan: InvitationPlan,
  channel: "email" | "link" | "notice",
): typeof import("./invitations.tables.js").clientInvitations.$inferInsert {
  const now = work.audit.at;
  const reminderDays = channel === "email" ? plan.firm.reminderDays : [];
  return {
    firmId: firmOf(work.tx),
    // Wall-clock time, not the request instant: ids then order invitations made within one instant too.
    id: newId(),
    grantId: plan.grantee.grantId,
    granteeId: plan.grantee.id,
    email: plan.email,
    name: plan.grantee.name,
    language: plan.language,
    salutation: plan.salutation,
    channel,
    status: channel === "notice" ? "accepted" : "pending",
    personalMessage: plan.personalMessage,
    reminderDays,
    nextReminderAt: channel === "email" ? firstReminderAt(now, reminderDays) : null,
    sentAt: now,
    expiresAt: invitationExpiry(now, plan.firm.invitationLifetimeDays, reminderDays),
    invitedBy: work.actor.user.id,
    invitedByName: work.actor.user.name,
    acceptedAt: channel === "notice" ? now : null,
    acceptedAccountId: channel === "notice" ? plan.existingAccountId : null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Ends the grantee's pending invitations (replaced by a newer one, or withdrawn) and voids their links. */
export async function endInvitationsOfGrantees(
  tx: ScopedTx,
  granteeIds: readonly string[],
  status: "withdrawn" | "replaced",
  at: Date,
): Promise<void> {
  for (const id of await endPendingInvitations(tx, granteeIds, status, at))
    await voidTokens(tx, CLIENT_INVITATION, id, at);
}

/**
 * A person's address changed (SEC-5): grantees of that person who have not joined take the new
 * address, and their pending invitations end — the links went to the old address, so they stop
 * working; staff invite again to the new one.
 */
export async function followPersonEmail(tx: ScopedTx, personId: string, email: string | null, at: Date) {
  const moved = await tx.db
    .update(grantees)
    .set({ email: email?.trim().toLowerCase() || null, updatedAt: at })
    .where(and(eq(grantees.firmId, firmOf(tx)), eq(grantees.personId, personId), isNull(grantees.accountId)))
    .returning({ id: grantees.id });
  await endInvitationsOfGrantees(
    tx,
    moved.map((g) => g.id),
    "withdrawn",
    at,
  );
}

async function presentStored(tx: ScopedTx, id: string, now: Date): Promise<Invitation> {
  const row = await findInvitation(tx, id);
  if (!row) throw new AppError("not_found");
  const mails = await findInvitationMails(tx, row.lastOutboxId ? [row.lastOutboxId] : []);
  return presentInvitation(row, mails, now);
}

/**
 * Someone who already has an account (INV-1): the grantee is linked to it and active at once, and
 * told by a notice; nothing to register, no link.
 */
async function grantToExistingAccount(work: StaffWork, deps: InvitationMailDeps, plan: InvitationPlan) {
  const row = invitationRowOf(work, plan, "notice");
  await insertInvitation(work.tx, row);
  await work.tx.db
    .update(grantees)
    .set({
      accountId: plan.existingAccountId,
      status: plan.grantee.status === "locked" ? "locked" : "active",
      updatedAt: work.audit.at,
    })
    .where(and(eq(grantees.firmId, firmOf(work.tx)), eq(grantees.id, plan.grantee.id)));
  const outboxId = await queueInvitationMail(
    work.tx,
    deps,
    accessNoticeMail(deps, plan.firm, row as InvitationRow),
  );
  await updateInvitation(
    work.tx,
    row.id as string,
    { lastOutboxId: outboxId, lastMailReminder: 0 },
    work.audit.at,
  );
  await recordWebhookEvent(
    work.tx,
    "grantee.activated",
    { granteeId: plan.grantee.id, accountId: plan.existingAccountId ?? undefined },
    work.audit.at,
  );
  return row.id as string;
}

/**
 * Invites a grantee by email (INV-1): a single-use link to register, on the firm's reminder schedule;
 * an email that already has an account gets the access notice instead and the grantee is active at
 * once. A pending invitation of the grantee is replaced, its links voided. Audited.
 */
export async function inviteGrantee(
  work: StaffWork,
  deps: InvitationMailDeps,
  grantId: string,
  granteeId: string,
  input: InviteGrantee,
): Promise<Invitation> {
  const plan = await planInvitation(work, grantId, granteeId, input, "email");
  await endInvitationsOfGrantees(work.tx, [granteeId], "replaced", work.audit.at);
  let id: string;
  if (plan.existingAccountId) {
    id = await grantToExistingAccount(work, deps, plan);
  } else {
    const row = invitationRowOf(work, plan, "email");
    id = row.id as string;
    await insertInvitation(work.tx, row);
    const rawToken = await issueToken(work.tx, {
      purpose: CLIENT_INVITATION,
      subjectId: id,
      expiresAt: row.expiresAt,
      now: work.audit.at,
    });
    const outboxId = await queueInvitationMail(
      work.tx,
      deps,
      invitationMail(deps, plan.firm, row as InvitationRow, 0, rawToken),
    );
    await updateInvitation(work.tx, id, { lastOutboxId: outboxId, lastMailReminder: 0 }, work.audit.at);
  }
  const after = await presentStored(work.tx, id, work.audit.at);
  await recordAudit(work.tx, work.audit, {
    action: after.channel === "notice" ? "invitation.notice" : "invitation.send",
    entityType: "invitation",
    entityId: id,
    clientFileId: plan.grantee.personFileId,
    before: null,
    after,
  });
  return after;
}

/**
 * A link to send personally (INV-2): a new pending invitation without mails or reminders whose link
 * is answered this once and never stored; it voids every earlier link of the grantee (SEC-5). Audited.
 */
export async function createInvitationLink(
  work: StaffWork,
  deps: InvitationMailDeps,
  grantId: string,
  granteeId: string,
  input: InviteGrantee,
): Promise<InvitationLink> {
  const plan = await planInvitation(work, grantId, granteeId, input, "link");
  await endInvitationsOfGrantees(work.tx, [granteeId], "replaced", work.audit.at);
  const row = invitationRowOf(work, plan, "link");
  await insertInvitation(work.tx, row);
  const rawToken = await issueToken(work.tx, {
    purpose: CLIENT_INVITATION,
    subjectId: row.id as string,
    expiresAt: row.expiresAt,
    now: work.audit.at,
  });
  const invitation = await presentStored(work.tx, row.id as string, work.audit.at);
  await recordAudit(work.tx, work.audit, {
    action: "invitation.link",
    entityType: "invitation",
    entityId: invitation.id,
    clientFileId: plan.grantee.personFileId,
    before: null,
    after: invitation,
  });
  return { invitation, url: clientInvitationUrl(deps.config.publicUrl, rawToken) };
}

/** The mail an invitation would send now, rendered for staff to read and edit first (INV-5); nothing is stored. */
export async function previewInvitation(
  work: StaffWork,
  deps: InvitationMailDeps,
  grantId: string,
  granteeId: string,
  input: InviteGrantee,
): Promise<InvitationPreview> {
  const plan = await planInvitation(work, grantId, granteeId, input, "email");
  const row = invitationRowOf(work, plan, plan.existingAccountId ? "notice" : "email") as InvitationRow;
  const request: EmailRequest<"client-invitation"> | EmailRequest<"access-granted"> = plan.existingAccountId
    ? accessNoticeMail(deps, plan.firm, row)
    : invitationMail(deps, plan.firm, row, 0, null);
  const rendered = await renderInvitationMail(request);
  // The personal link does not exist yet: the preview shows where it will be.
  const link = (text: string) => text.replaceAll(secretPlaceholder("token"), "…");
  return {
    kind: plan.existingAccountId ? "notice" : "invitation",
    to: plan.email ?? "",
    subject: rendered.subject,
    text: link(rendered.text),
    html: link(rendered.html),
  };
}

/** The invitations of a grant's grantees, newest first, each with its last mail (INV-6). */
export async function listInvitationsOfGrant(work: StaffWork, grantId: string) {
  await loadGuardedGrant(work, grantId, "read");
  const rows = await listInvitationsOfGrants(work.tx, [grantId]);
  const mails = await findInvitationMails(
    work.tx,
    rows.map((r) => r.lastOutboxId).filter((id): id is string => id !== null),
  );
  return { invitations: rows.map((row) => presentInvitation(row, mails, work.audit.at)) };
}
