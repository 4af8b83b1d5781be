import { and, asc, desc, eq } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { firms, staffMembers } from "./firms.tables.js";

/** The account's staff membership (readable through the account scope), or undefined. */
export async function findStaffMembershipOfUser(tx: ScopedTx, userId: string) {
  const [membership] = await tx.db
    .select({ firmId: staffMembers.firmId, role: staffMembers.role, active: staffMembers.active })
    .from(staffMembers)
    .where(eq(staffMembers.userId, userId))
    // An account may be staff at several firms: an active membership wins, then the oldest.
    .orderBy(desc(staffMembers.active), asc(staffMembers.createdAt))
    .limit(1);
  return membership;
}

/** The firm in scope, or undefined. */
export async function findFirm(tx: ScopedTx, firmId: string) {
  const [firm] = await tx.db.select().from(firms).where(eq(firms.firmId, firmId));
  return firm;
}

/** One staff member of the firm in scope. */
export async function findStaffMember(tx: ScopedTx, firmId: string, userId: string) {
  const [member] = await tx.db
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.firmId, firmId), eq(staffMembers.userId, userId)));
  return member;
}
