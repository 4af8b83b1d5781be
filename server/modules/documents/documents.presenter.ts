import type {
  DocumentCategory,
  DocumentDetail,
  DocumentSummary,
  DocumentVersion,
} from "../../../contracts/documents.js";
import { isPreviewable } from "./documents.content.js";
import type { CategoryRow, DocumentWithCurrent, VersionWithUploader } from "./documents.queries.js";

/** A document row with its category and current version → the list's shape. */
export function presentDocument({ document, category, current }: DocumentWithCurrent): DocumentSummary {
  return {
    id: document.id,
    clientFileId: document.clientFileId,
    title: document.title,
    category: { id: category.id, key: category.key, name: category.name },
    contractId: document.contractId,
    claimId: document.claimId,
    documentDate: document.documentDate,
    sharedToPortal: document.sharedToPortal,
    currentVersion: document.currentVersion,
    fileName: current.fileName,
    contentType: current.contentType,
    sizeBytes: current.sizeBytes,
    sha256: current.sha256,
    previewable: isPreviewable(current.contentType),
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}

/** One version → the API's shape (the storage key stays inside the server). */
export function presentVersion(version: VersionWithUploader): DocumentVersion {
  return {
    version: version.version,
    fileName: version.fileName,
    contentType: version.contentType,
    sizeBytes: version.sizeBytes,
    sha256: version.sha256,
    uploadedBy: { id: version.uploadedBy, name: version.uploaderName },
    uploadedAt: version.uploadedAt.toISOString(),
  };
}

/** A document with all its versions. */
export function presentDocumentDetail(
  row: DocumentWithCurrent,
  versions: VersionWithUploader[],
): DocumentDetail {
  return { ...presentDocument(row), versions: versions.map(presentVersion) };
}

/** A category of the firm. */
export function presentCategory(row: CategoryRow): DocumentCategory {
  return { id: row.id, key: row.key, name: row.name, active: row.active };
}
