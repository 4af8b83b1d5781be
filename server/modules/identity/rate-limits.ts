import { createHash } from "node:crypto";
import type pg from "pg";
import type { Database } from "../../platform/db/pool.js";
import { newId } from "../../platform/ids.js";

/** A fixed-window limit: at most `max` hits per key within `windowMs`. */
export interface RateLimit {
  /** Names the counter family; keys of different limits never meet. */
  name: string;
  max: number;
  windowMs: number;
}

/**
 * The key under which a value is counted. Emails and IPs are hashed so the table holds no address in
 * clear; the `atrium:` prefix keeps Atrium's keys apart from better-auth's (which are IP + path).
 */
export function rateLimitKey(limit: RateLimit, value: string): string {
  return `atrium:${limit.name}:${createHash("sha256").update(value, "utf8").digest("hex")}`;
}

/**
 * Counts one hit of `value` against `limit` and answers whether it is still within the limit.
 *
 * The counter lives in the global `rate_limits` table (SEC-17: limits hold across server processes),
 * advanced by one atomic upsert, so parallel requests in any process count exactly. For Atrium's keys
 * `last_request` holds the start of the current window (better-auth's own rows keep their meaning):
 * a hit after the window has passed starts a new window at 1. It runs outside the caller's
 * transaction on purpose: a request that fails later still counts.
 */
export async function hitRateLimit(
  database: Pick<Database, "app">,
  limit: RateLimit,
  value: string,
  now: Date,
): Promise<boolean> {
  return (await countHit(database.app, limit, value, now)).allowed;
}

/** Counts one hit like `hitRateLimit`; also says when the current window ends (ms since the epoch). */
export async function countHit(
  pool: Pick<pg.Pool, "query">,
  limit: RateLimit,
  value: string,
  now: Date,
): Promise<{ allowed: boolean; windowEndsAt: number }> {
  const at = now.getTime();
  const { rows } = await pool.query<{ count: number; last_request: number }>(
    `insert into rate_limits as r (id, key, count, last_request) values ($1, $2, 1, $3)
     on conflict (key) do update set
       count = case when r.last_request > $3 - $4 then r.count + 1 else 1 end,
       last_request = case when r.last_request > $3 - $4 then r.last_request else $3 end
     returning count, last_request`,
    [newId(at), rateLimitKey(limit, value), at, limit.windowMs],
  );
  const row = rows[0];
  return {
    allowed: (row?.count ?? 1) <= limit.max,
    windowEndsAt: Number(row?.last_request ?? at) + limit.windowMs,
  };
}

/**
 * better-auth's rate-limit storage on Atrium's counter. Its built-in database storage prunes every
 * row of the shared `rate_limits` table older than its longest window (a minute) whenever one of its
 * windows rolls over — which would wipe Atrium's hourly counters and hand a guesser a fresh count
 * each minute. Counted here, its keys (IP + path) are hashed like Atrium's and nothing is pruned.
 */
export function authRateLimitStorage(pool: Pick<pg.Pool, "query">) {
  return {
    async consume(key: string, rule: { window: number; max: number }) {
      const limit: RateLimit = { name: "auth", max: rule.max, windowMs: rule.window * 1000 };
      const now = Date.now();
      const { allowed, windowEndsAt } = await countHit(pool, limit, key, new Date(now));
      return { allowed, retryAfter: allowed ? null : Math.max(1, Math.ceil((windowEndsAt - now) / 1000)) };
    },
  };
}
