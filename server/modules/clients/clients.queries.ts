import { and, eq, inArray } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { staffMembers } from "../firms/firms.tables.js";
import { users } from "../identity/identity.tables.js";
import { clientFiles, clientFileTeam, persons } from "./clients.tables.js";

export type ClientFileRecord = typeof clientFiles.$inferSelect;

function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("client file queries need a firm scope");
  return firmId;
}

/** One client file of the firm in scope with its case owner's name and role, or undefined. */
export async function findClientFile(tx: ScopedTx, fileId: string) {
  const [row] = await tx.db
    .select({ file: clientFiles, caseOwnerName: users.name, caseOwnerRole: staffMembers.role })
    .from(clientFiles)
    .leftJoin(users, eq(users.id, clientFiles.caseOwnerId))
    .leftJoin(
      staffMembers,
      and(eq(staffMembers.firmId, clientFiles.firmId), eq(staffMembers.userId, clientFiles.caseOwnerId)),
    )
    .where(and(eq(clientFiles.firmId, firmOf(tx)), eq(clientFiles.id, fileId)));
  return row;
}

/** The file's team (besides its case owner), with names and current staff roles, ordered by name. */
export async function findTeam(tx: ScopedTx, fileId: string) {
  const firmId = firmOf(tx);
  return tx.db
    .select({ userId: clientFileTeam.userId, name: users.name, role: staffMembers.role })
    .from(clientFileTeam)
    .leftJoin(users, eq(users.id, clientFileTeam.userId))
    .leftJoin(
      staffMembers,
      and(eq(staffMembers.firmId, clientFileTeam.firmId), eq(staffMembers.userId, clientFileTeam.userId)),
    )
    .where(and(eq(clientFileTeam.firmId, firmId), eq(clientFileTeam.clientFileId, fileId)))
    .orderBy(users.name);
}

/** How many persons, contracts and documents the file holds (three index-only counts). */
export async function countFileContents(tx: ScopedTx, fileId: string) {
  const { rows } = await tx.client.query<{ persons: number; contracts: number; documents: number }>(
    `select (select count(*)::int from persons where firm_id = $1 and client_file_id = $2) as persons,
            (select count(*)::int from contracts where firm_id = $1 and client_file_id = $2) as contracts,
            (select count(*)::int from documents where firm_id = $1 and client_file_id = $2) as documents`,
    [firmOf(tx), fileId],
  );
  return rows[0] ?? { persons: 0, contracts: 0, documents: 0 };
}

/** Staff members of the firm in scope among `userIds`, with their role, activity and name. */
export async function findStaffByIds(tx: ScopedTx, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return tx.db
    .select({
      userId: staffMembers.userId,
      role: staffMembers.role,
      active: staffMembers.active,
      name: users.name,
    })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(eq(staffMembers.firmId, firmOf(tx)), inArray(staffMembers.userId, [...userIds])));
}

/** Every active staff member of the firm in scope, by name. */
export async function listActiveStaff(tx: ScopedTx) {
  return tx.db
    .select({ userId: staffMembers.userId, role: staffMembers.role, name: users.name })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(eq(staffMembers.firmId, firmOf(tx)), eq(staffMembers.active, true)))
    .orderBy(users.name);
}

/** Whether another file of the firm already uses `column = value`. */
export async function isFileValueTaken(
  tx: ScopedTx,
  column: "number" | "externalId",
  value: string,
  exceptFileId?: string,
) {
  const target = column === "number" ? clientFiles.number : clientFiles.externalId;
  const rows = await tx.db
    .select({ id: clientFiles.id })
    .from(clientFiles)
    .where(and(eq(clientFiles.firmId, firmOf(tx)), eq(target, value)))
    .limit(2);
  return rows.some((r) => r.id !== exceptFileId);
}

const NUMBER_PREFIX = "K-";
const NUMBER_DIGITS = 6;

/**
 * The next automatic file number ("K-000124"). Callers hold the firm's number lock, so two creations
 * cannot pick the same one. The common case walks the number index backwards to the highest
 * six-digit number; only past K-999999 does it fall back to a scan of all automatic numbers.
 */
export async function nextFileNumber(tx: ScopedTx): Promise<string> {
  const firmId = firmOf(tx);
  await tx.client.query("select pg_advisory_xact_lock(hashtextextended('client_files.number:' || $1, 0))", [
    firmId,
  ]);
  const fast = await tx.client.query<{ number: string }>(
    `select number from client_files where firm_id = $1 and number ~ '^K-[0-9]{6}$'
      order by number desc limit 1`,
    [firmId],
  );
  let highest = Number(fast.rows[0]?.number.slice(NUMBER_PREFIX.length) ?? 0);
  if (highest >= 10 ** NUMBER_DIGITS - 1) {
    const slow = await tx.client.query<{ highest: string }>(
      `select coalesce(max(substring(number from 3)::bigint), 0) as highest from client_files
        where firm_id = $1 and number ~ '^K-[0-9]{1,15}$'`,
      [firmId],
    );
    highest = Number(slow.rows[0]?.highest ?? 0);
  }
  return `${NUMBER_PREFIX}${String(highest + 1).padStart(NUMBER_DIGITS, "0")}`;
}

/** Inserts a file row. */
export async function insertClientFile(
  tx: ScopedTx,
  values: Omit<typeof clientFiles.$inferInsert, "firmId">,
) {
  await tx.db.insert(clientFiles).values({ ...values, firmId: firmOf(tx) });
}

/** Updates a file row. */
export async function updateClientFileRow(
  tx: ScopedTx,
  fileId: string,
  values: Partial<Omit<typeof clientFiles.$inferInsert, "firmId" | "id">>,
) {
  await tx.db
    .update(clientFiles)
    .set(values)
    .where(and(eq(clientFiles.firmId, firmOf(tx)), eq(clientFiles.id, fileId)));
}

/** Deletes a file; its team, persons and records go with it (foreign keys cascade). */
export async function deleteClientFileRow(tx: ScopedTx, fileId: string) {
  await tx.db.delete(clientFiles).where(and(eq(clientFiles.firmId, firmOf(tx)), eq(clientFiles.id, fileId)));
}

/** Replaces the file's team with `userIds`. */
export async function replaceTeam(tx: ScopedTx, fileId: string, userIds: readonly string[], at: Date) {
  const firmId = firmOf(tx);
  await tx.db
    .delete(clientFileTeam)
    .where(and(eq(clientFileTeam.firmId, firmId), eq(clientFileTeam.clientFileId, fileId)));
  if (userIds.length > 0)
    await tx.db
      .insert(clientFileTeam)
      .values(userIds.map((userId) => ({ firmId, clientFileId: fileId, userId, createdAt: at })));
}

/** The roles of the file's persons (to check a change of the file's kind). */
export async function personRolesOfFile(tx: ScopedTx, fileId: string) {
  const rows = await tx.db
    .selectDistinct({ role: persons.role })
    .from(persons)
    .where(and(eq(persons.firmId, firmOf(tx)), eq(persons.clientFileId, fileId)));
  return rows.map((r) => r.role);
}
