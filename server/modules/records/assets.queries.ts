import { and, asc, eq, sql } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { assets } from "./records.tables.js";

/** An asset row as read. */
export type AssetRow = typeof assets.$inferSelect;
/** The columns an asset's use cases write. */
export type AssetValues = Pick<
  AssetRow,
  "kind" | "description" | "value" | "currency" | "valuationDate" | "updatedAt"
>;

/** The file's assets, by kind then description. */
export async function listAssetRows(tx: ScopedTx, firmId: string, fileId: string) {
  return tx.db
    .select()
    .from(assets)
    .where(and(eq(assets.firmId, firmId), eq(assets.clientFileId, fileId)))
    .orderBy(asc(assets.kind), asc(assets.description), asc(assets.id));
}

/** The sum of the file's asset values per currency (exact decimal sums, by currency code). */
export async function assetTotals(tx: ScopedTx, firmId: string, fileId: string) {
  return tx.db
    .select({ currency: assets.currency, value: sql<string>`sum(${assets.value})::numeric(16, 2)::text` })
    .from(assets)
    .where(and(eq(assets.firmId, firmId), eq(assets.clientFileId, fileId)))
    .groupBy(assets.currency)
    .orderBy(asc(assets.currency));
}

/** One asset of the file, or undefined. */
export async function findAssetRow(tx: ScopedTx, firmId: string, fileId: string, id: string) {
  const [row] = await tx.db
    .select()
    .from(assets)
    .where(and(eq(assets.firmId, firmId), eq(assets.clientFileId, fileId), eq(assets.id, id)));
  return row;
}

/** Inserts an asset. */
export async function insertAsset(tx: ScopedTx, row: typeof assets.$inferInsert) {
  await tx.db.insert(assets).values(row);
}

/** Overwrites an asset's values. */
export async function updateAssetRow(tx: ScopedTx, firmId: string, id: string, values: AssetValues) {
  await tx.db
    .update(assets)
    .set(values)
    .where(and(eq(assets.firmId, firmId), eq(assets.id, id)));
}

/** Deletes an asset. */
export async function deleteAssetRow(tx: ScopedTx, firmId: string, id: string) {
  await tx.db.delete(assets).where(and(eq(assets.firmId, firmId), eq(assets.id, id)));
}
