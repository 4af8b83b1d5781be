import { z } from "zod";

/** A date without time, as the API speaks it. */
const isoDate = z.iso.date();

/** A document category of the firm (the list is edited in the settings). */
export const documentCategorySchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  active: z.boolean(),
});
export type DocumentCategory = z.infer<typeof documentCategorySchema>;

/** One stored version of a document's file. */
export const documentVersionSchema = z.object({
  version: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ id: z.string(), name: z.string().nullable() }),
  uploadedAt: z.string(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

/** A document as lists show it; the file facts are those of the current version. */
export const documentSummarySchema = z.object({
  id: z.string(),
  clientFileId: z.string(),
  title: z.string(),
  category: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  contractId: z.string().nullable(),
  claimId: z.string().nullable(),
  documentDate: z.string().nullable(),
  sharedToPortal: z.boolean(),
  currentVersion: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** Whether the browser can show it inline (PDF and common images). */
  previewable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** One document with all its versions, newest first. */
export const documentDetailSchema = documentSummarySchema.extend({
  versions: z.array(documentVersionSchema),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

/** GET /api/client-files/:fileId/documents */
export const documentListSchema = z.object({
  items: z.array(documentSummarySchema),
  categories: z.array(documentCategorySchema),
});
export type DocumentList = z.infer<typeof documentListSchema>;

/** Query of the list: narrow by category, shared flag or contract. */
export const documentListQuerySchema = z.object({
  categoryId: z.uuid().optional(),
  shared: z.enum(["true", "false"]).optional(),
  contractId: z.uuid().optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

/** A multipart text field that means yes or no (a checkbox sends "on"). */
const formBoolean = z
  .enum(["true", "false", "on", "off", "1", "0"])
  .transform((v) => v === "true" || v === "on" || v === "1");

/** An optional multipart id field; an empty value means none. */
const optionalFormId = z
  .union([z.literal(""), z.uuid()])
  .optional()
  .transform((v) => (v ? v : null));

/** The text fields of an upload (POST …/documents, multipart/form-data with one `file`). */
export const documentUploadFieldsSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  categoryId: z.uuid(),
  contractId: optionalFormId,
  claimId: optionalFormId,
  documentDate: z
    .union([z.literal(""), isoDate])
    .optional()
    .transform((v) => (v ? v : null)),
  sharedToPortal: formBoolean.optional().transform((v) => v ?? false),
});
export type DocumentUploadFields = z.infer<typeof documentUploadFieldsSchema>;

/** PATCH …/documents/:id — change the describing fields; null clears an optional link or date. */
export const updateDocumentSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  categoryId: z.uuid().optional(),
  contractId: z.uuid().nullable().optional(),
  claimId: z.uuid().nullable().optional(),
  documentDate: isoDate.nullable().optional(),
});
export type UpdateDocument = z.infer<typeof updateDocumentSchema>;

/** POST …/documents/:id/share — the one-click share toggle. */
export const shareDocumentSchema = z.strictObject({ shared: z.boolean() });
export type ShareDocument = z.infer<typeof shareDocumentSchema>;

/** GET …/documents/:id/download query: a version (default current) and inline preview. */
export const documentDownloadQuerySchema = z.object({
  // A version number is a PostgreSQL integer: a larger one names no version.
  version: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  inline: z.enum(["1", "0", "true", "false"]).optional(),
});
export type DocumentDownloadQuery = z.infer<typeof documentDownloadQuerySchema>;

/** What an upload may be, for the picker's `accept` and the hint when a file is refused. */
export const acceptedDocumentTypes =
  ".pdf,.png,.jpg,.jpeg,.webp,.gif,.tif,.tiff,.heic,.heif,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.msg,.txt,.csv,.eml";
