import { and, eq, inArray } from "drizzle-orm";
import type { StoredGranteeStatus } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { effectiveStatus } from "../access/sharing-rules.js";
import { type AuditContext, type AuditEvent, recordAudit } from "../audit/audit.service.js";
import { clientFiles, persons } from "../clients/clients.tables.js";
import { findFirm } from "../firms/firms.queries.js";
import { staffMembers } from "../firms/firms.tables.js";
import { grantees } from "../grants/grants.tables.js";
import { switchToFirm } from "../identity/account-firms.js";

// The account's own rows across firms. Every function here runs in the account's scope
// (`app.user_id` = the account): RLS `account_reads_own` lets it read its own grantee and staff rows
// at every firm, nothing else; a firm's other rows are read after switchToFirm, one firm at a time.

/** One of the account's grantee entries at some firm. */
export interface OwnGrantee {
  firmId: string;
  id: string;
  grantId: string;
  personId: string | null;
  storedStatus: StoredGranteeStatus;
  /** Gives access right now (active and not expired). */
  active: boolean;
}

/** The account's grantee entries at every firm, read through its own scope. */
export async function listOwnGrantees(tx: ScopedTx, accountId: string, now: Date): Promise<OwnGrantee[]> {
  const rows = await tx.db
    .select({
      firmId: grantees.firmId,
      id: grantees.id,
      grantId: grantees.grantId,
      personId: grantees.personId,
      status: grantees.status,
      expiresAt: grantees.expiresAt,
    })
    .from(grantees)
    .where(eq(grantees.accountId, accountId));
  return rows.map((r) => {
    const storedStatus = r.status as StoredGranteeStatus;
    return {
      firmId: r.firmId,
      id: r.id,
      grantId: r.grantId,
      personId: r.personId,
      storedStatus,
      active: effectiveStatus({ status: storedStatus, expiresAt: r.expiresAt }, now) === "active",
    };
  });
}

/** The account's staff memberships at every firm (active or not). */
export function listOwnStaffMemberships(tx: ScopedTx, accountId: string) {
  return tx.db
    .select({ firmId: staffMembers.firmId, role: staffMembers.role, active: staffMembers.active })
    .from(staffMembers)
    .where(eq(staffMembers.userId, accountId));
}

/** The firm's name, read in that firm's scope (the transaction must be switched to it). */
export async function firmName(tx: ScopedTx, firmId: string): Promise<string> {
  return (await findFirm(tx, firmId))?.name ?? "";
}

/** Persons of the firm in scope, with their file's name. */
export function selectPersonsWithFile(tx: ScopedTx, firmId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return tx.db
    .select({
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      salutation: persons.salutation,
      clientFileId: persons.clientFileId,
      fileName: clientFiles.displayName,
    })
    .from(persons)
    .innerJoin(
      clientFiles,
      and(eq(clientFiles.firmId, persons.firmId), eq(clientFiles.id, persons.clientFileId)),
    )
    .where(and(eq(persons.firmId, firmId), inArray(persons.id, [...personIds])));
}

/**
 * Records `event` in every firm of `firmIds` (switching the transaction from firm to firm), so each
 * firm's own log says what happened to the account there and no firm reads another's row.
 */
export async function auditInFirms(
  tx: ScopedTx,
  firmIds: Iterable<string>,
  context: AuditContext,
  event: (firmId: string) => AuditEvent,
): Promise<void> {
  for (const firmId of new Set(firmIds))
    await recordAudit(await switchToFirm(tx, firmId), context, event(firmId));
}
