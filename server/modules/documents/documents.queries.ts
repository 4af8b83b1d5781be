import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { ScopedTx } from "../../platform/db/scope.js";
import { users } from "../identity/identity.tables.js";
import { claims, contracts } from "../records/records.tables.js";
import { documentCategories, documents, documentVersions } from "./documents.tables.js";

export type DocumentRow = typeof documents.$inferSelect;
export type VersionRow = typeof documentVersions.$inferSelect;
export type CategoryRow = typeof documentCategories.$inferSelect;

/** A document row joined with its category and current version: what the presenter needs. */
export interface DocumentWithCurrent {
  document: DocumentRow;
  category: Pick<CategoryRow, "id" | "key" | "name">;
  current: VersionRow;
}

/** A version with the uploader's display name. */
export type VersionWithUploader = VersionRow & { uploaderName: string | null };

function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("documents queries need a firm scope");
  return firmId;
}

const withCurrentColumns = {
  document: documents,
  category: { id: documentCategories.id, key: documentCategories.key, name: documentCategories.name },
  current: documentVersions,
};

/** Documents with their category and current version, to narrow with a WHERE. */
function selectDocumentsWithCurrent(db: NodePgDatabase) {
  return db
    .select(withCurrentColumns)
    .from(documents)
    .innerJoin(
      documentCategories,
      and(eq(documentCategories.firmId, documents.firmId), eq(documentCategories.id, documents.categoryId)),
    )
    .innerJoin(
      documentVersions,
      and(
        eq(documentVersions.firmId, documents.firmId),
        eq(documentVersions.documentId, documents.id),
        eq(documentVersions.version, documents.currentVersion),
      ),
    );
}

function withCurrent(tx: ScopedTx, where: SQL | undefined) {
  return selectDocumentsWithCurrent(tx.db).where(and(eq(documents.firmId, firmOf(tx)), where));
}

/** The file's documents, newest first, optionally narrowed. */
export async function listDocuments(
  tx: ScopedTx,
  fileId: string,
  filter: { categoryId?: string; shared?: boolean; contractId?: string },
): Promise<DocumentWithCurrent[]> {
  return withCurrent(
    tx,
    and(
      eq(documents.clientFileId, fileId),
      filter.categoryId ? eq(documents.categoryId, filter.categoryId) : undefined,
      filter.shared === undefined ? undefined : eq(documents.sharedToPortal, filter.shared),
      filter.contractId ? eq(documents.contractId, filter.contractId) : undefined,
    ),
  ).orderBy(desc(documents.createdAt), desc(documents.id));
}

/** One document of the file with its current version, or undefined. */
export async function findDocument(
  tx: ScopedTx,
  fileId: string,
  documentId: string,
): Promise<DocumentWithCurrent | undefined> {
  const [row] = await withCurrent(tx, and(eq(documents.clientFileId, fileId), eq(documents.id, documentId)));
  return row;
}

/** Locks the document row of the file for a change (concurrent new versions queue up here). */
export async function lockDocument(
  tx: ScopedTx,
  fileId: string,
  documentId: string,
): Promise<DocumentRow | undefined> {
  const [row] = await tx.db
    .select()
    .from(documents)
    .where(
      and(eq(documents.firmId, firmOf(tx)), eq(documents.clientFileId, fileId), eq(documents.id, documentId)),
    )
    .for("update");
  return row;
}

/** Every version of a document, newest first, with the uploader's name. */
export async function listVersions(tx: ScopedTx, documentId: string): Promise<VersionWithUploader[]> {
  const rows = await tx.db
    .select({ version: documentVersions, uploaderName: users.name })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.uploadedBy))
    .where(and(eq(documentVersions.firmId, firmOf(tx)), eq(documentVersions.documentId, documentId)))
    .orderBy(desc(documentVersions.version));
  return rows.map((r) => ({ ...r.version, uploaderName: r.uploaderName }));
}

