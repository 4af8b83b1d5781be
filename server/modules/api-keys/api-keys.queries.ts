import { desc, eq } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { apiKeys } from "./api-keys.tables.js";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** Stores a new key (the firm comes from the scope). */
export async function insertApiKey(tx: ScopedTx, row: Omit<typeof apiKeys.$inferInsert, "firmId">) {
  const [inserted] = await tx.db
    .insert(apiKeys)
    .values({ ...row, firmId: tx.scope.firmId as string })
    .returning();
  return inserted as ApiKeyRow;
}

/** The firm's keys, newest first (revoked ones included: the list is their history too). */
export function listApiKeyRows(tx: ScopedTx): Promise<ApiKeyRow[]> {
  return tx.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.firmId, tx.scope.firmId as string))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** One key of the firm in scope, optionally locked for a change. */
export async function findApiKey(
  tx: ScopedTx,
  id: string,
  forUpdate = false,
): Promise<ApiKeyRow | undefined> {
  const query = tx.db.select().from(apiKeys).where(eq(apiKeys.id, id));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

/** Marks a key revoked now; it answers 401 from the next request on. */
export async function markRevoked(tx: ScopedTx, id: string, at: Date, by: string): Promise<ApiKeyRow> {
  const [row] = await tx.db
    .update(apiKeys)
    .set({ revokedAt: at, revokedBy: by })
    .where(eq(apiKeys.id, id))
    .returning();
  return row as ApiKeyRow;
}

/** Notes that a key was used; written at most once a minute per key so reads stay cheap. */
export async function touchLastUsed(tx: ScopedTx, id: string, at: Date): Promise<void> {
  await tx.client.query(
    `update api_keys set last_used_at = $2
      where firm_id = $3 and id = $1 and (last_used_at is null or last_used_at < $2::timestamptz - interval '1 minute')`,
    [id, at, tx.scope.firmId],
  );
}
