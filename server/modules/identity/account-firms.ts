import { asc, eq } from "drizzle-orm";
import type { StoredGranteeStatus } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { effectiveStatus } from "../access/sharing-rules.js";
import { staffMembers } from "../firms/firms.tables.js";
import { grantees } from "../grants/grants.tables.js";

/** The firms an account belongs to, the one that speaks for it first. */
export interface AccountFirms {
  /** The firm whose scope holds the account's tokens, mails and audit rows; null when it has none. */
  home: string | null;
  /** Every firm it belongs to (staff or grantee, in any state), the home firm first. */
  all: string[];
}

/**
 * Which firms an account belongs to, read through the account scope (RLS `account_reads_own` on
 * `staff_members` and `grantees`): the transaction must have `app.user_id` set to `userId`.
 * Accounts are global but tokens, mails and audit rows live in a firm, so one firm must be chosen:
 * an active staff membership first (the firm the person works for), then an active grantee, then any
 * membership at all (a locked client may still recover the password it will need once unlocked).
 * Oldest first within each kind, so the choice stays the same from one request to the next.
 */
export async function findAccountFirms(tx: ScopedTx, userId: string, now: Date): Promise<AccountFirms> {
  const staff = await tx.db
    .select({ firmId: staffMembers.firmId, active: staffMembers.active })
    .from(staffMembers)
    .where(eq(staffMembers.userId, userId))
    .orderBy(asc(staffMembers.createdAt));
  const granted = await tx.db
    .select({ firmId: grantees.firmId, status: grantees.status, expiresAt: grantees.expiresAt })
    .from(grantees)
    .where(eq(grantees.accountId, userId))
    .orderBy(asc(grantees.createdAt));
  const activeGrantee = granted.find(
    (g) =>
      effectiveStatus({ status: g.status as StoredGranteeStatus, expiresAt: g.expiresAt }, now) === "active",
  );
  const ordered = [
    ...staff.filter((s) => s.active).map((s) => s.firmId),
    ...(activeGrantee ? [activeGrantee.firmId] : []),
    ...staff.map((s) => s.firmId),
    ...granted.map((g) => g.firmId),
  ];
  const all = [...new Set(ordered)];
  return { home: all[0] ?? null, all };
}

/**
 * Switches the caller's transaction to `firmId` (keeping its account scope) and answers the scoped
 * transaction: `set_config(…, true)` lasts until commit, like the scope the transaction opened with.
 */
export async function switchToFirm(tx: ScopedTx, firmId: string): Promise<ScopedTx> {
  await tx.client.query("select set_config('app.firm_id', $1, true)", [firmId]);
  return { ...tx, scope: { ...tx.scope, firmId } };
}
