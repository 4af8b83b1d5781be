import multipart from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  caseAttachmentDownloadQuerySchema,
  caseAttachmentLimits,
  caseAttachmentParamsSchema,
  caseDetailSchema,
  caseIdParamsSchema,
  caseInboxQuerySchema,
  caseInboxSchema,
  portalCaseAttachmentParamsSchema,
  portalCaseDetailSchema,
  portalCaseListSchema,
  portalCaseParamsSchema,
  updateCaseSchema,
} from "../../../contracts/cases.js";
import { portalFileParamsSchema } from "../../../contracts/portal.js";
import type { App, AppDeps } from "../../deps.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { FileNotFoundError } from "../../platform/storage/storage.js";
import { inPortalScope } from "../access/portal-scope.js";
import { inStaffScope } from "../access/staff-scope.js";
import { contentDisposition, isPreviewable } from "../documents/documents.content.js";
import {
  attachmentKey,
  attachmentLimitBytes,
  type ReceivedCaseWrite,
  receiveCaseWrite,
  removeAttachments,
} from "./cases.upload.js";
import {
  assertMayCreateSomeCase,
  assertMayReply,
  createPortalCase,
  getPortalCase,
  listPortalCases,
  openPortalAttachment,
  replyToPortalCase,
} from "./cases-portal.service.js";
import {
  assertStaffSeesCase,
  getStaffCase,
  listCaseInbox,
  openStaffAttachment,
  replyToCase,
  updateCase,
} from "./cases-staff.service.js";

const portalTags = ["portal", "cases"];
const staffTags = ["cases"];
const writeNote =
  "application/json with the body, or multipart/form-data with the body as JSON in the part `data` and " +
  `up to ${caseAttachmentLimits.files} parts \`files\` (PDF, photos incl. HEIC, office documents; the type ` +
  "is sniffed from the bytes, SEC-15).";
// A previewed file is a document of its own: no scripts, no requests, only shown inside Atrium's pages.
const previewPolicy = "default-src 'none'; sandbox; frame-ancestors 'self'";

/** Streams a stored attachment: attachment unless previewable and asked inline, exact name, no cache. */
async function sendAttachment(
  deps: AppDeps,
  reply: FastifyReply,
  attachment: { storageKey: string; contentType: string; sizeBytes: number; fileName: string },
  inlineAsked: string | undefined,
) {
  let stream: Awaited<ReturnType<typeof deps.files.get>>;
  try {
    stream = await deps.files.get(attachment.storageKey);
  } catch (error) {
    if (error instanceof FileNotFoundError) throw new AppError("not_found");
    throw error;
  }
  const inline = (inlineAsked === "1" || inlineAsked === "true") && isPreviewable(attachment.contentType);
  reply
    .header("Content-Type", attachment.contentType)
    .header("Content-Length", String(attachment.sizeBytes))
    .header("Content-Disposition", contentDisposition(inline ? "inline" : "attachment", attachment.fileName))
    .header("X-Content-Type-Options", "nosniff")
    .header("Cache-Control", "no-store");
  if (inline) reply.header("Content-Security-Policy", previewPolicy);
  return reply.send(stream);
}

