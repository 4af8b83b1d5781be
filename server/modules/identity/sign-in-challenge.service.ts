import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Language } from "../../../contracts/common.js";
import type { AppDeps } from "../../deps.js";
import { open } from "../../platform/crypto.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { maskPhone } from "../../platform/sms/sms.js";
import { phoneCodeText } from "../../platform/sms/sms-texts.js";
import { matchTotpStep } from "../../platform/totp.js";
import { SESSION_COOKIE, SESSION_EXPIRES_IN_S } from "./auth.js";
import { passkeys, secondFactors, sessions, signInChallenges, users } from "./identity.tables.js";
import { passkeyMatches } from "./passkey-sign-in.js";
import { hitRateLimit, type RateLimit } from "./rate-limits.js";
import { recordFailedSecondFactor } from "./sign-in-audit.js";
import type { AuthenticationResponseJSON } from "./webauthn.js";

/** The cookie that carries a sign-in waiting for its second factor (never a session). */
export const CHALLENGE_COOKIE = "__Host-atrium_sign_in";
/** How long a sign-in may wait for its second factor, and an SMS code live (SEC-8: ≤ 10 minutes). */
const CHALLENGE_MINUTES = 10;
const MAX_FAILURES = 5;
const RESEND_PER_ACCOUNT: RateLimit = { name: "sign-in-code-account", max: 5, windowMs: 3_600_000 };
/** SEC-17: codes tried per account an hour, across sign-ins (five per sign-in would not stop a guesser who has the password). */
const TRIES_PER_ACCOUNT: RateLimit = { name: "second-factor-tries", max: 20, windowMs: 3_600_000 };

export type ChallengeDeps = Pick<
  AppDeps,
  "database" | "clock" | "sms" | "secondFactorKey" | "auth" | "config"
>;

/** What the sign-in page needs to ask for the second factor. */
export interface SecondFactorChallenge {
  /** The code asked (SMS or app), or "passkey" when the account has passkeys only. */
  method: "sms" | "totp" | "passkey";
  /** Where the SMS went (masked), for an SMS factor. */
  phoneMasked: string | null;
  /** Whether one of the account's passkeys may answer instead. */
  passkey: boolean;
}

/** What completes a sign-in: a six-digit code, or a passkey's signature over this sign-in's challenge. */
export type SecondFactorProof = { code: string } | { passkey: AuthenticationResponseJSON };

const hashToken = (raw: string) => createHash("sha256").update(raw).digest("hex");
const hashCode = (deps: ChallengeDeps, challengeId: string, code: string) =>
  createHmac("sha256", deps.secondFactorKey).update(`${challengeId}:${code}`).digest("hex");
const cookie = (name: string, value: string, maxAge: number) =>
  `${name}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; Secure; SameSite=Lax`;

/** The account's second factor (its code method and how many passkeys), or null when it has none. */
export async function secondFactorOf(tx: ScopedTx, userId: string) {
  const [row] = await tx.db
    .select({
      method: secondFactors.method,
      phone: users.phoneE164,
      language: users.language,
      passkeys: sql<number>`(select count(*)::int from ${passkeys} where ${passkeys.userId} = ${users.id})`,
    })
    .from(users)
    .leftJoin(secondFactors, eq(secondFactors.userId, users.id))
    .where(eq(users.id, userId));
  if (!row || (!row.method && row.passkeys === 0)) return null;
  return { ...row, method: row.method as "sms" | "totp" | null };
}

async function sendCode(
  deps: ChallengeDeps,
  tx: ScopedTx,
  challengeId: string,
  phone: string,
  language: string,
) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const now = deps.clock.now();
  await tx.db
    .update(signInChallenges)
    .set({
      codeHash: hashCode(deps, challengeId, code),
      codeExpiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
    })
    .where(eq(signInChallenges.id, challengeId));
  await deps.sms.send(phone, phoneCodeText(language as Language, code, CHALLENGE_MINUTES));
}

