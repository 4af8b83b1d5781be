import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { App, AppDeps } from "../../deps.js";
import { requireActor } from "../access/actor.js";
import { SESSION_COOKIE } from "../identity/auth.js";
import { readSessionToken } from "../identity/session.js";
import {
  accountSessionListSchema,
  accountSessionParamsSchema,
  signedOutEverywhereSchema,
  signOutEverywhereSchema,
} from "./account.schemas.js";
import { endOwnSession, listOwnSessions, signOutEverywhere } from "./account-sessions.service.js";

const tags = ["account"];

/** Tells the browser to drop the session cookie, with the attributes it was set with (SEC-9). */
function clearSessionCookie(reply: FastifyReply): void {
  reply.header("set-cookie", `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax`);
}

/** The signed-in account's own sessions (PORTAL-1): list them, end one, end all others. */
export async function accountRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/account/sessions",
    {
      schema: {
        tags,
        summary: "The signed-in account's live sessions, the current one first",
        response: { 200: accountSessionListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const current = await readSessionToken(deps.auth, request.headers.cookie);
      return { sessions: await listOwnSessions(deps, actor, current, request.language) };
    },
  );

  app.delete(
    "/api/account/sessions/:id",
    {
      schema: {
        tags,
        summary: "End one of the account's own sessions; 404 for any other id",
        params: accountSessionParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const current = await readSessionToken(deps.auth, request.headers.cookie);
      const { wasCurrent } = await endOwnSession(deps, request, actor, request.params.id, current);
      if (wasCurrent) clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/account/sessions/sign-out-everywhere",
    {
      schema: {
        tags,
        summary: "End all of the account's sessions except the current one (or including it)",
        body: signOutEverywhereSchema,
        response: { 200: signedOutEverywhereSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const current = await readSessionToken(deps.auth, request.headers.cookie);
      const includeCurrent = request.body.includeCurrent ?? false;
      const result = await signOutEverywhere(deps, request, actor, current, includeCurrent);
      if (includeCurrent) clearSessionCookie(reply);
      return reply.send(result);
    },
  );
}
