import {
  addGranteeSchema,
  granteeParamsSchema,
  granteeSchema,
  grantIdParamsSchema,
  updateGranteeSchema,
} from "../../../contracts/grants.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { endSessionsWithoutAccess } from "./grantee-sessions.js";
import {
  addGrantee,
  changeGranteeStatus,
  type GranteeStatusAction,
  updateGrantee,
} from "./grantees.service.js";

const tags = ["grants"];

const statusActions: Record<GranteeStatusAction, string> = {
  lock: "Lock a grantee (reversible; ends their sessions if nothing else is left)",
  unlock: "Unlock a locked grantee",
  revoke: "Revoke a grantee's access (ends their sessions if nothing else is left)",
  reinstate: "Give a revoked grantee their access back",
};

/** The grantees of a grant (GRANT-2, GRANT-6, GRANT-7): add, change, lock, unlock, revoke, reinstate. */
export async function granteeRoutes(app: App, deps: AppDeps): Promise<void> {
  app.post(
    "/api/grants/:id/grantees",
    {
      schema: {
        tags,
        summary: "Share the grant with a person of a bundled file or an outside person (by email)",
        params: grantIdParamsSchema,
        body: addGranteeSchema,
        response: { 201: granteeSchema },
      },
    },
    async (request, reply) => {
      const grantee = await inStaffScope(deps, request, (work) =>
        addGrantee(work, request.params.id, request.body),
      );
      return reply.code(201).send(grantee);
    },
  );

  app.patch(
    "/api/grants/:id/grantees/:granteeId",
    {
      schema: {
        tags,
        summary: "Change a grantee's access, primary-contact flag or expiry",
        params: granteeParamsSchema,
        body: updateGranteeSchema,
        response: { 200: granteeSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        updateGrantee(work, deps, request.params.id, request.params.granteeId, request.body),
      ),
  );

  for (const [action, summary] of Object.entries(statusActions) as Array<[GranteeStatusAction, string]>) {
    app.post(
      `/api/grants/:id/grantees/:granteeId/${action}`,
      { schema: { tags, summary, params: granteeParamsSchema, response: { 200: granteeSchema } } },
      async (request) => {
        const outcome = await inStaffScope(deps, request, (work) =>
          changeGranteeStatus(work, deps, request.params.id, request.params.granteeId, action),
        );
        await endSessionsWithoutAccess(deps.database, outcome.accountsLosingAccess, deps.clock.now());
        return outcome.result;
      },
    );
  }
}