/**
 * After the password was right: when the account has a second factor, the session better-auth just
 * made is deleted again and a challenge takes its place (an SMS code goes out for an SMS factor).
 * Answers the cookie to set and what to ask, or null when the account signs in with its password alone.
 */
export async function challengeIfRequired(
  deps: ChallengeDeps,
  userId: string,
  sessionToken: string,
): Promise<{ setCookie: string; challenge: SecondFactorChallenge } | null> {
  return inScope(deps.database, { userId }, async (tx) => {
    const factor = await secondFactorOf(tx, userId);
    if (!factor) return null;
    await tx.db.delete(sessions).where(eq(sessions.token, sessionToken));
    const raw = randomBytes(32).toString("base64url");
    const now = deps.clock.now();
    const id = newId();
    const method = factor.method ?? "passkey";
    await tx.db.insert(signInChallenges).values({
      id,
      tokenHash: hashToken(raw),
      userId,
      method,
      expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
      createdAt: now,
    });
    if (factor.method === "sms" && factor.phone) await sendCode(deps, tx, id, factor.phone, factor.language);
    return {
      setCookie: cookie(CHALLENGE_COOKIE, raw, CHALLENGE_MINUTES * 60),
      challenge: {
        method,
        phoneMasked: factor.phone ? maskPhone(factor.phone) : null,
        passkey: factor.passkeys > 0,
      },
    };
  });
}

function challengeToken(request: FastifyRequest): string | null {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CHALLENGE_COOKIE) return rest.join("=") || null;
  }
  return null;
}

/** The open challenge of this browser, row-locked; 404 when there is none (expired, used, too many tries). */
export async function openChallenge(deps: ChallengeDeps, tx: ScopedTx, request: FastifyRequest) {
  const raw = challengeToken(request);
  const now = deps.clock.now();
  const [row] = raw
    ? await tx.db
        .select()
        .from(signInChallenges)
        .where(
          and(
            eq(signInChallenges.tokenHash, hashToken(raw)),
            isNull(signInChallenges.consumedAt),
            gt(signInChallenges.expiresAt, now),
          ),
        )
        .for("update")
    : [];
  if (!row || row.failedAttempts >= MAX_FAILURES)
    throw new AppError("not_found", "identity.sign_in_challenge_gone");
  return row;
}

/** Signs a session token into the cookie value better-auth reads (`token.base64(HMAC-SHA256)`). */
async function sessionCookie(deps: ChallengeDeps, token: string): Promise<string> {
  const secret = (await deps.auth.$context).secret;
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return cookie(SESSION_COOKIE, encodeURIComponent(`${token}.${signature}`), SESSION_EXPIRES_IN_S);
}

/**
 * Completes a sign-in with its second factor (SEC-8): the SMS code of this challenge (before its
 * expiry), an authenticator code not used before, or a passkey's signature over this challenge with a
 * grown counter; a wrong answer counts, the fifth ends the challenge. Then a new session is made — its id exists only from now on (SEC-9) — and the challenge
 * is used up. Answers the account's id, the cookies to set and the factor that answered.
 */
