import { and, eq, inArray } from "drizzle-orm";
import type { StoredGranteeStatus } from "../../../contracts/grants.js";
import type { Database } from "../../platform/db/pool.js";
import { inScope } from "../../platform/db/scope.js";
import { effectiveStatus } from "../access/sharing-rules.js";
import { staffMembers } from "../firms/firms.tables.js";
import { sessions } from "../identity/identity.tables.js";
import { grantees } from "./grants.tables.js";

/**
 * Ends the sessions of accounts that no longer have any usable access (GRANT-7: a lock or revoke ends
 * that grantee's sessions at once). Runs after the change committed, in the account's own scope, so it
 * reads the account's grantee rows at every firm (RLS `account_reads_own`): an account still active
 * through another grantee anywhere, or working as staff, keeps its sessions. Either way the engine
 * evaluates the status on every request, so the very next portal request already sees the change.
 */
export async function endSessionsWithoutAccess(
  database: Database,
  accountIds: Iterable<string>,
  now: Date,
): Promise<string[]> {
  const ended: string[] = [];
  for (const accountId of new Set(accountIds)) {
    const done = await inScope(database, { userId: accountId }, async (tx) => {
      const rows = await tx.db
        .select({ status: grantees.status, expiresAt: grantees.expiresAt })
        .from(grantees)
        .where(eq(grantees.accountId, accountId));
      const stillActive = rows.some(
        (r) =>
          effectiveStatus({ status: r.status as StoredGranteeStatus, expiresAt: r.expiresAt }, now) ===
          "active",
      );
      if (stillActive) return false;
      const [staff] = await tx.db
        .select({ userId: staffMembers.userId })
        .from(staffMembers)
        .where(and(eq(staffMembers.userId, accountId), eq(staffMembers.active, true)));
      if (staff) return false;
      await tx.db.delete(sessions).where(inArray(sessions.userId, [accountId]));
      return true;
    });
    if (done) ended.push(accountId);
  }
  return ended;
}
