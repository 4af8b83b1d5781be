import { portalFileParamsSchema } from "../../../contracts/portal.js";
import { downloadLanguageQuerySchema } from "../../../contracts/profile.js";
import type { App, AppDeps } from "../../deps.js";
import { inPortalScope } from "../access/portal-scope.js";
import { contentDisposition } from "../documents/documents.content.js";
import { buildPortalReport } from "./portal-report.service.js";

/** A file's PDF overview for the holders (reports; never external advisors, seed 003). */
export async function portalReportRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/portal/firms/:firmId/files/:fileId/report.pdf",
    {
      config: { sessionInScope: true },
      schema: {
        tags: ["portal"],
        summary:
          "The file's overview as a PDF, in the viewer's language (`lang`, else the request's): holders, co-holders and company contacts; 403 for other roles (audited)",
        params: portalFileParamsSchema,
        querystring: downloadLanguageQuerySchema,
      },
    },
    async (request, reply) => {
      const { firmId, fileId } = request.params;
      const language = request.query.lang ?? request.language;
      const report = await inPortalScope(deps, request, firmId, (work) =>
        buildPortalReport(work, fileId, language),
      );
      return reply
        .header("Content-Type", "application/pdf")
        .header("Content-Disposition", contentDisposition("attachment", report.fileName))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .send(Buffer.from(report.bytes));
    },
  );
}
