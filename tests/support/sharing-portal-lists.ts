import type { FileAccess } from "../../server/modules/access/portal-access.js";
import type { documentVersions } from "../../server/modules/documents/documents.tables.js";
import {
  fileContracts,
  fileDocuments,
  readFileRows,
} from "../../server/modules/portal/portal-file-rows.sql.js";
import { keepShownContracts, keepShownDocuments } from "../../server/modules/portal/portal-lists.queries.js";
import type { ScopedTx } from "../../server/platform/db/scope.js";

// SEC-12's view through the portal's contract and document lists, which keep a file's rows by the
// engine in memory (ADR 0008) rather than in their SQL.

/** The ids the portal's contract and document lists answer for `access` (none without a grant). */
export async function portalListIds(tx: ScopedTx, access: FileAccess): Promise<string[]> {
  if (access.grantIds.length === 0) return [];
  const contracts = keepShownContracts(access, await readFileRows(tx, fileContracts, access.fileId), []);
  const documents = keepShownDocuments(access, await readFileRows(tx, fileDocuments, access.fileId));
  return [...contracts.map((r) => r.contract.id), ...documents.map((r) => r.document.id)];
}

/** A current version for a generated document (the firm added on insert): the portal lists documents with theirs. */
export function currentVersionOf(documentId: string): Omit<typeof documentVersions.$inferInsert, "firmId"> {
  return {
    documentId,
    version: 1,
    storageKey: `sec-12/${documentId}`,
    fileName: "sec-12.pdf",
    contentType: "application/pdf",
    sizeBytes: 1,
    sha256: "0".repeat(64),
    uploadedBy: "sec-12",
  };
}
