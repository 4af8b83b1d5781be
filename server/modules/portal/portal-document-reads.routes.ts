import { portalFileParamsSchema, portalRecordParamsSchema } from "../../../contracts/portal.js";
import type { App, AppDeps } from "../../deps.js";
import { inPortalScope } from "../access/portal-scope.js";
import { markPortalDocumentsRead } from "./portal-documents.service.js";
import { fileDocuments } from "./portal-file-rows.sql.js";

const tags = ["portal"];
const readNote =
  "The account's own mailbox: allowed with `read` access too; a staff preview hears 403 (it marks nothing).";

/**
 * The mailbox's "mark as read" (PORTAL-4). Outside the write gate on purpose: marking a document read
 * changes nothing of the file, only the account's own list, so `read` grantees may do it.
 */
export async function portalDocumentReadRoutes(app: App, deps: AppDeps): Promise<void> {
  const base = "/api/portal/firms/:firmId/files/:fileId/documents";

  app.post(
    `${base}/:id/read`,
    {
      schema: {
        tags,
        summary: "Mark a shared document as read without opening it",
        description: readNote,
        params: portalRecordParamsSchema,
      },
    },
    async (request, reply) => {
      const { firmId, fileId, id } = request.params;
      await inPortalScope(
        deps,
        request,
        firmId,
        (work) => markPortalDocumentsRead(work, fileId, id),
        fileDocuments,
      );
      return reply.code(204).send();
    },
  );

  app.post(
    `${base}/read`,
    {
      schema: {
        tags,
        summary: "Mark every shared document of the file as read",
        description: readNote,
        params: portalFileParamsSchema,
      },
    },
    async (request, reply) => {
      const { firmId, fileId } = request.params;
      await inPortalScope(
        deps,
        request,
        firmId,
        (work) => markPortalDocumentsRead(work, fileId),
        fileDocuments,
      );
      return reply.code(204).send();
    },
  );
}