export async function completeSignIn(
  deps: ChallengeDeps,
  request: FastifyRequest,
  proof: SecondFactorProof,
): Promise<{ userId: string; setCookies: string[]; method: "sms" | "totp" | "passkey" }> {
  const now = deps.clock.now();
  const outcome = await inScope(deps.database, {}, async (tx) => {
    const challenge = await openChallenge(deps, tx, request);
    if (!(await hitRateLimit(deps.database, TRIES_PER_ACCOUNT, challenge.userId, now)))
      throw new AppError("rate_limited", "identity.second_factor_limit");
    const ok =
      "code" in proof
        ? await codeMatches(deps, tx, challenge, proof.code, now)
        : await passkeyMatches(deps, tx, challenge, proof.passkey, now);
    if (!ok) {
      await tx.db
        .update(signInChallenges)
        .set({ failedAttempts: sql`${signInChallenges.failedAttempts} + 1` })
        .where(eq(signInChallenges.id, challenge.id));
      const method = "passkey" in proof ? "passkey" : (challenge.method as "sms" | "totp");
      return {
        wrong: challenge.failedAttempts + 1 < MAX_FAILURES,
        userId: challenge.userId,
        method,
      } as const;
    }
    await tx.db
      .update(signInChallenges)
      .set({ consumedAt: now })
      .where(eq(signInChallenges.id, challenge.id));
    const method = "passkey" in proof ? "passkey" : (challenge.method as "sms" | "totp");
    return { userId: challenge.userId, method } as const;
  });
  if ("wrong" in outcome) {
    // Audited after the tries were counted and committed: every wrong answer leaves one row (REL-5).
    await recordFailedSecondFactor(deps, request, outcome.userId, outcome.method);
    if (outcome.wrong)
      throw "code" in proof
        ? invalidField("code", "identity.second_factor_wrong")
        : invalidField("passkey", "identity.passkey_refused");
    throw new AppError("not_found", "identity.sign_in_challenge_gone");
  }
  const context = await deps.auth.$context;
  const session = await context.internalAdapter.createSession(outcome.userId, false, {
    ipAddress: request.ip,
    userAgent: (request.headers["user-agent"] ?? "").slice(0, 500),
  });
  if (!session) throw new Error("the session could not be created");
  return {
    userId: outcome.userId,
    method: outcome.method,
    setCookies: [await sessionCookie(deps, session.token), cookie(CHALLENGE_COOKIE, "", 0)],
  };
}

async function codeMatches(
  deps: ChallengeDeps,
  tx: ScopedTx,
  challenge: typeof signInChallenges.$inferSelect,
  code: string,
  now: Date,
): Promise<boolean> {
  if (challenge.method === "passkey") return false;
  if (challenge.method === "sms") {
    if (!challenge.codeHash || !challenge.codeExpiresAt || challenge.codeExpiresAt <= now) return false;
    const expected = Buffer.from(challenge.codeHash, "hex");
    return timingSafeEqual(expected, Buffer.from(hashCode(deps, challenge.id, code), "hex"));
  }
  const [factor] = await tx.db
    .select()
    .from(secondFactors)
    .where(eq(secondFactors.userId, challenge.userId))
    .for("update");
  if (!factor?.totpSecretSealed) return false;
  const step = matchTotpStep(open(deps.secondFactorKey, factor.totpSecretSealed), code, now);
  // A code works once: its step must be later than the last one used (SEC-8).
  if (step === null || (factor.lastTotpStep !== null && step <= factor.lastTotpStep)) return false;
  await tx.db
    .update(secondFactors)
    .set({ lastTotpStep: step })
    .where(eq(secondFactors.userId, challenge.userId));
  return true;
}

/** Sends a new SMS code for this browser's sign-in (the old one stops working); five an hour. */
export async function resendSignInCode(
  deps: ChallengeDeps,
  request: FastifyRequest,
): Promise<SecondFactorChallenge> {
  return inScope(deps.database, {}, async (tx) => {
    const challenge = await openChallenge(deps, tx, request);
    const factor = await secondFactorOf(tx, challenge.userId);
    if (challenge.method !== "sms" || !factor?.phone)
      throw new AppError("conflict", "identity.no_sms_factor");
    if (!(await hitRateLimit(deps.database, RESEND_PER_ACCOUNT, challenge.userId, deps.clock.now())))
      throw new AppError("rate_limited", "account.phone_code_limit");
    await sendCode(deps, tx, challenge.id, factor.phone, factor.language);
    return { method: "sms", phoneMasked: maskPhone(factor.phone), passkey: factor.passkeys > 0 };
  });
}
