import { and, eq, inArray } from "drizzle-orm";
import type { PersonRole } from "../../../contracts/clients.js";
import type {
  AccessLevel,
  AddGrantee,
  Grantee,
  StoredGranteeStatus,
  UpdateGrantee,
} from "../../../contracts/grants.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AccessChange } from "../../platform/mail/templates/access-changed.js";
import {
  assertWithdrawalAllowed,
  externalAdvisorRefusal,
  lowersAccess,
} from "../access/grant-management.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { persons } from "../clients/clients.tables.js";
import { endInvitationsOfGrantees } from "../invitations/invitations.service.js";
import { isUniqueViolation } from "../records/records.scope.js";
import { FieldProblems } from "../records/records.validation.js";
import { type GuardedGrant, loadGuardedGrant } from "./grant-guard.js";
import { type GranteeMailDeps, queueAccessChangedMail } from "./grantee-mail.js";
import { granteeRole, presentGrantee } from "./grants.presenter.js";
import { findGrantee, firmOf, type GranteeRow } from "./grants.queries.js";
import type { GrantOutcome } from "./grants.service.js";
import { grantees } from "./grants.tables.js";

const audited = { entityType: "grantee" } as const;

async function loadGrantee(work: StaffWork, grantId: string, granteeId: string): Promise<GranteeRow> {
  const row = await findGrantee(work.tx, granteeId, grantId);
  if (!row) throw new AppError("not_found");
  return row;
}

/** The person to add, when `personId` names a person of a file the grant bundles. */
async function personOfGrant(work: StaffWork, guarded: GuardedGrant, personId: string) {
  const [person] = await work.tx.db
    .select()
    .from(persons)
    .where(
      and(
        eq(persons.firmId, firmOf(work.tx)),
        eq(persons.id, personId),
        inArray(
          persons.clientFileId,
          guarded.files.map((f) => f.id),
        ),
      ),
    );
  return person;
}

function checkExpiry(expiresAt: string | null | undefined, now: Date, problems: FieldProblems): Date | null {
  if (!expiresAt) return null;
  const at = new Date(expiresAt);
  if (at.getTime() <= now.getTime()) problems.add("expiresAt", "grants.expiry_in_past");
  return at;
}

/**
 * Shares a grant with a person of a bundled file (`personId`) or an outside person (`email`, `name`;
 * an external advisor). Only staff allowed by the firm policy get here (the grant is loaded for
 * management); the grantee starts `pending` until they join, with the grant's default access unless
 * `access` is sent. Audited.
 */
export async function addGrantee(work: StaffWork, grantId: string, input: AddGrantee): Promise<Grantee> {
  const guarded = await loadGuardedGrant(work, grantId, "manage");
  const problems = new FieldProblems();
  let person: Awaited<ReturnType<typeof personOfGrant>>;
  if (input.personId) {
    if (input.email !== undefined) problems.add("email", "grants.person_or_outsider");
    if (input.name !== undefined) problems.add("name", "grants.person_or_outsider");
    person = await personOfGrant(work, guarded, input.personId);
    if (!person) problems.add("personId", "grants.person_not_in_grant");
  } else {
    if (!input.email) problems.add("email", "grants.person_or_email");
    if (!input.name) problems.add("name", "field.required");
  }
  const expiresAt = checkExpiry(input.expiresAt, work.audit.at, problems);
  problems.throwIfAny();
  const role = (person?.role as PersonRole | undefined) ?? "external_advisor";
  const refusal = externalAdvisorRefusal("staff", role);
  if (refusal) throw new AppError("forbidden", refusal);
  if (expiresAt) assertWithdrawalAllowed(guarded.firm.policies, role, "set_expiry");
  const id = newId(work.audit.at.getTime());
  try {
    await work.tx.db.insert(grantees).values({
      firmId: firmOf(work.tx),
      id,
      grantId,
      personId: person?.id ?? null,
      email: person ? (person.email?.trim().toLowerCase() ?? null) : (input.email ?? null),
      name: person ? `${person.firstName} ${person.lastName}` : (input.name ?? ""),
      // Unless told otherwise, the access the grant's profile gives new grantees (GRANT-10).
      access: input.access ?? (guarded.grant.defaultAccess as AccessLevel),
      isPrimaryContact: input.isPrimaryContact ?? false,
      expiresAt,
      status: "pending",
      createdAt: work.audit.at,
      updatedAt: work.audit.at,
    });
  } catch (error) {
    const constraint = person ? "grantees_person_once_idx" : "grantees_outsider_once_idx";
    if (!isUniqueViolation(error, constraint)) throw error;
    const field = person ? "personId" : "email";
    throw new AppError(
      "conflict",
      "grants.grantee_exists",
      {},
      { fields: [{ field, message: "grants.grantee_exists" }] },
    );
  }
  const after = presentGrantee(await loadGrantee(work, grantId, id), work.audit.at);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "grantee.create",
    entityId: id,
    clientFileId: after.clientFileId,
    before: null,
    after,
  });
  return after;
}