/** Cases (CASE-1, PORTAL-6, PORTAL-7): the portal's side under the file, the firm's inbox under /api/cases. */
export async function casesRoutes(app: App, deps: AppDeps): Promise<void> {
  const limitBytes = attachmentLimitBytes(deps.config.uploadLimitBytes);
  const portalBase = "/api/portal/firms/:firmId/files/:fileId/cases";

  /** Reads a write's body and files, then commits; a refused commit removes the stored files again. */
  const withWrite = async <T>(
    request: FastifyRequest,
    keyOf: (attachmentId: string) => string,
    commit: (received: ReceivedCaseWrite) => Promise<T>,
  ): Promise<T> => {
    const received = await receiveCaseWrite(request, deps.files, { keyOf, limitBytes });
    try {
      return await commit(received);
    } catch (error) {
      await removeAttachments(deps.files, received.files);
      throw error;
    }
  };

  await app.register(async (scope: App) => {
    // Multipart parsing exists only on these write routes.
    await scope.register(multipart, {
      limits: {
        fileSize: limitBytes,
        files: caseAttachmentLimits.files,
        fields: 1,
        fieldSize: 100_000,
        parts: caseAttachmentLimits.files + 1,
      },
    });

    scope.post(
      portalBase,
      {
        schema: {
          tags: portalTags,
          summary: "Open a case: message, claim report, contract capture, quote request or upload",
          consumes: ["application/json", "multipart/form-data"],
          description: `Body: createPortalCaseSchema (contracts/cases.ts). ${writeNote}`,
          params: portalFileParamsSchema,
          response: { 201: portalCaseDetailSchema },
        },
      },
      async (request, reply) => {
        const { firmId, fileId } = request.params;
        await inPortalScope(deps, request, firmId, (work) => assertMayCreateSomeCase(work, fileId));
        const caseId = newId();
        const detail = await withWrite(
          request,
          (id) => attachmentKey(firmId, caseId, id),
          ({ body, files }) =>
            inPortalScope(deps, request, firmId, (work) =>
              createPortalCase(work, fileId, caseId, body, files, request.language),
            ),
        );
        return reply.code(201).send(detail);
      },
    );

    scope.post(
      `${portalBase}/:caseId/messages`,
      {
        schema: {
          tags: portalTags,
          summary: "Answer in a case's thread",
          consumes: ["application/json", "multipart/form-data"],
          description: `Body: portalCaseReplySchema. ${writeNote}`,
          params: portalCaseParamsSchema,
          response: { 201: portalCaseDetailSchema },
        },
      },
      async (request, reply) => {
        const { firmId, fileId, caseId } = request.params;
        await inPortalScope(deps, request, firmId, (work) => assertMayReply(work, fileId, caseId));
        const detail = await withWrite(
          request,
          (id) => attachmentKey(firmId, caseId, id),
          ({ body, files }) =>
            inPortalScope(deps, request, firmId, (work) =>
              replyToPortalCase(work, fileId, caseId, body, files),
            ),
        );
        return reply.code(201).send(detail);
      },
    );

    scope.post(
      "/api/cases/:id/messages",
      {
        schema: {
          tags: staffTags,
          summary: "Reply to the client (the case then waits for the client unless a status is given)",
          consumes: ["application/json", "multipart/form-data"],
          description: `Body: staffCaseReplySchema. ${writeNote}`,
          params: caseIdParamsSchema,
          response: { 201: caseDetailSchema },
        },
      },
      async (request, reply) => {
        const caseId = request.params.id;
        const firmId = await inStaffScope(deps, request, (work) => assertStaffSeesCase(work, caseId));
        const detail = await withWrite(
          request,
          (id) => attachmentKey(firmId, caseId, id),
          ({ body, files }) => inStaffScope(deps, request, (work) => replyToCase(work, caseId, body, files)),
        );
        return reply.code(201).send(detail);
      },
    );
  });

  app.get(
    portalBase,
    {
      schema: {
        tags: portalTags,
        summary: "The file's cases the viewer sees, and which they may open",
        params: portalFileParamsSchema,
        response: { 200: portalCaseListSchema },
      },
    },
    (request) =>
      inPortalScope(deps, request, request.params.firmId, (work) =>
        listPortalCases(work, request.params.fileId),
      ),
  );

  app.get(
    `${portalBase}/:caseId`,
    {
      schema: {
        tags: portalTags,
        summary: "One case with its thread (opening it marks the firm's answers read)",
        params: portalCaseParamsSchema,
        response: { 200: portalCaseDetailSchema },
      },
    },
    (request) => {
      const { firmId, fileId, caseId } = request.params;
      return inPortalScope(deps, request, firmId, (work) => getPortalCase(work, fileId, caseId));
    },
  );

  app.get(
    `${portalBase}/:caseId/attachments/:attachmentId`,
    {
      schema: {
        tags: portalTags,
        summary: "Download an attachment; inline=1 previews PDFs and images",
        params: portalCaseAttachmentParamsSchema,
        querystring: caseAttachmentDownloadQuerySchema,
      },
    },
    async (request, reply) => {
      const { firmId, fileId, caseId, attachmentId } = request.params;
      const attachment = await inPortalScope(deps, request, firmId, (work) =>
        openPortalAttachment(work, fileId, caseId, attachmentId),
      );
      return sendAttachment(deps, reply, attachment, request.query.inline);
    },
  );

  app.get(
    "/api/cases",
    {
      schema: {
        tags: staffTags,
        summary: "The firm's inbox of cases, filtered, latest activity first, with counts by status",
        querystring: caseInboxQuerySchema,
        response: { 200: caseInboxSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => listCaseInbox(work, request.query)),
  );

  app.get(
    "/api/cases/:id",
    {
      schema: {
        tags: staffTags,
        summary: "One case with its thread (opening it marks the client's messages read)",
        params: caseIdParamsSchema,
        response: { 200: caseDetailSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => getStaffCase(work, request.params.id)),
  );

  app.patch(
    "/api/cases/:id",
    {
      schema: {
        tags: staffTags,
        summary: "Change a case's status and/or assignee",
        params: caseIdParamsSchema,
        body: updateCaseSchema,
        response: { 200: caseDetailSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => updateCase(work, request.params.id, request.body)),
  );

  app.get(
    "/api/cases/:id/attachments/:attachmentId",
    {
      schema: {
        tags: staffTags,
        summary: "Download an attachment; inline=1 previews PDFs and images",
        params: caseAttachmentParamsSchema,
        querystring: caseAttachmentDownloadQuerySchema,
      },
    },
    async (request, reply) => {
      const attachment = await inStaffScope(deps, request, (work) =>
        openStaffAttachment(work, request.params.id, request.params.attachmentId),
      );
      return sendAttachment(deps, reply, attachment, request.query.inline);
    },
  );
}
