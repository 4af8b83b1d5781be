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

/**
 * SEC-17: wrong passwords from one client IP (request.ip: the socket's peer, or the right-most
 * address no trusted proxy vouches for) within a quarter hour, whatever the accounts — stops one
 * machine guessing across many accounts. A right password gives its check back, so an office
 * behind one address never meets it by signing in.
 */
export const PASSWORD_CHECKS_PER_IP: RateLimit = {
  name: "password-checks-ip",
  max: 50,
  windowMs: 15 * 60_000,
};

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Counts one password check for the account named by `email` (and, for a sign-in, for the client
 * `ip`) before the password is looked at, so parallel attempts from many IPs or processes are counted
 * exactly; beyond a limit the password is not checked and the answer is 429 with a hint to wait or
 * reset. Unknown emails are counted the same way, so the answer reveals nothing about which accounts
 * exist (SEC-3). An IP over its limit does not use up the account's checks.
 */
export async function admitPasswordCheck(
  database: Database,
  email: string,
  now: Date,
  ip?: string,
): Promise<void> {
  if (ip !== undefined && !(await hitRateLimit(database, PASSWORD_CHECKS_PER_IP, ip, now)))
    throw new AppError("rate_limited");
  if (!(await hitRateLimit(database, PASSWORD_CHECKS_PER_ACCOUNT, accountKey(email), now)))
    throw new AppError("rate_limited", "errors.password_checks_paused", { minutes: 15 });
}

/**
 * Forgets the account's counted checks: after its right password or a completed password reset. With
 * `ip`, the right password's own check is given back to that IP too.
 */
export async function forgetPasswordChecks(database: Database, email: string, ip?: string): Promise<void> {
  await database.app.query("delete from rate_limits where key = $1", [
    rateLimitKey(PASSWORD_CHECKS_PER_ACCOUNT, accountKey(email)),
  ]);
  if (ip === undefined) return;
  await database.app.query("update rate_limits set count = count - 1 where key = $1 and count > 0", [
    rateLimitKey(PASSWORD_CHECKS_PER_IP, ip),
  ]);
}
