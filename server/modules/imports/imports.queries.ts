import { and, desc, eq } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { importRuns } from "./imports.tables.js";

export type ImportRunRow = typeof importRuns.$inferSelect;
type NewImportRun = typeof importRuns.$inferInsert;

/** Stores a new import run. */
export async function insertImportRun(tx: ScopedTx, run: NewImportRun): Promise<ImportRunRow> {
  const [row] = await tx.db.insert(importRuns).values(run).returning();
  if (!row) throw new Error("import run not stored");
  return row;
}

/** One import run of the firm in scope, or undefined (also for another firm's id). */
export async function findImportRun(tx: ScopedTx, id: string, forUpdate = false) {
  const query = tx.db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.firmId, tx.scope.firmId as string), eq(importRuns.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

/** Changes an import run's status, options, counters or errors. */
export async function updateImportRun(
  tx: ScopedTx,
  id: string,
  patch: Partial<Omit<NewImportRun, "firmId" | "id">>,
): Promise<ImportRunRow> {
  const [row] = await tx.db
    .update(importRuns)
    .set(patch)
    .where(and(eq(importRuns.firmId, tx.scope.firmId as string), eq(importRuns.id, id)))
    .returning();
  if (!row) throw new Error("import run not found");
  return row;
}

/** The firm's most recent import runs, newest first. */
export async function listImportRuns(tx: ScopedTx, limit: number) {
  return tx.db
    .select()
    .from(importRuns)
    .where(eq(importRuns.firmId, tx.scope.firmId as string))
    .orderBy(desc(importRuns.createdAt), desc(importRuns.id))
    .limit(limit);
}
