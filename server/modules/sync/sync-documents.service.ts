import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { Language } from "../../../contracts/common.js";
import type { DocumentUploadFields, UpdateDocument } from "../../../contracts/documents.js";
import type { SyncBatchResult } from "../../../contracts/sync.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { actorOfApiKey } from "../access/api-keys.js";
import type { StaffWork } from "../access/staff-scope.js";
import type { ApiKeyWork } from "../api-keys/api-key-scope.js";
import { neutraliseFileName, SniffingStream } from "../documents/documents.content.js";
import {
  addVersion,
  createDocument,
  shareDocument,
  storageKeyFor,
  updateDocument,
} from "../documents/documents.service.js";
import type { StoredUpload } from "../documents/documents.upload.js";
import type { CellValue, RowProblem } from "../imports/validate.js";
import { syncFields } from "./sync.schemas.js";
import { recordSyncBatch } from "./sync-audit.js";
import { countResults, itemResults, readItems, type SyncItem } from "./sync-items.js";

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** One problem of the item being written; thrown and caught per item. */
class ItemProblem extends Error {
  constructor(readonly problem: Omit<RowProblem, "row">) {
    super(problem.key);
  }
}

const fail = (column: string, key: string, params?: Record<string, string | number>): never => {
  throw new ItemProblem({ column, key, params });
};

/** The stored document an item names, with its current version's hash (to tell a new content from the same). */
async function findExisting(work: ApiKeyWork, externalId: string) {
  const { rows } = await work.tx.client.query(
    `select d.id, d.client_file_id, d.title, d.category_id, d.contract_id, d.claim_id, d.document_date::text as document_date,
            d.shared_to_portal, v.sha256
       from documents d
       join document_versions v on v.firm_id = d.firm_id and v.document_id = d.id and v.version = d.current_version
      where d.firm_id = $1 and d.external_id = $2 for update of d`,
    [work.tx.scope.firmId, externalId],
  );
  return rows[0] as Record<string, unknown> | undefined;
}

/** The id of a firm row by a lookup column, or a problem naming the item's field. */
async function idOf(work: ApiKeyWork, sql: string, params: unknown[], field: string, value: string) {
  const { rows } = await work.tx.client.query<{ id: string }>(sql, [work.tx.scope.firmId, ...params]);
  return rows[0]?.id ?? fail(field, "sync.unknown_reference", { value });
}

/** Decodes the content; it must be real base64, not empty, and within the upload limit. */
function contentOf(item: SyncItem, limitBytes: number): Buffer {
  const text = typeof item.contentBase64 === "string" ? item.contentBase64.replace(/\s+/g, "") : "";
  if (!text) fail("contentBase64", "imports.reason.required");
  if (text.length % 4 !== 0 || !base64Pattern.test(text)) fail("contentBase64", "sync.content_base64");
  const bytes = Buffer.from(text, "base64");
  if (bytes.length === 0) fail("contentBase64", "imports.reason.required");
  if (bytes.length > limitBytes)
    fail("contentBase64", "sync.content_too_large", { max: Math.floor(limitBytes / 1048576) });
  return bytes;
}

/** Stores the bytes the way an upload is stored: its type sniffed from the bytes (SEC-15), never trusted. */
async function store(deps: AppDeps, firmId: string, documentId: string, fileName: string, bytes: Buffer) {
  const key = storageKeyFor(firmId, documentId);
  const sniffer = new SniffingStream(fileName);
  try {
    const stored = await deps.files.put(key, Readable.from([bytes]).pipe(sniffer), {
      maxBytes: bytes.length,
    });
    return { key, fileName, contentType: sniffer.contentType ?? "", ...stored } satisfies StoredUpload;
  } catch (error) {
    await deps.files.delete(key).catch(() => {});
    if (error instanceof AppError) fail("contentBase64", "sync.content_type");
    throw error;
  }
}

