import {
  type DocumentDetail,
  type DocumentList,
  type DocumentListQuery,
  type DocumentSummary,
  type DocumentUploadFields,
  documentUploadFieldsSchema,
  type UpdateDocument,
} from "../../../contracts/documents.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { parseFields } from "../../platform/http/zod-fields.js";
import { newId } from "../../platform/ids.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { supersedeConfirmations } from "../confirmations/supersede.js";
import { notifyDocumentShared } from "../notifications/document-events.js";
import { presentCategory, presentDocument, presentDocumentDetail } from "./documents.presenter.js";
import {
  claimOnFile,
  contractOnFile,
  deleteDocumentRow,
  findCategory,
  findDocument,
  findVersion,
  insertDocument,
  insertVersion,
  listCategories,
  listDocuments,
  listVersions,
  lockDocument,
  updateDocumentRow,
  type VersionRow,
} from "./documents.queries.js";
import type { StoredUpload } from "./documents.upload.js";

const entityType = "document";

/** What a notification of a shared document names: its title and category. */
const pick = (d: { title: string; categoryId: string }) => ({ title: d.title, categoryId: d.categoryId });

/** The storage key of an upload: ids only, never a name a user sent; unique per upload. */
export function storageKeyFor(firmId: string, documentId: string): string {
  return `${firmId}/documents/${documentId}/${newId()}`;
}

/** Validates multipart text fields with a contract schema; problems name their field like JSON bodies do. */
export function parseUploadFields(fields: Record<string, string>): DocumentUploadFields {
  return parseFields(documentUploadFieldsSchema, fields);
}

/** Checks that a category may be chosen now: the firm's and active (a kept inactive one stays allowed). */
async function assertCategory(tx: ScopedTx, categoryId: string, currentId?: string) {
  const category = await findCategory(tx, categoryId);
  if (!category || (!category.active && category.id !== currentId)) {
    throw invalidField("categoryId", "documents.category_unknown");
  }
}

/** Checks that linked records belong to the same client file. */
async function assertLinks(
  tx: ScopedTx,
  fileId: string,
  links: { contractId?: string | null; claimId?: string | null },
) {
  if (links.contractId && !(await contractOnFile(tx, fileId, links.contractId))) {
    throw invalidField("contractId", "documents.contract_unknown");
  }
  if (links.claimId && !(await claimOnFile(tx, fileId, links.claimId))) {
    throw invalidField("claimId", "documents.claim_unknown");
  }
}

async function loadPresented(tx: ScopedTx, fileId: string, documentId: string): Promise<DocumentSummary> {
  const row = await findDocument(tx, fileId, documentId);
  if (!row) throw new AppError("not_found");
  return presentDocument(row);
}

/** The file's documents (newest first) and the firm's categories to choose from. */
export async function listDocumentsOfFile(
  { tx, actor }: StaffWork,
  fileId: string,
  query: DocumentListQuery,
): Promise<DocumentList> {
  await assertCanOnFile(tx, actor, "client_file.read", fileId);
  const rows = await listDocuments(tx, fileId, {
    categoryId: query.categoryId,
    contractId: query.contractId,
    shared: query.shared === undefined ? undefined : query.shared === "true",
  });
  const categories = await listCategories(tx);
  return { items: rows.map(presentDocument), categories: categories.map(presentCategory) };
}

/** One document with its versions. */
export async function getDocument({ tx, actor }: StaffWork, fileId: string, documentId: string) {
  await assertCanOnFile(tx, actor, "client_file.read", fileId);
  const row = await findDocument(tx, fileId, documentId);
  if (!row) throw new AppError("not_found");
  return presentDocumentDetail(row, await listVersions(tx, documentId));
}

/** Before bytes are accepted: the actor may change the file (and the document exists, for versions). */
export async function assertMayUpload({ tx, actor }: StaffWork, fileId: string, documentId?: string) {
  await assertCanOnFile(tx, actor, "client_file.edit", fileId);
  if (documentId && !(await findDocument(tx, fileId, documentId))) throw new AppError("not_found");
}

/** Creates a document and its version 1 from a stored upload. */
export async function createDocument(
  { tx, actor, audit }: StaffWork,
  fileId: string,
  documentId: string,
  fields: DocumentUploadFields,
  stored: StoredUpload,
): Promise<DocumentDetail> {
  await assertCanOnFile(tx, actor, "client_file.edit", fileId);
  await assertCategory(tx, fields.categoryId);
  await assertLinks(tx, fileId, fields);
  await insertDocument(tx, {
    id: documentId,
    clientFileId: fileId,
    title: fields.title,
    categoryId: fields.categoryId,
    contractId: fields.contractId,
    claimId: fields.claimId,
    documentDate: fields.documentDate,
    sharedToPortal: fields.sharedToPortal,
    currentVersion: 1,
    createdAt: audit.at,
    updatedAt: audit.at,
  });
  await insertVersion(tx, versionRow(documentId, 1, stored, actor.user.id, audit.at));
  if (fields.sharedToPortal)
    await notifyDocumentShared(tx, { clientFileId: fileId, documentId, ...pick(fields), at: audit.at });
  const detail = await getDocument({ tx, actor, audit }, fileId, documentId);
  await recordAudit(tx, audit, {
    action: "document.create",
    entityType,
    entityId: documentId,
    clientFileId: fileId,
    before: null,
    after: withoutVersions(detail),
  });
  return detail;
}

