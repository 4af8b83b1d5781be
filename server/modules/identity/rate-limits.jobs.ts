import { z } from "zod";
import type { Clock } from "../../platform/clock.js";
import type { Database } from "../../platform/db/pool.js";
import { defineJob, type JobDefinition } from "../../platform/jobs/queue.js";

/**
 * Counters older than this are dead: the longest window of any limit is one hour, so a row untouched
 * for a day can only ever restart at 1. Kept generous so a limit added later with a longer window is
 * not cut short before someone notices.
 */
export const RATE_LIMIT_RETENTION_MS = 24 * 3_600_000;

const pruneJob = defineJob({
  name: "identity.prune-rate-limits",
  payload: z.object({}),
  retryLimit: 0,
  retryDelay: 60,
  retryBackoff: false,
  cron: "17 * * * *",
  handler: async () => {
    throw new Error("identity.prune-rate-limits: the handler is bound when the job is registered");
  },
});

/**
 * Deletes rate-limit counters whose window ended long ago; answers how many. The counters are shared
 * by every process (SEC-17), and nothing else removes them, so without this the table grows by one row
 * per address and account that ever signed in.
 */
export async function pruneRateLimits(database: Database, now: Date): Promise<number> {
  const { rowCount } = await database.app.query("delete from rate_limits where last_request < $1", [
    now.getTime() - RATE_LIMIT_RETENTION_MS,
  ]);
  return rowCount ?? 0;
}

/** The hourly clean-up of old rate-limit counters, bound to this process's database and clock. */
export function createRateLimitJobs(deps: { database: Database; clock: Clock }): JobDefinition[] {
  return [
    { ...pruneJob, handler: async () => void (await pruneRateLimits(deps.database, deps.clock.now())) },
  ];
}
