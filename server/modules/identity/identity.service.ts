import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Language } from "../../../contracts/common.js";
import type { Me } from "../../../contracts/session.js";
import type { AppDeps } from "../../deps.js";
import type { Database } from "../../platform/db/pool.js";
import { inScope } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import type { Actor } from "../access/actor.js";
import { staffCan } from "../access/staff.policy.js";
import type { Auth } from "./auth.js";
import { users } from "./identity.tables.js";
import { admitPasswordCheck, forgetPasswordChecks } from "./password-checks.js";
import { type SignedInUser, toFetchHeaders, toSignedInUser } from "./session.js";
import { recordFailedSignIn, recordSignIn } from "./sign-in-audit.js";
import { challengeIfRequired, type SecondFactorChallenge } from "./sign-in-challenge.service.js";

/**
 * Signs in with email and password. With a second factor on the account, no session results: the
 * one better-auth made is replaced by a challenge (its cookie in `headers`) and `secondFactor` says
 * what to ask — so no caller (sign-in, invitation, password reset) can skip the factor (SEC-8).
 */
export async function signIn(
  deps: Pick<AppDeps, "auth" | "database" | "clock" | "sms" | "secondFactorKey" | "config">,
  request: FastifyRequest,
  email: string,
  password: string,
): Promise<{ headers: Headers; user: SignedInUser; secondFactor: SecondFactorChallenge | null }> {
  const attempt = () =>
    deps.auth.api.signInEmail({
      body: { email: email.trim().toLowerCase(), password, rememberMe: true },
      headers: toFetchHeaders(request),
      returnHeaders: true,
    });
  let signedIn: Awaited<ReturnType<typeof attempt>>;
  await admitPasswordCheck(deps.database, email, deps.clock.now(), request.ip);
  try {
    signedIn = await attempt();
  } catch (error) {
    if (error instanceof APIError && error.statusCode === 429) throw new AppError("rate_limited");
    if (error instanceof APIError && error.statusCode < 500) {
      await recordFailedSignIn(deps, request, email);
      throw new AppError("unauthorized", "errors.bad_credentials");
    }
    throw error;
  }
  const user = toSignedInUser(signedIn.response.user);
  await forgetPasswordChecks(deps.database, email, request.ip);
  const challenge = await challengeIfRequired(deps, user.id, signedIn.response.token);
  if (!challenge) {
    // Every sign-in that yields a session is audited here, also the one right after setup or registration.
    await recordSignIn(deps, request, user.id, "password");
    return { headers: signedIn.headers, user, secondFactor: null };
  }
  const headers = new Headers();
  headers.append("set-cookie", challenge.setCookie);
  return { headers, user, secondFactor: challenge.challenge };
}

/** Ends the request's session; returns the headers that clear the cookie. */
export async function signOut(auth: Auth, request: FastifyRequest) {
  const { headers } = await auth.api.signOut({ headers: toFetchHeaders(request), returnHeaders: true });
  return headers;
}

/** Stores the account's preferred language. */
export async function updateLanguage(database: Database, userId: string, language: Language) {
  await inScope(database, { userId }, (tx) =>
    tx.db.update(users).set({ language, updatedAt: new Date() }).where(eq(users.id, userId)),
  );
}

/** The API shape of "who am I". */
export function presentMe(actor: Actor, devMailboxEnabled: boolean): Me {
  return {
    user: {
      id: actor.user.id,
      name: actor.user.name,
      email: actor.user.email,
      language: actor.user.language,
    },
    firm: actor.staff
      ? { id: actor.staff.firmId, name: actor.staff.firmName, defaultLanguage: actor.staff.firmLanguage }
      : null,
    staffRole: actor.staff?.role ?? null,
    devMailbox: staffCan(actor, "dev_mailbox.read", { devMailbox: devMailboxEnabled }),
  };
}
