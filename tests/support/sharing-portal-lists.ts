import type { PortalViewer } from "../../server/modules/access/portal-access.js";
import type { documentVersions } from "../../server/modules/documents/documents.tables.js";
import {
  fileContracts,
  fileDocuments,
  readFileRows,
} from "../../server/modules/portal/portal-file-rows.sql.js";
import type { ScopedTx } from "../../server/platform/db/scope.js";

// SEC-12's view through the portal's contract and document lists, which find the viewer's grants
// and apply the rules inside their database functions (ADR 0008).

/** The ids the portal's contract and document lists answer for `viewer` on `fileId` at `now`. */
export async function portalListIds(
  tx: ScopedTx,
  viewer: PortalViewer,
  fileId: string,
  now: Date,
): Promise<string[]> {
  const contracts = await readFileRows(tx, fileContracts, fileId, viewer, now);
  const documents = await readFileRows(tx, fileDocuments, fileId, viewer, now);
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
