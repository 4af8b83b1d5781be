import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  documentDetailSchema,
  documentDownloadQuerySchema,
  documentListQuerySchema,
  documentListSchema,
  documentSummarySchema,
  shareDocumentSchema,
  updateDocumentSchema,
} from "../../../contracts/documents.js";
import type { App, AppDeps } from "../../deps.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { FileNotFoundError, removeStoredFiles } from "../../platform/storage/storage.js";
import { inStaffScope } from "../access/staff-scope.js";
import { contentDisposition, isPreviewable } from "./documents.content.js";
import {
  addVersion,
  assertMayUpload,
  createDocument,
  deleteDocument,
  getDocument,
  listDocumentsOfFile,
  openDownload,
  parseUploadFields,
  shareDocument,
  storageKeyFor,
  updateDocument,
} from "./documents.service.js";
import { receiveUpload, type StoredUpload } from "./documents.upload.js";

const tags = ["documents"];
const fileParams = z.object({ fileId: z.uuid() });
const documentParams = z.object({ fileId: z.uuid(), id: z.uuid() });
const multipartBody = {
  consumes: ["multipart/form-data"],
  description:
    "multipart/form-data with one part `file`. The stored type is sniffed from the bytes (SEC-15); " +
    "allowed: PDF, images (PNG, JPEG, WebP, GIF, TIFF, HEIC), office documents, plain text and CSV.",
};
// A previewed file is a document of its own: no scripts, no requests, only shown inside Atrium's pages.
const previewPolicy = "default-src 'none'; sandbox; frame-ancestors 'self'";

/** Documents of a client file (FILE-4): upload, versions, metadata, share toggle, download (SEC-15). */
export async function documentsRoutes(app: App, deps: AppDeps): Promise<void> {
  const limitBytes = deps.config.uploadLimitBytes;

  await app.register(async (scope: App) => {
    // Registered only here so multipart parsing exists on the upload routes and nowhere else.
    await scope.register(multipart, {
      limits: { fileSize: limitBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 25 },
    });

    /** Stores the upload, then runs `commit`; a refused commit removes the stored file again. */
    const withUpload = async <T>(
      request: FastifyRequest,
      key: string,
      commit: (stored: StoredUpload, fields: Record<string, string>) => Promise<T>,
    ): Promise<T> => {
      const { fields, file } = await receiveUpload(request, deps.files, { key, limitBytes });
      try {
        if (!file)
          throw new AppError(
            "invalid",
            "errors.invalid",
            {},
            {
              fields: [{ field: "file", message: "documents.file_required" }],
            },
          );
        return await commit(file, fields);
      } catch (error) {
        if (file) await deps.files.delete(file.key).catch(() => {});
        throw error;
      }
    };

    scope.post(
      "/api/client-files/:fileId/documents",
      {
        schema: {
          tags,
          summary: "Upload a document (version 1) to a client file",
          ...multipartBody,
          params: fileParams,
          response: { 201: documentDetailSchema },
        },
      },
      async (request, reply) => {
        const { fileId } = request.params;
        const firmId = await inStaffScope(deps, request, async (work) => {
          await assertMayUpload(work, fileId);
          return work.actor.staff.firmId;
        });
        const documentId = newId();
        const detail = await withUpload(request, storageKeyFor(firmId, documentId), (stored, raw) => {
          const fields = parseUploadFields(raw);
          return inStaffScope(deps, request, (work) =>
            createDocument(work, fileId, documentId, fields, stored),
          );
        });
        return reply.code(201).send(detail);
      },
    );

    scope.post(
      "/api/client-files/:fileId/documents/:id/versions",
      {
        schema: {
          tags,
          summary: "Upload a new version of a document; earlier versions are kept",
          ...multipartBody,
          params: documentParams,
          response: { 201: documentDetailSchema },
        },
      },
      async (request, reply) => {
        const { fileId, id } = request.params;
        const firmId = await inStaffScope(deps, request, async (work) => {
          await assertMayUpload(work, fileId, id);
          return work.actor.staff.firmId;
        });
        const detail = await withUpload(request, storageKeyFor(firmId, id), (stored, raw) => {
          const extra = Object.keys(raw)[0];
          if (extra !== undefined) {
            throw new AppError(
              "invalid",
              "errors.invalid",
              {},
              {
                fields: [{ field: extra, message: "field.unknown" }],
              },
            );
          }
          return inStaffScope(deps, request, (work) => addVersion(work, fileId, id, stored));
        });
        return reply.code(201).send(detail);
      },
    );
  });

  app.get(
    "/api/client-files/:fileId/documents",
    {
      schema: {
        tags,
        summary: "List a client file's documents, newest first",
        params: fileParams,
        querystring: documentListQuerySchema,
        response: { 200: documentListSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) => listDocumentsOfFile(work, request.params.fileId, request.query)),
  );

  app.get(
    "/api/client-files/:fileId/documents/:id",
    {
      schema: {
        tags,
        summary: "One document with all its versions",
        params: documentParams,
        response: { 200: documentDetailSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) => getDocument(work, request.params.fileId, request.params.id)),
  );

  app.patch(
    "/api/client-files/:fileId/documents/:id",
    {
      schema: {
        tags,
        summary: "Change a document's title, category, linked contract or claim, or date",
        params: documentParams,
        body: updateDocumentSchema,
        response: { 200: documentDetailSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        updateDocument(work, request.params.fileId, request.params.id, request.body),
      ),
  );

  app.post(
    "/api/client-files/:fileId/documents/:id/share",
    {
      schema: {
        tags,
        summary: "Share a document to the portal or stop sharing it (one click)",
        params: documentParams,
        body: shareDocumentSchema,
        response: { 200: documentSummarySchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        shareDocument(work, request.params.fileId, request.params.id, request.body.shared),
      ),
  );

  app.delete(
    "/api/client-files/:fileId/documents/:id",
    {
      schema: {
        tags,
        summary: "Delete a document with all its versions and stored files",
        params: documentParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const keys = await inStaffScope(deps, request, (work) =>
        deleteDocument(work, request.params.fileId, request.params.id),
      );
      await removeStoredFiles(deps.files, keys, request.log);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/client-files/:fileId/documents/:id/download",
    {
      schema: {
        tags,
        summary: "Download a version of a document (default: current); inline=1 previews PDFs and images",
        params: documentParams,
        querystring: documentDownloadQuerySchema,
      },
    },
    async (request, reply) => {
      const { fileId, id } = request.params;
      const version = await inStaffScope(deps, request, (work) =>
        openDownload(work, fileId, id, request.query.version),
      );
      let stream: Awaited<ReturnType<typeof deps.files.get>>;
      try {
        stream = await deps.files.get(version.storageKey);
      } catch (error) {
        if (error instanceof FileNotFoundError) throw new AppError("not_found");
        throw error;
      }
      const inline =
        (request.query.inline === "1" || request.query.inline === "true") &&
        isPreviewable(version.contentType);
      reply
        .header("Content-Type", version.contentType)
        .header("Content-Length", String(version.sizeBytes))
        .header("Content-Disposition", contentDisposition(inline ? "inline" : "attachment", version.fileName))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store");
      if (inline) reply.header("Content-Security-Policy", previewPolicy);
      return reply.send(stream);
    },
  );
}