async function writeGrantee(
  work: StaffWork,
  deps: GranteeMailDeps,
  guarded: GuardedGrant,
  row: GranteeRow,
  values: Partial<typeof grantees.$inferInsert>,
  action: string,
  changes: AccessChange[],
): Promise<Grantee> {
  await work.tx.db
    .update(grantees)
    .set({ ...values, updatedAt: work.audit.at })
    .where(and(eq(grantees.firmId, firmOf(work.tx)), eq(grantees.id, row.id)));
  const updated = await loadGrantee(work, row.grantId, row.id);
  const after = presentGrantee(updated, work.audit.at);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action,
    entityId: row.id,
    clientFileId: after.clientFileId,
    before: presentGrantee(row, work.audit.at),
    after,
  });
  await queueAccessChangedMail(work.tx, deps, guarded.firm, updated, changes);
  return after;
}

/**
 * Changes a grantee's access, primary-contact flag or expiry (GRANT-2). With the firm policy
 * `holdersAccessIrrevocable`, a holder's or co-holder's access cannot be lowered or given an end date
 * (409 naming the policy). A grantee with an account is told of changed rights by mail. Audited.
 */
export async function updateGrantee(
  work: StaffWork,
  deps: GranteeMailDeps,
  grantId: string,
  granteeId: string,
  patch: UpdateGrantee,
): Promise<Grantee> {
  const guarded = await loadGuardedGrant(work, grantId, "manage");
  const row = await loadGrantee(work, grantId, granteeId);
  const role = granteeRole(row);
  const problems = new FieldProblems();
  const expiresAt =
    patch.expiresAt === undefined ? undefined : checkExpiry(patch.expiresAt, work.audit.at, problems);
  problems.throwIfAny();
  const values: Partial<typeof grantees.$inferInsert> = {};
  const changes: AccessChange[] = [];
  if (patch.access !== undefined && patch.access !== row.access) {
    if (lowersAccess(row.access as AccessLevel, patch.access))
      assertWithdrawalAllowed(guarded.firm.policies, role, "lower_access");
    values.access = patch.access;
    changes.push({ kind: "access", to: patch.access });
  }
  if (expiresAt !== undefined && expiresAt?.getTime() !== row.expiresAt?.getTime()) {
    if (expiresAt) assertWithdrawalAllowed(guarded.firm.policies, role, "set_expiry");
    values.expiresAt = expiresAt;
    changes.push({ kind: "expiry", to: expiresAt?.toISOString() ?? null });
  }
  if (patch.isPrimaryContact !== undefined && patch.isPrimaryContact !== row.isPrimaryContact)
    values.isPrimaryContact = patch.isPrimaryContact;
  if (Object.keys(values).length === 0) return presentGrantee(row, work.audit.at);
  return writeGrantee(work, deps, guarded, row, values, "grantee.update", changes);
}

/** The status actions of GRANT-7. */
export type GranteeStatusAction = "lock" | "unlock" | "revoke" | "reinstate";

/** The status a grantee returns to: active once they have an account, else still pending. */
function openStatus(row: GranteeRow): StoredGranteeStatus {
  return row.accountId ? "active" : "pending";
}

/**
 * Locks, unlocks, revokes or reinstates a grantee (GRANT-7). Asking for the status a grantee already
 * has changes nothing; a revoked grantee must be reinstated before it can be locked or unlocked (409).
 * With `holdersAccessIrrevocable`, holders and co-holders cannot be locked or revoked (409 naming the
 * policy). Audited; a grantee with an account is told by mail; after a lock or revoke the caller ends
 * the account's sessions when it has no other access left.
 */
export async function changeGranteeStatus(
  work: StaffWork,
  deps: GranteeMailDeps,
  grantId: string,
  granteeId: string,
  action: GranteeStatusAction,
): Promise<GrantOutcome<Grantee>> {
  const guarded = await loadGuardedGrant(work, grantId, "manage");
  const row = await loadGrantee(work, grantId, granteeId);
  const current = row.status as StoredGranteeStatus;
  const unchanged = { result: presentGrantee(row, work.audit.at), accountsLosingAccess: [] };
  let next: StoredGranteeStatus;
  switch (action) {
    case "lock":
    case "unlock":
      if (current === "revoked") throw new AppError("conflict", "grants.grantee_revoked");
      if ((action === "lock") === (current === "locked")) return unchanged;
      if (action === "lock") assertWithdrawalAllowed(guarded.firm.policies, granteeRole(row), "lock");
      next = action === "lock" ? "locked" : openStatus(row);
      break;
    case "revoke":
      if (current === "revoked") return unchanged;
      assertWithdrawalAllowed(guarded.firm.policies, granteeRole(row), "revoke");
      next = "revoked";
      break;
    case "reinstate":
      if (current !== "revoked") return unchanged;
      next = openStatus(row);
      break;
  }
  const change: AccessChange = {
    lock: { kind: "locked" as const },
    unlock: { kind: "unlocked" as const },
    revoke: { kind: "revoked" as const },
    reinstate: { kind: "reinstated" as const },
  }[action];
  const result = await writeGrantee(work, deps, guarded, row, { status: next }, `grantee.${action}`, [
    change,
  ]);
  // A revoked grantee's invitation ends with it: its links stop working, no reminder goes (INV-4).
  if (action === "revoke") await endInvitationsOfGrantees(work.tx, [row.id], "withdrawn", work.audit.at);
  const losing = (action === "lock" || action === "revoke") && row.accountId ? [row.accountId] : [];
  return { result, accountsLosingAccess: losing };
}
