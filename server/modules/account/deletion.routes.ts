import type { FastifyReply } from "fastify";
import { z } from "zod";
import { granteeParamsSchema } from "../../../contracts/grants.js";
import { deleteAccountSchema, removedAccountSchema } from "../../../contracts/profile.js";
import type { App, AppDeps } from "../../deps.js";
import { requireActor } from "../access/actor.js";
import { inStaffScope } from "../access/staff-scope.js";
import { SESSION_COOKIE } from "../identity/auth.js";
import { deleteOwnAccount, finishRemoval, removePortalAccount } from "./deletion.service.js";

/** Tells the browser to drop the session cookie of an account that no longer exists. */
function clearSessionCookie(reply: FastifyReply): void {
  reply.header("set-cookie", `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax`);
}

/** Account deletion (AUDIT-2): by the account itself, or staff removing a portal account from their firm. */
export async function deletionRoutes(app: App, deps: AppDeps): Promise<void> {
  app.delete(
    "/api/account",
    {
      schema: {
        tags: ["account"],
        summary:
          "Delete the signed-in account: its own data is erased, the files' correspondence and history stay (password and confirmation required)",
        body: deleteAccountSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteOwnAccount(deps, request, requireActor(request), request.body);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/grants/:id/grantees/:granteeId/remove-account",
    {
      schema: {
        tags: ["grants"],
        summary:
          "Remove this grantee's portal account from the firm: all its access here is revoked and unlinked; an account that then reaches no firm is erased",
        params: granteeParamsSchema,
        response: { 200: removedAccountSchema },
      },
    },
    async (request) => {
      const { result, accountId } = await inStaffScope(deps, request, (work) =>
        removePortalAccount(work, request.params.id, request.params.granteeId),
      );
      await finishRemoval(deps, accountId);
      return result;
    },
  );
}
