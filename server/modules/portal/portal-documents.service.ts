import { AppError } from "../../platform/errors.js";
import { readerToRecord, requireReaderToMark } from "../access/portal-document-reads.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { markDocumentsRead } from "./portal-document-reads.queries.js";
import { listShownDocuments } from "./portal-lists.queries.js";

/** What the download route streams: the current version's stored file and how to label it. */
export interface PortalDownload {
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * Opens the current version of a document the viewer sees (404 for any other), audited as
 * "document.portal_download" with the viewer: the account, or the staff member and the grantee they
 * preview. An account has then read this version (the mailbox's "new" goes); a preview marks nothing.
 */
export async function openPortalDownload(
  work: PortalWork,
  fileId: string,
  documentId: string,
): Promise<PortalDownload> {
  const access = await requirePortalFile(work, fileId);
  const [row] = await listShownDocuments(work, access, documentId);
  if (!row) throw new AppError("not_found");
  const { current } = row;
  await recordAudit(work.tx, work.audit, {
    action: "document.portal_download",
    entityType: "document",
    entityId: documentId,
    clientFileId: fileId,
    before: null,
    after: {
      version: current.version,
      fileName: current.fileName,
      sha256: current.sha256,
      via: work.viewer.kind === "preview" ? "preview" : "portal",
      ...(work.viewer.kind === "preview" ? { previewOfGranteeId: work.viewer.granteeId } : {}),
      grantIds: access.grantIds,
    },
  });
  const reader = readerToRecord(access);
  if (reader !== null && row.unread)
    await markDocumentsRead(
      work.tx,
      work.firmId,
      reader,
      [{ documentId, version: current.version }],
      work.now,
    );
  return {
    storageKey: current.storageKey,
    fileName: current.fileName,
    contentType: current.contentType,
    sizeBytes: current.sizeBytes,
  };
}

/**
 * Marks shared documents of the file as read without opening them: the one `documentId` (404 unless
 * the viewer sees it), or with none every document still unread. A preview hears 403.
 */
export async function markPortalDocumentsRead(
  work: PortalWork,
  fileId: string,
  documentId?: string,
): Promise<void> {
  const access = await requirePortalFile(work, fileId);
  const rows = await listShownDocuments(work, access, documentId);
  if (documentId !== undefined && rows.length === 0) throw new AppError("not_found");
  const reader = requireReaderToMark(access);
  const reads = rows
    .filter((row) => row.unread)
    .map((row) => ({ documentId: row.document.id, version: row.document.currentVersion }));
  await markDocumentsRead(work.tx, work.firmId, reader, reads, work.now);
}
