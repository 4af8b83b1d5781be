import type { FastifyRequest } from "fastify";
import type { Language, StaffRole } from "../../../contracts/common.js";
import type {
  AcceptedStaffInvitation,
  AcceptStaffInvitation,
  StaffInvitationPreview,
} from "../../../contracts/staff.js";
import type { AppDeps } from "../../deps.js";
import { sqlState, UNIQUE_VIOLATION } from "../../platform/db/errors.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { consumeToken, enterTokenScope } from "../../platform/tokens/one-time-tokens.js";
import { type AuditContext, recordAudit } from "../audit/audit.service.js";
import { findAccountByEmail, findPasswordHash, insertAccount } from "../identity/accounts.queries.js";
import { signIn } from "../identity/identity.service.js";
import { assertPasswordAcceptable, hashPassword, verifyPassword } from "../identity/password.js";
import { presentStaffInvitation, presentStaffMember } from "./staff.presenter.js";
import {
  findFirmForInvitation,
  findInvitation,
  findStaffMemberWithAccount,
  insertStaffMember,
  isStaffOfFirm,
  updateInvitation,
} from "./staff.queries.js";
import { STAFF_INVITATION } from "./staff-invitations.service.js";

// Unknown, used, voided, expired and revoked links all get this one answer.
const invitationGone = () => new AppError("not_found", "staff.invitation_gone");

/** The pending invitation behind a token already entered (its firm is the transaction's scope). */
async function pendingInvitationOf(tx: ScopedTx, firmId: string, invitationId: string, now: Date) {
  const invitation = await findInvitation(tx, firmId, invitationId);
  if (invitation?.status !== "pending" || invitation.expiresAt <= now) throw invitationGone();
  return invitation;
}

/**
 * What the invited person sees before accepting: firm, email, name, role, expiry. Reads only (SEC-6:
 * opening a link, also by a mail scanner, consumes nothing).
 */
export async function peekStaffInvitation(deps: AppDeps, rawToken: string): Promise<StaffInvitationPreview> {
  const now = deps.clock.now();
  return inScope(deps.database, {}, async (tx) => {
    const found = await enterTokenScope(tx, STAFF_INVITATION, rawToken, now);
    if (!found) throw invitationGone();
    const { firmId, subjectId } = found.token;
    const invitation = await pendingInvitationOf(found.tx, firmId, subjectId, now);
    const firm = await findFirmForInvitation(found.tx, firmId);
    if (!firm) throw invitationGone();
    return {
      firmName: firm.name,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role as StaffRole,
      language: invitation.language as Language,
      expiresAt: invitation.expiresAt.toISOString(),
      existingAccount: (await findAccountByEmail(found.tx, invitation.email)) !== undefined,
    };
  });
}

/**
 * Accepts an invitation: creates the account (or, when one exists for the email, checks its password
 * instead of creating a second), adds the membership with the invited role, marks the invitation
 * accepted and consumes the token — one transaction — then signs the new member in.
 */
export async function acceptStaffInvitation(
  deps: AppDeps,
  request: FastifyRequest,
  input: AcceptStaffInvitation,
): Promise<AcceptedStaffInvitation & { headers: Headers }> {
  const now = deps.clock.now();
  const preview = await peekStaffInvitation(deps, input.token);
  const email = preview.email;
  // SEC-7: an invitation is for its recipient; someone else signed in on this browser must not take it.
  if (request.actor && request.actor.user.email.toLowerCase() !== email) {
    throw new AppError("forbidden", "staff.invitation_other_account");
  }
  const existing = await inScope(deps.database, {}, (tx) => findAccountByEmail(tx, email));
  let passwordHash: string | null = null;
  if (existing) {
    const stored = await inScope(deps.database, {}, (tx) => findPasswordHash(tx, existing.id));
    if (!stored || !(await verifyPassword(stored, input.password)))
      throw invalidField("password", "staff.password_wrong");
  } else {
    await assertPasswordAcceptable(input.password, email, "password");
    passwordHash = await hashPassword(input.password);
  }

  let result: AcceptedStaffInvitation;
  try {
    result = await inScope(deps.database, {}, async (tx) => {
      // Consumed first: a parallel acceptance waits on this row and then finds the token used.
      const used = await consumeToken(tx, STAFF_INVITATION, input.token, now);
      if (!used) throw invitationGone();
      const firmId = used.token.firmId;
      const ftx = used.tx;
      const invitation = await pendingInvitationOf(ftx, firmId, used.token.subjectId, now);
      const account = await findAccountByEmail(ftx, invitation.email);
      // The account appeared or vanished since the password was checked: start over.
      if (Boolean(account) !== Boolean(existing)) throw new AppError("conflict");
      const name = account?.name ?? input.name ?? invitation.name;
      const userId = account?.id ?? newId();
      if (!account && passwordHash) {
        const values = { id: userId, name, email: invitation.email, language: invitation.language };
        await insertAccount(ftx, { ...values, passwordHash, at: now });
      }
      if (await isStaffOfFirm(ftx, firmId, userId)) throw new AppError("conflict", "staff.already_member");
      await insertStaffMember(ftx, { firmId, userId, role: invitation.role, at: now });
      await updateInvitation(ftx, firmId, invitation.id, {
        status: "accepted",
        acceptedAt: now,
        acceptedUserId: userId,
      });
      const audit: AuditContext = {
        actorUserId: userId,
        actorName: name,
        actorKind: "staff",
        ip: request.ip ?? null,
        userAgent: (request.headers["user-agent"] ?? "").slice(0, 500) || null,
        at: now,
      };
      await recordAudit(ftx, audit, {
        action: "staff_invitation.accept",
        entityType: "staff_invitation",
        entityId: invitation.id,
        before: presentStaffInvitation(invitation, now),
        after: { status: "accepted", acceptedUserId: userId, newAccount: !account },
      });
      const member = await findStaffMemberWithAccount(ftx, firmId, userId);
      await recordAudit(ftx, audit, {
        action: "staff_member.join",
        entityType: "staff_member",
        entityId: userId,
        before: null,
        after: member ? presentStaffMember(member) : null,
      });
      return { firmId, userId };
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new AppError("conflict");
    throw error;
  }
  const { headers } = await signIn(deps, request, email, input.password);
  return { ...result, headers };
}