/** One version of a document, or undefined. */
export async function findVersion(
  tx: ScopedTx,
  documentId: string,
  version: number,
): Promise<VersionRow | undefined> {
  const [row] = await tx.db
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.firmId, firmOf(tx)),
        eq(documentVersions.documentId, documentId),
        eq(documentVersions.version, version),
      ),
    );
  return row;
}

/** The firm's document categories in name order. */
export async function listCategories(tx: ScopedTx): Promise<CategoryRow[]> {
  return tx.db
    .select()
    .from(documentCategories)
    .where(eq(documentCategories.firmId, firmOf(tx)))
    .orderBy(asc(documentCategories.name));
}

/** One category of the firm, or undefined. */
export async function findCategory(tx: ScopedTx, categoryId: string): Promise<CategoryRow | undefined> {
  const [row] = await tx.db
    .select()
    .from(documentCategories)
    .where(and(eq(documentCategories.firmId, firmOf(tx)), eq(documentCategories.id, categoryId)));
  return row;
}

/** Whether the contract belongs to the file. */
export async function contractOnFile(tx: ScopedTx, fileId: string, contractId: string): Promise<boolean> {
  const rows = await tx.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(eq(contracts.firmId, firmOf(tx)), eq(contracts.clientFileId, fileId), eq(contracts.id, contractId)),
    );
  return rows.length > 0;
}

/** Whether the claim belongs to the file. */
export async function claimOnFile(tx: ScopedTx, fileId: string, claimId: string): Promise<boolean> {
  const rows = await tx.db
    .select({ id: claims.id })
    .from(claims)
    .where(and(eq(claims.firmId, firmOf(tx)), eq(claims.clientFileId, fileId), eq(claims.id, claimId)));
  return rows.length > 0;
}

/** Inserts a document row. */
export async function insertDocument(
  tx: ScopedTx,
  row: Omit<typeof documents.$inferInsert, "firmId">,
): Promise<void> {
  await tx.db.insert(documents).values({ ...row, firmId: firmOf(tx) });
}

/** Inserts a version row. */
export async function insertVersion(
  tx: ScopedTx,
  row: Omit<typeof documentVersions.$inferInsert, "firmId">,
): Promise<void> {
  await tx.db.insert(documentVersions).values({ ...row, firmId: firmOf(tx) });
}

/** Updates a document's own columns. */
export async function updateDocumentRow(
  tx: ScopedTx,
  documentId: string,
  changes: Partial<Omit<typeof documents.$inferInsert, "firmId" | "id" | "clientFileId">>,
): Promise<void> {
  await tx.db
    .update(documents)
    .set(changes)
    .where(and(eq(documents.firmId, firmOf(tx)), eq(documents.id, documentId)));
}

/** The storage keys of every version of every document on a file, to remove when the file goes. */
export async function storageKeysOfFile(tx: ScopedTx, clientFileId: string): Promise<string[]> {
  const firmId = firmOf(tx);
  const rows = await tx.db
    .select({ key: documentVersions.storageKey })
    .from(documentVersions)
    .innerJoin(
      documents,
      and(eq(documents.firmId, documentVersions.firmId), eq(documents.id, documentVersions.documentId)),
    )
    .where(and(eq(documents.firmId, firmId), eq(documents.clientFileId, clientFileId)));
  return rows.map((r) => r.key);
}

/** Deletes a document (its versions go with it) and returns the storage keys to remove after commit. */
export async function deleteDocumentRow(tx: ScopedTx, documentId: string): Promise<string[]> {
  const firmId = firmOf(tx);
  const keys = await tx.db
    .select({ key: documentVersions.storageKey })
    .from(documentVersions)
    .where(and(eq(documentVersions.firmId, firmId), eq(documentVersions.documentId, documentId)));
  await tx.db.delete(documents).where(and(eq(documents.firmId, firmId), eq(documents.id, documentId)));
  return keys.map((k) => k.key);
}
