import type { InviteStaff, StaffInvitation } from "../../../contracts/staff.js";
import type { AppDeps } from "../../deps.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { queueEmail, secretPlaceholder } from "../../platform/mail/outbox.js";
import { issueToken, voidTokens } from "../../platform/tokens/one-time-tokens.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { firmBranding } from "../firms/firm-mail.js";
import { findAccountByEmail } from "../identity/accounts.queries.js";
import { presentStaffInvitation } from "./staff.presenter.js";
import {
  findFirmForInvitation,
  findInvitation,
  findPendingInvitationsByEmail,
  insertInvitation,
  isStaffOfFirm,
  type StaffInvitationRow,
  updateInvitation,
} from "./staff.queries.js";

/** The token purpose of staff invitation links. */
export const STAFF_INVITATION = "staff_invitation" as const;

const dayMs = 24 * 60 * 60 * 1000;

type InvitationDeps = Pick<AppDeps, "clock" | "queue" | "config" | "outboxKey">;

/** The address the invitation mail links to. The token rides in the fragment: it never reaches a server log. */
export function staffInvitationUrl(publicUrl: string, rawToken: string): string {
  return `${publicUrl.replace(/\/$/, "")}/invite/staff#token=${rawToken}`;
}

async function loadFirm(tx: ScopedTx, firmId: string) {
  const firm = await findFirmForInvitation(tx, firmId);
  if (!firm) throw new AppError("not_found");
  return firm;
}

/** Issues a fresh link for the invitation (voiding older ones) and queues its mail in the same transaction. */
async function sendInvitation(
  work: StaffWork,
  deps: InvitationDeps,
  invitation: Pick<StaffInvitationRow, "id" | "email" | "name" | "role" | "language">,
  expiresAt: Date,
) {
  const { tx, actor, audit } = work;
  const firm = await loadFirm(tx, actor.staff.firmId);
  const rawToken = await issueToken(tx, {
    purpose: STAFF_INVITATION,
    subjectId: invitation.id,
    expiresAt,
    now: audit.at,
  });
  await queueEmail(tx, deps, {
    template: "staff-invitation",
    recipient: {
      name: invitation.name,
      email: invitation.email,
      language: invitation.language as "de" | "fr" | "en",
      salutation: "formal",
    },
    props: {
      firmName: firm.name,
      inviterName: actor.user.name,
      role: invitation.role as "admin" | "advisor" | "assistant",
      // The token stays sealed in the outbox (SEC-5: no readable token at rest); see queueEmail.
      acceptUrl: staffInvitationUrl(deps.config.publicUrl, secretPlaceholder("token")),
      expiresAt: expiresAt.toISOString(),
    },
    branding: firmBranding(firm),
    meta: { reason: "staff_invitation", invitationId: invitation.id },
    secrets: { token: rawToken },
  });
}

async function expiryFrom(tx: ScopedTx, firmId: string, now: Date): Promise<Date> {
  const firm = await loadFirm(tx, firmId);
  return new Date(now.getTime() + firm.invitationLifetimeDays * dayMs);
}

/**
 * Invites a person by email. An email already on the firm's staff is refused (409 naming `email`);
 * a pending invitation of the same email is replaced, its link voided.
 */
export async function inviteStaff(work: StaffWork, deps: InvitationDeps, input: InviteStaff) {
  const { tx, actor, audit } = work;
  const firmId = actor.staff.firmId;
  const email = input.email.trim().toLowerCase();
  const account = await findAccountByEmail(tx, email);
  if (account && (await isStaffOfFirm(tx, firmId, account.id))) {
    throw new AppError(
      "conflict",
      "staff.email_taken",
      {},
      {
        fields: [{ field: "email", message: "staff.email_is_staff" }],
      },
    );
  }
  for (const previous of await findPendingInvitationsByEmail(tx, firmId, email)) {
    await updateInvitation(tx, firmId, previous.id, { status: "revoked", revokedAt: audit.at });
    await voidTokens(tx, STAFF_INVITATION, previous.id, audit.at);
    await recordAudit(tx, audit, {
      action: "staff_invitation.replace",
      entityType: "staff_invitation",
      entityId: previous.id,
      before: presentStaffInvitation(previous, audit.at),
      after: null,
    });
  }
  const id = newId();
  const expiresAt = await expiryFrom(tx, firmId, audit.at);
  await insertInvitation(tx, {
    firmId,
    id,
    email,
    name: input.name,
    role: input.role,
    language: input.language,
    invitedBy: actor.user.id,
    expiresAt,
    createdAt: audit.at,
  });
  await sendInvitation(
    work,
    deps,
    { id, email, name: input.name, role: input.role, language: input.language },
    expiresAt,
  );
  const created = await loadPendingInvitation(work, id);
  await recordAudit(tx, audit, {
    action: "staff_invitation.create",
    entityType: "staff_invitation",
    entityId: id,
    before: null,
    after: created,
  });
  return created;
}

async function loadPendingRow({ tx, actor }: StaffWork, id: string) {
  const row = await findInvitation(tx, actor.staff.firmId, id);
  // Accepted and revoked invitations are history: no longer something to resend or revoke.
  if (row?.status !== "pending") throw new AppError("not_found");
  return row;
}

async function loadPendingInvitation(work: StaffWork, id: string): Promise<StaffInvitation> {
  return presentStaffInvitation(await loadPendingRow(work, id), work.audit.at);
}

/** Sends the invitation again with a new link and a renewed expiry; the old link stops working (SEC-5). */
export async function resendStaffInvitation(work: StaffWork, deps: InvitationDeps, id: string) {
  const { tx, actor, audit } = work;
  const row = await loadPendingRow(work, id);
  const before = presentStaffInvitation(row, audit.at);
  const expiresAt = await expiryFrom(tx, actor.staff.firmId, audit.at);
  await updateInvitation(tx, actor.staff.firmId, id, { expiresAt });
  await sendInvitation(work, deps, row, expiresAt);
  const after = await loadPendingInvitation(work, id);
  await recordAudit(tx, audit, {
    action: "staff_invitation.resend",
    entityType: "staff_invitation",
    entityId: id,
    before,
    after,
  });
  return after;
}

/** Withdraws a pending invitation; its link stops working at once (SEC-5). */
export async function revokeStaffInvitation(work: StaffWork, id: string): Promise<void> {
  const { tx, actor, audit } = work;
  const row = await loadPendingRow(work, id);
  await updateInvitation(tx, actor.staff.firmId, id, { status: "revoked", revokedAt: audit.at });
  await voidTokens(tx, STAFF_INVITATION, id, audit.at);
  await recordAudit(tx, audit, {
    action: "staff_invitation.revoke",
    entityType: "staff_invitation",
    entityId: id,
    before: presentStaffInvitation(row, audit.at),
    after: null,
  });
}
