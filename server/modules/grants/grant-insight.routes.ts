import { z } from "zod";
import {
  explainQuerySchema,
  explainSchema,
  fileAccessSchema,
  grantIdParamsSchema,
  impactRequestSchema,
  impactSchema,
  previewSchema,
} from "../../../contracts/grants.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { explainVisibility, startPreview } from "./explain.service.js";
import { getFileAccess } from "./file-access.service.js";
import { grantImpact } from "./impact.service.js";

const tags = ["grants"];
const idParams = z.object({ id: z.uuid() });
// Checked by the service after the grantee is found, so another firm's grantee answers 404 first.
const explainQuery = z.object({
  kind: explainQuerySchema.shape.kind.optional(),
  recordId: z.string().max(100).optional(),
});

/** What staff learn about access: a file's Access tab, explain, the impact of a change, preview. */
export async function grantInsightRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files/:id/access",
    {
      schema: {
        tags,
        summary: "The file's Access tab: persons with their grants, advisors, outsiders, grants",
        params: idParams,
        response: { 200: fileAccessSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => getFileAccess(work, request.params.id, request.language)),
  );

  app.get(
    "/api/grantees/:id/explain",
    {
      schema: {
        tags,
        summary: "Whether the grantee sees a record through their grant, and why (GRANT-9)",
        params: idParams,
        querystring: explainQuery,
        response: { 200: explainSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => explainVisibility(work, request.params.id, request.query)),
  );

  app.post(
    "/api/grants/:id/impact",
    {
      schema: {
        tags,
        summary: "What each grantee would gain and lose with an unsaved change of the grant",
        params: grantIdParamsSchema,
        body: impactRequestSchema,
        response: { 200: impactSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => grantImpact(work, request.params.id, request.body)),
  );

  app.post(
    "/api/grantees/:id/preview",
    {
      schema: {
        tags,
        summary: "Start a read-only preview of the portal as this grantee sees it (GRANT-8, audited)",
        params: idParams,
        response: { 200: previewSchema },
      },
    },
    async (request) => inStaffScope(deps, request, (work) => startPreview(work, request.params.id)),
  );
}
