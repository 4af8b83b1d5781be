import { and, desc, eq } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { claims } from "./records.tables.js";

/** A claim row as read. */
export type ClaimRow = typeof claims.$inferSelect;
/** The columns a claim's use cases write. */
export type ClaimValues = Pick<
  ClaimRow,
  | "contractId"
  | "claimDate"
  | "description"
  | "status"
  | "amount"
  | "currency"
  | "insurerReference"
  | "updatedAt"
>;

/** The file's claims, newest first. */
export async function listClaimRows(tx: ScopedTx, firmId: string, fileId: string) {
  return tx.db
    .select()
    .from(claims)
    .where(and(eq(claims.firmId, firmId), eq(claims.clientFileId, fileId)))
    .orderBy(desc(claims.claimDate), desc(claims.id));
}

/** One claim of the file, or undefined. */
export async function findClaimRow(tx: ScopedTx, firmId: string, fileId: string, id: string) {
  const [row] = await tx.db
    .select()
    .from(claims)
    .where(and(eq(claims.firmId, firmId), eq(claims.clientFileId, fileId), eq(claims.id, id)));
  return row;
}

/** Inserts a claim. */
export async function insertClaim(tx: ScopedTx, row: typeof claims.$inferInsert) {
  await tx.db.insert(claims).values(row);
}

/** Overwrites a claim's values. */
export async function updateClaimRow(tx: ScopedTx, firmId: string, id: string, values: ClaimValues) {
  await tx.db
    .update(claims)
    .set(values)
    .where(and(eq(claims.firmId, firmId), eq(claims.id, id)));
}

/** Deletes a claim. */
export async function deleteClaimRow(tx: ScopedTx, firmId: string, id: string) {
  await tx.db.delete(claims).where(and(eq(claims.firmId, firmId), eq(claims.id, id)));
}
