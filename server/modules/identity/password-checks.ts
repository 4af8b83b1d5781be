import type { Database } from "../../platform/db/pool.js";
import { AppError } from "../../platform/errors.js";
import { hitRateLimit, type RateLimit, rateLimitKey } from "./rate-limits.js";

/**
 * SEC-4: how many passwords are checked for one account (by email, whatever the IP) before checking
 * pauses. Ten per quarter hour keeps an attacker far below the bar's 100 while a person who mistypes
 * a few times never meets it; the owner recovers by waiting or by a password reset, which clears it.
 */
export const PASSWORD_CHECKS_PER_ACCOUNT: RateLimit = {
  name: "password-checks-account",
  max: 10,
  windowMs: 15 * 60_000,
};

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Counts one password check for the account named by `email` before the password is looked at, so
 * parallel attempts from many IPs are counted exactly; beyond the limit the password is not checked
 * and the answer is 429 with a hint to wait or reset. Unknown emails are counted the same way, so the
 * answer reveals nothing about which accounts exist (SEC-3).
 */
export async function admitPasswordCheck(database: Database, email: string, now: Date): Promise<void> {
  if (!(await hitRateLimit(database, PASSWORD_CHECKS_PER_ACCOUNT, accountKey(email), now)))
    throw new AppError("rate_limited", "errors.password_checks_paused", { minutes: 15 });
}

/** Forgets the account's counted checks: after its right password or a completed password reset. */
export async function forgetPasswordChecks(database: Database, email: string): Promise<void> {
  await database.app.query("delete from rate_limits where key = $1", [
    rateLimitKey(PASSWORD_CHECKS_PER_ACCOUNT, accountKey(email)),
  ]);
}