type LockedDocument = NonNullable<Awaited<ReturnType<typeof lockDocument>>>;

/** Changes a document under a row lock, as a team member of its file, and records before and after. */
async function changeDocument(
  work: StaffWork,
  fileId: string,
  documentId: string,
  action: string,
  change: (locked: LockedDocument) => Promise<void>,
): Promise<DocumentDetail> {
  const { tx, actor, audit } = work;
  await assertCanOnFile(tx, actor, "client_file.edit", fileId);
  const locked = await lockDocument(tx, fileId, documentId);
  if (!locked) throw new AppError("not_found");
  const before = await loadPresented(tx, fileId, documentId);
  await change(locked);
  const detail = await getDocument(work, fileId, documentId);
  await recordAudit(tx, audit, {
    action,
    entityType,
    entityId: documentId,
    clientFileId: fileId,
    before,
    after: withoutVersions(detail),
  });
  return detail;
}

/** Adds version n+1 from a stored upload; earlier versions stay. */
export async function addVersion(
  work: StaffWork,
  fileId: string,
  documentId: string,
  stored: StoredUpload,
): Promise<DocumentDetail> {
  const { tx, actor, audit } = work;
  return changeDocument(work, fileId, documentId, "document.version_add", async (locked) => {
    const version = locked.currentVersion + 1;
    await insertVersion(tx, versionRow(documentId, version, stored, actor.user.id, audit.at));
    await updateDocumentRow(tx, documentId, { currentVersion: version, updatedAt: audit.at });
    // A new version needs a new confirmation of receipt (PORTAL-5).
    await supersedeConfirmations(tx, audit, fileId, documentId, version);
    if (locked.sharedToPortal)
      await notifyDocumentShared(tx, { clientFileId: fileId, documentId, ...pick(locked), at: audit.at });
  });
}

/** Changes title, category, links or date. */
export async function updateDocument(
  work: StaffWork,
  fileId: string,
  documentId: string,
  changes: UpdateDocument,
): Promise<DocumentDetail> {
  const { tx, audit } = work;
  return changeDocument(work, fileId, documentId, "document.update", async (locked) => {
    if (changes.categoryId !== undefined) await assertCategory(tx, changes.categoryId, locked.categoryId);
    await assertLinks(tx, fileId, changes);
    await updateDocumentRow(tx, documentId, { ...changes, updatedAt: audit.at });
  });
}

/** The one-click share toggle; setting the flag it already has changes and records nothing. */
export async function shareDocument(
  { tx, actor, audit }: StaffWork,
  fileId: string,
  documentId: string,
  shared: boolean,
): Promise<DocumentSummary> {
  await assertCanOnFile(tx, actor, "client_file.edit", fileId);
  const locked = await lockDocument(tx, fileId, documentId);
  if (!locked) throw new AppError("not_found");
  const before = await loadPresented(tx, fileId, documentId);
  if (locked.sharedToPortal === shared) return before;
  await updateDocumentRow(tx, documentId, { sharedToPortal: shared, updatedAt: audit.at });
  if (shared)
    await notifyDocumentShared(tx, { clientFileId: fileId, documentId, ...pick(locked), at: audit.at });
  const after = await loadPresented(tx, fileId, documentId);
  await recordAudit(tx, audit, {
    action: shared ? "document.share" : "document.unshare",
    entityType,
    entityId: documentId,
    clientFileId: fileId,
    before,
    after,
  });
  return after;
}

/** Deletes a document with its versions; returns the storage keys to remove once committed. */
export async function deleteDocument(
  { tx, actor, audit }: StaffWork,
  fileId: string,
  documentId: string,
): Promise<string[]> {
  await assertCanOnFile(tx, actor, "client_file.edit", fileId);
  const locked = await lockDocument(tx, fileId, documentId);
  if (!locked) throw new AppError("not_found");
  const before = await loadPresented(tx, fileId, documentId);
  const keys = await deleteDocumentRow(tx, documentId);
  await recordAudit(tx, audit, {
    action: "document.delete",
    entityType,
    entityId: documentId,
    clientFileId: fileId,
    before,
    after: null,
  });
  return keys;
}

/** Finds the version to download (default: current) and records the download. */
export async function openDownload(
  { tx, actor, audit }: StaffWork,
  fileId: string,
  documentId: string,
  requested: number | undefined,
): Promise<VersionRow> {
  await assertCanOnFile(tx, actor, "client_file.read", fileId);
  const row = await findDocument(tx, fileId, documentId);
  if (!row) throw new AppError("not_found");
  const version = await findVersion(tx, documentId, requested ?? row.document.currentVersion);
  if (!version) throw new AppError("not_found");
  await recordAudit(tx, audit, {
    action: "document.download",
    entityType,
    entityId: documentId,
    clientFileId: fileId,
    before: null,
    after: { version: version.version, fileName: version.fileName, sha256: version.sha256 },
  });
  return version;
}

function versionRow(documentId: string, version: number, stored: StoredUpload, userId: string, at: Date) {
  return {
    documentId,
    version,
    storageKey: stored.key,
    fileName: stored.fileName,
    contentType: stored.contentType,
    sizeBytes: stored.size,
    sha256: stored.sha256,
    uploadedBy: userId,
    uploadedAt: at,
  };
}

function withoutVersions(detail: DocumentDetail): DocumentSummary {
  const { versions: _versions, ...summary } = detail;
  return summary;
}
