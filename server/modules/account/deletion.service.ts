import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { PersonRole } from "../../../contracts/clients.js";
import type { DeleteAccount, RemovedAccount } from "../../../contracts/profile.js";
import type { AppDeps } from "../../deps.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { assertAccountRemovable, assertNotLastAdmin } from "../access/account-data.js";
import type { Actor } from "../access/actor.js";
import type { StaffWork } from "../access/staff-scope.js";
import {
  type AuditContext,
  auditContextOf,
  recordAudit,
  systemAuditContext,
} from "../audit/audit.service.js";
import { persons } from "../clients/clients.tables.js";
import { loadGuardedGrant } from "../grants/grant-guard.js";
import { endSessionsWithoutAccess } from "../grants/grantee-sessions.js";
import { grantees } from "../grants/grants.tables.js";
import { findAccountFirms, switchToFirm } from "../identity/account-firms.js";
import { users } from "../identity/identity.tables.js";
import { endInvitationsOfGrantees } from "../invitations/invitations.service.js";
import { FieldProblems } from "../records/records.validation.js";
import { lockActiveAdmins } from "../staff/staff.queries.js";
import { firmName, listOwnGrantees, listOwnStaffMemberships } from "./profile.queries.js";
import { assertPassword } from "./second-factor.service.js";

// AUDIT-2. Deleting an account erases what is the account's own: its row in `users` and, by cascade,
// its sessions, credentials, second factor, passkeys, codes, sign-in challenges, staff memberships and
// notification choices. What belongs to the client file stays: audit rows keep the actor's id and
// name as written, correspondence keeps its author person and name snapshot, and each grantee entry
// stays on its file as `revoked` without the account link — the file's history still says who it was.

type DeletionDeps = Pick<AppDeps, "database" | "clock" | "secondFactorKey">;

/** The account's grantee entries in the firm in scope, with the role of their person. */
function granteesOfAccount(tx: ScopedTx, firmId: string, accountId: string) {
  return tx.db
    .select({
      id: grantees.id,
      grantId: grantees.grantId,
      status: grantees.status,
      personId: grantees.personId,
      role: persons.role,
      clientFileId: persons.clientFileId,
    })
    .from(grantees)
    .leftJoin(persons, and(eq(persons.firmId, grantees.firmId), eq(persons.id, grantees.personId)))
    .where(and(eq(grantees.firmId, firmId), eq(grantees.accountId, accountId)));
}

/**
 * Revokes the account's grantee entries in the firm in scope and drops their account link, ends their
 * open invitations, and audits each on its file: `grantee.account_deleted` when the account itself is
 * erased (the file's history then says so), `grantee.account_removed` when a firm took it off. Answers
 * how many entries it changed.
 */
async function detachGrantees(
  tx: ScopedTx,
  accountId: string,
  context: AuditContext,
  action: "grantee.account_removed" | "grantee.account_deleted" = "grantee.account_removed",
): Promise<number> {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("detachGrantees needs a firm scope");
  const rows = await granteesOfAccount(tx, firmId, accountId);
  if (rows.length === 0) return 0;
  await tx.db
    .update(grantees)
    .set({ status: "revoked", accountId: null, updatedAt: context.at })
    .where(and(eq(grantees.firmId, firmId), eq(grantees.accountId, accountId)));
  await endInvitationsOfGrantees(
    tx,
    rows.map((r) => r.id),
    "withdrawn",
    context.at,
  );
  for (const row of rows)
    await recordAudit(tx, context, {
      action,
      entityType: "grantee",
      entityId: row.id,
      clientFileId: row.clientFileId,
      before: { status: row.status, accountId },
      after: { status: "revoked", accountId: null },
    });
  return rows.length;
}

/**
 * Erases the account (the transaction must be in its scope): in every firm it belongs to, its grantee
 * entries are detached and the firm's log records the deletion; then its `users` row goes, and with
 * it everything that is only the account's.
 */
async function eraseAccount(
  tx: ScopedTx,
  accountId: string,
  context: AuditContext,
  by: "self" | "firm",
): Promise<void> {
  const { all } = await findAccountFirms(tx, accountId, context.at);
  for (const firmId of all) {
    const inFirm = await switchToFirm(tx, firmId);
    const revokedGrantees = await detachGrantees(inFirm, accountId, context, "grantee.account_deleted");
    await recordAudit(inFirm, context, {
      action: "account.delete",
      entityType: "account",
      entityId: accountId,
      before: null,
      after: { by, revokedGrantees, erased: true },
    });
  }
  await tx.db.delete(users).where(eq(users.id, accountId));
}

