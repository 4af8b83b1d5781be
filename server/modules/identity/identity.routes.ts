import { z } from "zod";
import { meSchema, signInSchema, updateMeSchema } from "../../../contracts/session.js";
import type { App, AppDeps } from "../../deps.js";
import { loadActor, requireActor } from "../access/actor.js";
import { presentMe, signIn, signOut, updateLanguage } from "./identity.service.js";
import { forwardCookies } from "./session.js";

/** Session routes: sign in, sign out, who am I, my language. */
export async function identityRoutes(app: App, deps: AppDeps): Promise<void> {
  const devMailbox = deps.devMailboxDir !== null;

  app.post(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "Sign in with email and password",
        body: signInSchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { headers, user } = await signIn(deps.auth, request, request.body.email, request.body.password);
      forwardCookies(headers, reply);
      return presentMe(await loadActor(deps.database, user), devMailbox);
    },
  );

  app.delete(
    "/api/session",
    { schema: { tags: ["session"], summary: "Sign out", response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.actor) forwardCookies(await signOut(deps.auth, request), reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/me",
    {
      schema: {
        tags: ["session"],
        summary: "The signed-in account and its firm",
        response: { 200: meSchema },
      },
    },
    async (request) => presentMe(requireActor(request), devMailbox),
  );

  app.patch(
    "/api/me",
    {
      schema: {
        tags: ["session"],
        summary: "Change own preferences",
        body: updateMeSchema,
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateLanguage(deps.database, actor.user.id, request.body.language);
      return presentMe({ ...actor, user: { ...actor.user, language: request.body.language } }, devMailbox);
    },
  );
}
