import {
  bulkInvitationOptionsSchema,
  bulkInvitationParamsSchema,
  bulkInvitationPlanSchema,
  bulkInvitationRunSchema,
} from "../../../contracts/bulk-invitations.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { getBulkInvitation, startBulkInvitation } from "./bulk-invitations.service.js";
import { planBulkInvitation } from "./bulk-plan.js";

const tags = ["invitations"];

/** Bulk invitation from the client list (INV-3): plan (the dialog's questions), start, follow. */
export async function bulkInvitationsRoutes(app: App, deps: AppDeps): Promise<void> {
  app.post(
    "/api/invitations/bulk/plan",
    {
      schema: {
        tags,
        summary:
          "What a bulk invitation would do: missing and shared addresses, files skipped (nothing is sent)",
        body: bulkInvitationOptionsSchema,
        response: { 200: bulkInvitationPlanSchema },
      },
    },
    async (request) => inStaffScope(deps, request, (work) => planBulkInvitation(work, request.body)),
  );

  app.post(
    "/api/invitations/bulk",
    {
      schema: {
        tags,
        summary: "Start a bulk invitation; it runs in the background (follow it with GET …/bulk/:id)",
        body: bulkInvitationOptionsSchema,
        response: { 202: bulkInvitationRunSchema },
      },
    },
    async (request, reply) => {
      const run = await inStaffScope(deps, request, (work) => startBulkInvitation(work, deps, request.body));
      return reply.code(202).send(run);
    },
  );

  app.get(
    "/api/invitations/bulk/:id",
    {
      schema: {
        tags,
        summary: "A bulk invitation's progress, and its summary once done",
        params: bulkInvitationParamsSchema,
        response: { 200: bulkInvitationRunSchema },
      },
    },
    async (request) => inStaffScope(deps, request, (work) => getBulkInvitation(work, request.params.id)),
  );
}
