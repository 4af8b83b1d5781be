import { and, asc, eq, inArray } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { documentCategories } from "../documents/documents.tables.js";
import { firms } from "../firms/firms.tables.js";
import { linesOfBusiness } from "../records/records.tables.js";

/** A firm row as stored. */
export type FirmRow = typeof firms.$inferSelect;
/** A line of business row as stored. */
export type LineOfBusinessRow = typeof linesOfBusiness.$inferSelect;
/** A document category row as stored. */
export type DocumentCategoryRow = typeof documentCategories.$inferSelect;

/** The firm in scope, locked for the rest of the transaction when `forUpdate` (changes read-modify-write). */
export async function selectFirm(tx: ScopedTx, firmId: string, forUpdate = false) {
  const query = tx.db.select().from(firms).where(eq(firms.firmId, firmId));
  const [firm] = forUpdate ? await query.for("update") : await query;
  return firm;
}

/** Writes some columns of the firm row and returns the new row. */
export async function updateFirm(tx: ScopedTx, firmId: string, values: Partial<typeof firms.$inferInsert>) {
  const [firm] = await tx.db.update(firms).set(values).where(eq(firms.firmId, firmId)).returning();
  return firm;
}

/** The firm's lines of business, by code. */
export function selectLinesOfBusiness(tx: ScopedTx, firmId: string) {
  return tx.db
    .select()
    .from(linesOfBusiness)
    .where(eq(linesOfBusiness.firmId, firmId))
    .orderBy(asc(linesOfBusiness.code));
}

/** One line of business of the firm, or undefined (also for another firm's id). */
export async function selectLineOfBusiness(tx: ScopedTx, firmId: string, id: string) {
  const [row] = await tx.db
    .select()
    .from(linesOfBusiness)
    .where(and(eq(linesOfBusiness.firmId, firmId), eq(linesOfBusiness.id, id)));
  return row;
}

/** The line of business with this code, or undefined. */
export async function selectLineOfBusinessByCode(tx: ScopedTx, firmId: string, code: string) {
  const [row] = await tx.db
    .select()
    .from(linesOfBusiness)
    .where(and(eq(linesOfBusiness.firmId, firmId), eq(linesOfBusiness.code, code)));
  return row;
}

/** Inserts a line of business and returns it. */
export async function insertLineOfBusiness(tx: ScopedTx, values: typeof linesOfBusiness.$inferInsert) {
  const [row] = await tx.db.insert(linesOfBusiness).values(values).returning();
  return row as LineOfBusinessRow;
}

/** Changes a line of business and returns it. */
export async function updateLineOfBusiness(
  tx: ScopedTx,
  firmId: string,
  id: string,
  values: Partial<Pick<LineOfBusinessRow, "code" | "name" | "active">>,
) {
  const [row] = await tx.db
    .update(linesOfBusiness)
    .set(values)
    .where(and(eq(linesOfBusiness.firmId, firmId), eq(linesOfBusiness.id, id)))
    .returning();
  return row as LineOfBusinessRow;
}

/** The firm's document categories, by name. */
export function selectDocumentCategories(tx: ScopedTx, firmId: string) {
  return tx.db
    .select()
    .from(documentCategories)
    .where(eq(documentCategories.firmId, firmId))
    .orderBy(asc(documentCategories.name), asc(documentCategories.key));
}

/** One document category of the firm, or undefined (also for another firm's id). */
export async function selectDocumentCategory(tx: ScopedTx, firmId: string, id: string) {
  const [row] = await tx.db
    .select()
    .from(documentCategories)
    .where(and(eq(documentCategories.firmId, firmId), eq(documentCategories.id, id)));
  return row;
}

/** The document category with this key, or undefined. */
export async function selectDocumentCategoryByKey(tx: ScopedTx, firmId: string, key: string) {
  const [row] = await tx.db
    .select()
    .from(documentCategories)
    .where(and(eq(documentCategories.firmId, firmId), eq(documentCategories.key, key)));
  return row;
}

/** The keys among `keys` that name an active category of the firm. */
export async function selectActiveCategoryKeys(tx: ScopedTx, firmId: string, keys: string[]) {
  if (keys.length === 0) return new Set<string>();
  const rows = await tx.db
    .select({ key: documentCategories.key })
    .from(documentCategories)
    .where(
      and(
        eq(documentCategories.firmId, firmId),
        inArray(documentCategories.key, keys),
        eq(documentCategories.active, true),
      ),
    );
  return new Set(rows.map((r) => r.key));
}

/** Inserts a document category and returns it. */
export async function insertDocumentCategory(tx: ScopedTx, values: typeof documentCategories.$inferInsert) {
  const [row] = await tx.db.insert(documentCategories).values(values).returning();
  return row as DocumentCategoryRow;
}

/** Changes a document category and returns it. */
export async function updateDocumentCategory(
  tx: ScopedTx,
  firmId: string,
  id: string,
  values: Partial<Pick<DocumentCategoryRow, "name" | "active">>,
) {
  const [row] = await tx.db
    .update(documentCategories)
    .set(values)
    .where(and(eq(documentCategories.firmId, firmId), eq(documentCategories.id, id)))
    .returning();
  return row as DocumentCategoryRow;
}
