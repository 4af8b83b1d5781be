import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { pruneRateLimits, RATE_LIMIT_RETENTION_MS } from "./rate-limits.jobs.js";
import { hitRateLimit, type RateLimit } from "./rate-limits.js";

const limit: RateLimit = { name: "prune-check", max: 3, windowMs: 3_600_000 };

describe("rate-limit counters are pruned", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function countOf(): Promise<number> {
    const { rows } = await t.deps.database.app.query<{ n: number }>(
      "select count(*)::int as n from rate_limits where key like 'atrium:prune-check:%'",
    );
    return rows[0]?.n ?? 0;
  }

  it("deletes counters untouched for a day and keeps live ones, which go on counting", async () => {
    const now = t.clock.now();
    const dayAgo = new Date(now.getTime() - RATE_LIMIT_RETENTION_MS - 1_000);
    await hitRateLimit(t.deps.database, limit, "old@example.com", dayAgo);
    await hitRateLimit(t.deps.database, limit, "live@example.com", now);
    await hitRateLimit(t.deps.database, limit, "live@example.com", now);
    expect(await countOf()).toBe(2);

    expect(await pruneRateLimits(t.deps.database, now)).toBeGreaterThanOrEqual(1);
    expect(await countOf()).toBe(1);
    // The live counter kept its count: the third hit is still allowed, the fourth is not.
    expect(await hitRateLimit(t.deps.database, limit, "live@example.com", now)).toBe(true);
    expect(await hitRateLimit(t.deps.database, limit, "live@example.com", now)).toBe(false);
  });
});
