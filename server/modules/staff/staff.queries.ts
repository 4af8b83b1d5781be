import { and, asc, eq, sql } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { firms, staffMembers } from "../firms/firms.tables.js";
import { sessions, users } from "../identity/identity.tables.js";
import { staffInvitations } from "./staff.tables.js";

/** A staff member joined with the account's name and email. */
export type StaffMemberRow = Awaited<ReturnType<typeof listStaffMembers>>[number];

/** A staff invitation with the inviter's name. */
export type StaffInvitationRow = Awaited<ReturnType<typeof listPendingInvitations>>[number];

const memberColumns = {
  userId: staffMembers.userId,
  role: staffMembers.role,
  active: staffMembers.active,
  deactivatedAt: staffMembers.deactivatedAt,
  createdAt: staffMembers.createdAt,
  name: users.name,
  email: users.email,
};

/** Every staff member of the firm, with name and email, by name. */
export function listStaffMembers(tx: ScopedTx, firmId: string) {
  return tx.db
    .select(memberColumns)
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(eq(staffMembers.firmId, firmId))
    .orderBy(asc(users.name), asc(users.email));
}

/** One staff member of the firm, or undefined (also for another firm's members). */
export async function findStaffMemberWithAccount(tx: ScopedTx, firmId: string, userId: string) {
  const [member] = await tx.db
    .select(memberColumns)
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(eq(staffMembers.firmId, firmId), eq(staffMembers.userId, userId)));
  return member;
}

/**
 * The user ids of the firm's active admins, locked until the transaction ends, so two concurrent
 * demotions cannot both see "another admin is left".
 */
export async function lockActiveAdmins(tx: ScopedTx, firmId: string): Promise<string[]> {
  const rows = await tx.db
    .select({ userId: staffMembers.userId })
    .from(staffMembers)
    .where(
      and(eq(staffMembers.firmId, firmId), eq(staffMembers.role, "admin"), eq(staffMembers.active, true)),
    )
    .for("update");
  return rows.map((r) => r.userId);
}

/** Changes a member's role. */
export async function updateStaffRole(tx: ScopedTx, firmId: string, userId: string, role: string) {
  await tx.db
    .update(staffMembers)
    .set({ role })
    .where(and(eq(staffMembers.firmId, firmId), eq(staffMembers.userId, userId)));
}

/** Sets a member active or inactive (with the time of deactivation). */
export async function updateStaffActive(
  tx: ScopedTx,
  firmId: string,
  userId: string,
  active: boolean,
  at: Date,
) {
  await tx.db
    .update(staffMembers)
    .set({ active, deactivatedAt: active ? null : at })
    .where(and(eq(staffMembers.firmId, firmId), eq(staffMembers.userId, userId)));
}

/** Ends every session of an account at once (sessions are global; the account is found by membership first). */
export async function deleteSessionsOfUser(tx: ScopedTx, userId: string): Promise<number> {
  const deleted = await tx.db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return deleted.length;
}

const invitationColumns = {
  id: staffInvitations.id,
  email: staffInvitations.email,
  name: staffInvitations.name,
  role: staffInvitations.role,
  language: staffInvitations.language,
  status: staffInvitations.status,
  invitedBy: staffInvitations.invitedBy,
  invitedByName: users.name,
  expiresAt: staffInvitations.expiresAt,
  createdAt: staffInvitations.createdAt,
};

/** The firm's pending invitations (live and expired), newest first. */
export function listPendingInvitations(tx: ScopedTx, firmId: string) {
  return tx.db
    .select(invitationColumns)
    .from(staffInvitations)
    .leftJoin(users, eq(users.id, staffInvitations.invitedBy))
    .where(and(eq(staffInvitations.firmId, firmId), eq(staffInvitations.status, "pending")))
    .orderBy(sql`${staffInvitations.createdAt} desc`);
}

/** One invitation of the firm by id (any status), or undefined. */
export async function findInvitation(tx: ScopedTx, firmId: string, id: string) {
  const [invitation] = await tx.db
    .select(invitationColumns)
    .from(staffInvitations)
    .leftJoin(users, eq(users.id, staffInvitations.invitedBy))
    .where(and(eq(staffInvitations.firmId, firmId), eq(staffInvitations.id, id)));
  return invitation;
}

/** The firm's pending invitations for one (normalized) email, locked for replacement. */
export function findPendingInvitationsByEmail(tx: ScopedTx, firmId: string, email: string) {
  return tx.db
    .select(invitationColumns)
    .from(staffInvitations)
    .leftJoin(users, eq(users.id, staffInvitations.invitedBy))
    .where(
      and(
        eq(staffInvitations.firmId, firmId),
        eq(staffInvitations.email, email),
        eq(staffInvitations.status, "pending"),
      ),
    )
    .for("update", { of: staffInvitations });
}

/** Inserts a new pending invitation. */
export async function insertInvitation(
  tx: ScopedTx,
  values: {
    firmId: string;
    id: string;
    email: string;
    name: string;
    role: string;
    language: string;
    invitedBy: string;
    expiresAt: Date;
    createdAt: Date;
  },
) {
  await tx.db.insert(staffInvitations).values({ ...values, status: "pending" });
}

/** Moves an invitation on: revoked, accepted (with the account), or a renewed expiry. */
export async function updateInvitation(
  tx: ScopedTx,
  firmId: string,
  id: string,
  change: Partial<{
    status: "pending" | "accepted" | "revoked" | "expired";
    expiresAt: Date;
    acceptedAt: Date;
    acceptedUserId: string;
    revokedAt: Date;
  }>,
) {
  await tx.db
    .update(staffInvitations)
    .set(change)
    .where(and(eq(staffInvitations.firmId, firmId), eq(staffInvitations.id, id)));
}

/** Whether the account is (active or not) staff of the firm. */
export async function isStaffOfFirm(tx: ScopedTx, firmId: string, userId: string): Promise<boolean> {
  const [row] = await tx.db
    .select({ userId: staffMembers.userId })
    .from(staffMembers)
    .where(and(eq(staffMembers.firmId, firmId), eq(staffMembers.userId, userId)));
  return row !== undefined;
}

/** The firm's branding and invitation policy. */
export async function findFirmForInvitation(tx: ScopedTx, firmId: string) {
  const [firm] = await tx.db
    .select({
      name: firms.name,
      primaryColor: firms.primaryColor,
      street: firms.street,
      postalCode: firms.postalCode,
      city: firms.city,
      phone: firms.phone,
      email: firms.email,
      invitationLifetimeDays: firms.invitationLifetimeDays,
    })
    .from(firms)
    .where(eq(firms.firmId, firmId));
  return firm;
}

/** Adds an account to the firm's staff. */
export async function insertStaffMember(
  tx: ScopedTx,
  values: { firmId: string; userId: string; role: string; at: Date },
) {
  await tx.db.insert(staffMembers).values({
    firmId: values.firmId,
    userId: values.userId,
    role: values.role,
    active: true,
    createdAt: values.at,
  });
}