/** Writes one clean item through the documents service; answers whether it created, updated or left it. */
async function writeDocument(
  deps: AppDeps,
  work: ApiKeyWork,
  staff: StaffWork,
  item: SyncItem,
  values: Record<string, CellValue>,
) {
  const firmId = work.key.firmId;
  const fileExt = values.clientFileExternalId as string;
  const fileId = await idOf(
    work,
    "select id from client_files where firm_id = $1 and external_id = $2",
    [fileExt],
    "clientFileExternalId",
    fileExt,
  );
  const category = values.category as string;
  const categoryId = await idOf(
    work,
    "select id from document_categories where firm_id = $1 and key = $2 and active",
    [category],
    "category",
    category,
  );
  const link = async (field: string, table: string) => {
    const ext = values[field];
    if (typeof ext !== "string") return ext === null ? null : undefined;
    return idOf(
      work,
      `select id from ${table} where firm_id = $1 and external_id = $2 and client_file_id = $3`,
      [ext, fileId],
      field,
      ext,
    );
  };
  const contractId = await link("contractExternalId", "contracts");
  const claimId = await link("claimExternalId", "claims");
  const bytes = contentOf(item, deps.config.uploadLimitBytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const fileName = neutraliseFileName(values.fileName as string);
  const existing = await findExisting(work, values.externalId as string);

  if (!existing) {
    const documentId = newId();
    const stored = await store(deps, firmId, documentId, fileName, bytes);
    const fields: DocumentUploadFields = {
      title: values.title as string,
      categoryId,
      contractId: contractId ?? null,
      claimId: claimId ?? null,
      documentDate: (values.documentDate as string | null | undefined) ?? null,
      sharedToPortal: values.sharedToPortal === true,
    };
    await createDocument(staff, fileId, documentId, fields, stored);
    await work.tx.client.query("update documents set external_id = $3 where firm_id = $1 and id = $2", [
      firmId,
      documentId,
      values.externalId,
    ]);
    return "created" as const;
  }
  if (existing.client_file_id !== fileId) fail("clientFileExternalId", "sync.document_moved");
  const documentId = existing.id as string;
  const changes: UpdateDocument = {};
  if (values.title !== existing.title) changes.title = values.title as string;
  if (categoryId !== existing.category_id) changes.categoryId = categoryId;
  if (contractId !== undefined && contractId !== existing.contract_id) changes.contractId = contractId;
  if (claimId !== undefined && claimId !== existing.claim_id) changes.claimId = claimId;
  if ("documentDate" in values && values.documentDate !== existing.document_date) {
    changes.documentDate = values.documentDate as string | null;
  }
  let changed = false;
  if (Object.keys(changes).length > 0) {
    await updateDocument(staff, fileId, documentId, changes);
    changed = true;
  }
  if (sha256 !== existing.sha256) {
    await addVersion(staff, fileId, documentId, await store(deps, firmId, documentId, fileName, bytes));
    changed = true;
  }
  if (typeof values.sharedToPortal === "boolean" && values.sharedToPortal !== existing.shared_to_portal) {
    await shareDocument(staff, fileId, documentId, values.sharedToPortal);
    changed = true;
  }
  return changed ? ("updated" as const) : ("unchanged" as const);
}

/**
 * PUT /api/sync/v1/documents: upserts documents by external id with their content (base64). A new
 * content becomes a new version; the same content again changes nothing. Each item runs under its
 * own savepoint, so one refused item leaves the others written.
 */
export async function upsertDocuments(
  deps: AppDeps,
  work: ApiKeyWork,
  items: SyncItem[],
  language: Language,
): Promise<SyncBatchResult> {
  const rows = readItems(syncFields.documents, items);
  const staff: StaffWork = { tx: work.tx, actor: actorOfApiKey(work.key), audit: work.audit };
  const problems: RowProblem[] = rows.flatMap((r) => r.problems);
  const createdRows: number[] = [];
  const updatedRows: number[] = [];
  const ids = new Map<number, string>();
  for (const { row, values, problems: own } of rows) {
    if (own.length > 0) continue;
    await work.tx.client.query("savepoint sync_document");
    try {
      const status = await writeDocument(deps, work, staff, items[row] as SyncItem, values);
      await work.tx.client.query("release savepoint sync_document");
      if (status === "created") createdRows.push(row);
      if (status === "updated") updatedRows.push(row);
      const found = await findExisting(work, values.externalId as string);
      if (found) ids.set(row, found.id as string);
    } catch (error) {
      await work.tx.client.query("rollback to savepoint sync_document");
      if (error instanceof ItemProblem) problems.push({ row, ...error.problem });
      else if (error instanceof AppError && error.code === "invalid") {
        for (const f of error.details.fields ?? [])
          problems.push({ row, column: f.field, key: f.message, params: f.params });
      } else throw error;
    }
  }
  const results = itemResults(items, { problems, createdRows, updatedRows, ids }, language);
  const counts = countResults(results);
  await recordSyncBatch(work, "documents", counts);
  return { results, counts };
}
