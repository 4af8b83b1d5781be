import { eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  meSchema,
  passkeyAssertionSchema,
  passkeyRequestOptionsSchema,
  secondFactorChallengeSchema,
  secondFactorCodeSchema,
  signInResultSchema,
  signInSchema,
  updateMeSchema,
} from "../../../contracts/session.js";
import type { App, AppDeps } from "../../deps.js";
import { inScope } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { loadActor, requireActor } from "../access/actor.js";
import { presentMe, signIn, signOut, updateLanguage } from "./identity.service.js";
import { users } from "./identity.tables.js";
import { signInPasskeyOptions } from "./passkey-sign-in.js";
import { forwardCookies, toSignedInUser } from "./session.js";
import { recordSignIn } from "./sign-in-audit.js";
import { completeSignIn, resendSignInCode, type SecondFactorProof } from "./sign-in-challenge.service.js";
import type { AuthenticationResponseJSON } from "./webauthn.js";

/** Session routes: sign in, sign out, who am I, my language. */
export async function identityRoutes(app: App, deps: AppDeps): Promise<void> {
  const devMailbox = deps.devMailboxDir !== null;
  /** Completes the browser's sign-in with its second factor and answers the new `Me`. */
  const finishSignIn = async (request: FastifyRequest, reply: FastifyReply, proof: SecondFactorProof) => {
    const { userId, setCookies, method } = await completeSignIn(deps, request, proof);
    await recordSignIn(deps, request, userId, method);
    reply.header("set-cookie", setCookies);
    const [user] = await inScope(deps.database, { userId }, (tx) =>
      tx.db.select().from(users).where(eq(users.id, userId)),
    );
    if (!user) throw new AppError("unauthorized");
    return presentMe(await loadActor(deps.database, toSignedInUser(user)), devMailbox);
  };

  app.post(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "Sign in with email and password",
        body: signInSchema,
        response: { 200: signInResultSchema },
      },
    },
    async (request, reply) => {
      const { headers, user, secondFactor } = await signIn(
        deps,
        request,
        request.body.email,
        request.body.password,
      );
      forwardCookies(headers, reply);
      if (secondFactor) return { secondFactor };
      return presentMe(await loadActor(deps.database, user), devMailbox);
    },
  );

  app.post(
    "/api/session/second-factor",
    {
      schema: {
        tags: ["session"],
        summary: "Finish signing in with the code from the SMS or the authenticator app",
        body: secondFactorCodeSchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => finishSignIn(request, reply, { code: request.body.code }),
  );

  app.post(
    "/api/session/passkey/options",
    {
      schema: {
        tags: ["session"],
        summary: "The options for navigator.credentials.get that finish the sign-in waiting in this browser",
        response: { 200: passkeyRequestOptionsSchema },
      },
    },
    async (request) => signInPasskeyOptions(deps, request),
  );

  app.post(
    "/api/session/passkey",
    {
      schema: {
        tags: ["session"],
        summary: "Finish signing in with a passkey's answer to this sign-in's challenge",
        body: passkeyAssertionSchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) =>
      finishSignIn(request, reply, {
        passkey: request.body.response as unknown as AuthenticationResponseJSON,
      }),
  );

  app.post(
    "/api/session/second-factor/resend",
    {
      schema: {
        tags: ["session"],
        summary: "Send a new SMS code for the sign-in waiting in this browser",
        response: { 200: secondFactorChallengeSchema.shape.secondFactor },
      },
    },
    async (request) => resendSignInCode(deps, request),
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