/**
 * The signed-in account deletes itself (AUDIT-2): its password again (400 on `password`), the
 * consequences confirmed (400 on `confirm`), and never the last active admin of a firm (409 naming it).
 */
export async function deleteOwnAccount(
  deps: DeletionDeps,
  request: FastifyRequest,
  actor: Actor,
  input: DeleteAccount,
): Promise<void> {
  const problems = new FieldProblems();
  if (input.password === "") problems.add("password", "account.delete_password_needed");
  if (!input.confirm) problems.add("confirm", "account.delete_confirm_needed");
  problems.throwIfAny();
  await assertPassword(deps, actor, input.password);
  const context = auditContextOf(request, actor, deps.clock);
  await inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    const adminOf = (await listOwnStaffMemberships(tx, actor.user.id)).filter(
      (m) => m.active && m.role === "admin",
    );
    const admins: Array<{ firmName: string; admins: string[] }> = [];
    for (const membership of adminOf) {
      const inFirm = await switchToFirm(tx, membership.firmId);
      admins.push({
        firmName: await firmName(inFirm, membership.firmId),
        admins: await lockActiveAdmins(inFirm, membership.firmId),
      });
    }
    assertNotLastAdmin(actor.user.id, admins);
    await eraseAccount(tx, actor.user.id, context, "self");
  });
}

/**
 * Staff take a portal account out of their firm, starting from one of its grantee entries: every
 * entry of that account here is revoked and unlinked. The staff member must be allowed to manage each
 * grant involved (404 / 403 as the grant editor answers) and the firm policy must let each access be
 * withdrawn (409). Answers the account, for `finishRemoval` after the commit.
 */
export async function removePortalAccount(
  work: StaffWork,
  grantId: string,
  granteeId: string,
): Promise<{ result: RemovedAccount; accountId: string }> {
  const firmId = work.actor.staff.firmId;
  const guarded = await loadGuardedGrant(work, grantId, "manage");
  const [entry] = await work.tx.db
    .select({ accountId: grantees.accountId })
    .from(grantees)
    .where(and(eq(grantees.firmId, firmId), eq(grantees.grantId, grantId), eq(grantees.id, granteeId)));
  if (!entry) throw new AppError("not_found");
  if (!entry.accountId) throw new AppError("conflict", "account.grantee_has_no_account");
  const accountId = entry.accountId;
  const rows = await granteesOfAccount(work.tx, firmId, accountId);
  for (const otherGrant of new Set(rows.map((r) => r.grantId)))
    if (otherGrant !== grantId) await loadGuardedGrant(work, otherGrant, "manage");
  assertAccountRemovable(
    guarded.firm.policies,
    rows.map((r) => (r.role as PersonRole | null) ?? "external_advisor"),
  );
  const revokedGrantees = await detachGrantees(work.tx, accountId, work.audit);
  await recordAudit(work.tx, work.audit, {
    action: "account.remove_from_firm",
    entityType: "account",
    entityId: accountId,
    before: null,
    after: { revokedGrantees, granteeIds: rows.map((r) => r.id) },
  });
  return { result: { revokedGrantees }, accountId };
}

/**
 * After a firm removed the account: one that now reaches no firm at all (no grantee entry that is not
 * revoked, no staff membership anywhere) is erased, recorded by the system in each firm where it still
 * had (revoked) entries; one that still reaches another firm keeps its account and loses the sessions
 * it no longer needs. Runs in the account's own scope; the firm that removed it learns neither way.
 */
export async function finishRemoval(deps: Pick<AppDeps, "database" | "clock">, accountId: string) {
  const now = deps.clock.now();
  const erased = await inScope(deps.database, { userId: accountId }, async (tx) => {
    const own = await listOwnGrantees(tx, accountId, now);
    const staff = await listOwnStaffMemberships(tx, accountId);
    if (staff.length > 0 || own.some((g) => g.storedStatus !== "revoked")) return false;
    const [exists] = await tx.db.select({ id: users.id }).from(users).where(eq(users.id, accountId));
    if (!exists) return false;
    await eraseAccount(tx, accountId, systemAuditContext(deps.clock), "firm");
    return true;
  });
  if (!erased) await endSessionsWithoutAccess(deps.database, [accountId], now);
}
