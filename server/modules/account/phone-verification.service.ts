import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Language } from "../../../contracts/common.js";
import type {
  AccountPhone,
  PhoneCodeSent,
  SendPhoneCode,
  VerifyPhoneCode,
} from "../../../contracts/phone.js";
import type { AppDeps } from "../../deps.js";
import { inScope } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { maskPhone } from "../../platform/sms/sms.js";
import { phoneCodeText } from "../../platform/sms/sms-texts.js";
import type { Actor } from "../access/actor.js";
import { normalizePhone } from "../clients/persons.rules.js";
import { users, verificationCodes } from "../identity/identity.tables.js";
import { hitRateLimit, type RateLimit } from "../identity/rate-limits.js";
import { assertPassword } from "./second-factor.service.js";

/** SEC-8: a code works for 10 minutes, for its own attempt, and not after 5 wrong tries. */
export const PHONE_CODE_MINUTES = 10;
export const PHONE_CODE_MAX_FAILURES = 5;
/** SEC-17: codes sent per account and per number within an hour. */
const SEND_PER_ACCOUNT: RateLimit = { name: "phone-code-account", max: 5, windowMs: 3_600_000 };
const SEND_PER_NUMBER: RateLimit = { name: "phone-code-number", max: 5, windowMs: 3_600_000 };

type PhoneDeps = Pick<AppDeps, "database" | "clock" | "sms" | "outboxKey">;

/** The keyed hash a code is kept as (the key is the process's secret-derived one, not in the database). */
function hashCode(deps: PhoneDeps, attemptId: string, code: string): string {
  return createHmac("sha256", deps.outboxKey).update(`${attemptId}:${code}`).digest("hex");
}

/**
 * Sends a six-digit code by SMS to confirm the account's mobile number (PORTAL-1, seed 003); replacing
 * a confirmed number needs the account's password (400 on `password`). Older
 * open attempts of the account are voided; only the code's keyed hash is stored. The SMS goes out
 * at once, not through a queue: the person is waiting for it, and a queued code would have to be
 * stored readable. 429 past the hourly limits.
 */
export async function sendPhoneCode(
  deps: PhoneDeps,
  actor: Actor,
  input: SendPhoneCode,
): Promise<PhoneCodeSent> {
  const { phoneE164 } = normalizePhone(input.phone, input.country);
  const now = deps.clock.now();
  // Sign-in codes go to the confirmed number: replacing it is a change of the second factor, so it
  // asks for the password as the other factor changes do (a taken-over session alone cannot do it).
  if ((await accountPhone(deps, actor)).verifiedAt) {
    if (!input.password) throw invalidField("password", "account.phone_password_needed");
    await assertPassword(deps, actor, input.password);
  }
  for (const [limit, value] of [
    [SEND_PER_ACCOUNT, actor.user.id],
    [SEND_PER_NUMBER, phoneE164],
  ] as const)
    if (!(await hitRateLimit(deps.database, limit, value, now)))
      throw new AppError("rate_limited", "account.phone_code_limit");
  const attemptId = newId();
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now.getTime() + PHONE_CODE_MINUTES * 60_000);
  await inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    await tx.db
      .update(verificationCodes)
      .set({ voidedAt: now })
      .where(
        and(
          eq(verificationCodes.userId, actor.user.id),
          eq(verificationCodes.purpose, "phone"),
          isNull(verificationCodes.consumedAt),
          isNull(verificationCodes.voidedAt),
        ),
      );
    await tx.db.insert(verificationCodes).values({
      id: attemptId,
      userId: actor.user.id,
      purpose: "phone",
      target: phoneE164,
      codeHash: hashCode(deps, attemptId, code),
      expiresAt,
      createdAt: now,
    });
  });
  await deps.sms.send(phoneE164, phoneCodeText(actor.user.language as Language, code, PHONE_CODE_MINUTES));
  return { attemptId, phoneMasked: maskPhone(phoneE164), expiresAt: expiresAt.toISOString() };
}

/**
 * Confirms the number with the code of its attempt (SEC-8): once, before it expires (exact to the
 * instant), and while fewer than five wrong codes were tried; a wrong code counts and names the field.
 * The attempt's row is locked, so parallel tries count one by one.
 */
export async function verifyPhoneCode(
  deps: PhoneDeps,
  actor: Actor,
  input: VerifyPhoneCode,
): Promise<AccountPhone> {
  const now = deps.clock.now();
  const outcome = await inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    const [attempt] = await tx.db
      .select()
      .from(verificationCodes)
      .where(
        and(
          eq(verificationCodes.id, input.attemptId),
          eq(verificationCodes.userId, actor.user.id),
          eq(verificationCodes.purpose, "phone"),
          isNull(verificationCodes.consumedAt),
          isNull(verificationCodes.voidedAt),
          gt(verificationCodes.expiresAt, now),
        ),
      )
      .for("update");
    if (!attempt || attempt.failedAttempts >= PHONE_CODE_MAX_FAILURES) return "gone" as const;
    const expected = Buffer.from(attempt.codeHash, "hex");
    const given = Buffer.from(hashCode(deps, attempt.id, input.code), "hex");
    if (!timingSafeEqual(expected, given)) {
      await tx.db
        .update(verificationCodes)
        .set({ failedAttempts: sql`${verificationCodes.failedAttempts} + 1` })
        .where(eq(verificationCodes.id, attempt.id));
      return attempt.failedAttempts + 1 >= PHONE_CODE_MAX_FAILURES ? ("gone" as const) : ("wrong" as const);
    }
    await tx.db
      .update(verificationCodes)
      .set({ consumedAt: now })
      .where(eq(verificationCodes.id, attempt.id));
    await tx.db
      .update(users)
      .set({ phoneE164: attempt.target, phoneVerifiedAt: now, updatedAt: now })
      .where(eq(users.id, actor.user.id));
    return { phoneMasked: maskPhone(attempt.target), verifiedAt: now.toISOString() };
  });
  if (outcome === "gone") throw new AppError("not_found", "account.phone_code_gone");
  if (outcome === "wrong") throw invalidField("code", "account.phone_code_wrong");
  return outcome;
}

/** The account's confirmed mobile number, masked. */
export async function accountPhone(deps: PhoneDeps, actor: Actor): Promise<AccountPhone> {
  const [row] = await inScope(deps.database, { userId: actor.user.id }, (tx) =>
    tx.db
      .select({ phone: users.phoneE164, verifiedAt: users.phoneVerifiedAt })
      .from(users)
      .where(eq(users.id, actor.user.id)),
  );
  return {
    phoneMasked: row?.phone && row.verifiedAt ? maskPhone(row.phone) : null,
    verifiedAt: row?.verifiedAt?.toISOString() ?? null,
  };
}
