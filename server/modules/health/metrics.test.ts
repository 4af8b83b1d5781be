import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirm } from "../../../tests/support/factories.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { buildApp } from "../../app.js";
import { ConfigError, loadConfig } from "../../config.js";
import type { App } from "../../deps.js";
import { inFirm } from "../../platform/db/scope.js";
import { deliverEmailJob } from "../../platform/mail/outbox.js";
import { OperationalGauges } from "../../platform/metrics/operational-gauges.js";

const TOKEN = "metrics-token-0123456789abcdef";

/** The value of the sample `name{labels}` in an exposition, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/**
 * GET /metrics through the real app on a web-only process (so queued jobs stay queued and can be
 * counted): request counts by route template, queue depth and mail states from real rows, and who
 * may read it.
 */
describe("GET /metrics", () => {
  let t: TestApp;
  let scrape: (app?: App) => Promise<string>;
  beforeAll(async () => {
    t = await startTestApp({ env: { ATRIUM_ROLE: "web" } });
    scrape = async (app = t.app) => {
      const res = await app.inject({ method: "GET", url: "/metrics" });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toContain("text/plain; version=0.0.4");
      return res.body;
    };
  });
  afterAll(() => t?.close());

  it("counts requests by method, route template and status, never by raw URL", async () => {
    const id = randomUUID();
    const before = await scrape();
    const labels = { method: "GET", route: "/api/client-files/:id", status: "401" };
    const counted = sample(before, "atrium_http_requests_total", labels) ?? 0;
    for (let i = 0; i < 3; i += 1) await t.app.inject({ method: "GET", url: `/api/client-files/${id}` });
    await t.app.inject({ method: "GET", url: "/api/health/live" });
    await t.app.inject({ method: "GET", url: `/no/such/page/${id}` });

    const after = await scrape();
    expect(sample(after, "atrium_http_requests_total", labels)).toBe(counted + 3);
    expect(sample(after, "atrium_http_request_duration_seconds_count", labels)).toBe(counted + 3);
    expect(sample(after, "atrium_http_request_duration_seconds_bucket", { ...labels, le: "+Inf" })).toBe(
      counted + 3,
    );
    expect(
      sample(after, "atrium_http_requests_total", {
        method: "GET",
        route: "/api/health/live",
        status: "200",
      }),
    ).toBeGreaterThanOrEqual(1);
    // Unknown URLs share one label, so scanning random paths cannot grow the series.
    expect(
      sample(after, "atrium_http_requests_total", { method: "GET", route: "unmatched", status: "404" }),
    ).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain(id);
    expect(sample(after, "atrium_build_info", { role: "web" })).toBe(1);
    // The process's own figures are there too.
    expect(sample(after, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("shows queue depth per queue and state and the outbox per status from the rows in the database", async () => {
    const { firmId } = await createFirm(t.deps, { name: "Kanzlei Messwerte" });
    const statuses = ["queued", "queued", "queued", "sent", "sent", "failed", "bounced"];
    await inFirm(t.deps.database, firmId, async (tx) => {
      for (const [n, status] of statuses.entries()) {
        const { rows } = await tx.client.query<{ id: string }>(
          `insert into mail_outbox (firm_id, id, template, to_address, language, subject, html, text, status)
           values ($1, gen_random_uuid(), 'invitation', $2, 'de', 'Einladung', '<p>x</p>', 'x', $3) returning id`,
          [firmId, `metrics-${n}@example.test`, status],
        );
        if (status === "queued") {
          await t.deps.queue.enqueue(tx, deliverEmailJob, { firmId, outboxId: rows[0]?.id ?? "" });
        }
      }
    });
    const counts = await t.deps.database.owner.query<{ status: string; n: number }>(
      "select status, count(*)::int as n from mail_outbox group by status",
    );
    const jobs = await t.deps.database.owner.query<{ n: number }>(
      "select count(*)::int as n from pgboss.job where name = $1 and state = 'created'",
      [deliverEmailJob.name],
    );

    // A fresh app: the gauges of the first one may be cached for a few seconds.
    const app = await buildApp(t.deps);
    try {
      const text = await scrape(app);
      expect(sample(text, "atrium_database_up")).toBe(1);
      for (const { status, n } of counts.rows) {
        expect(sample(text, "atrium_mail_outbox_messages", { status }), status).toBe(n);
      }
      expect(sample(text, "atrium_mail_outbox_messages", { status: "queued" })).toBeGreaterThanOrEqual(3);
      expect(sample(text, "atrium_queue_jobs", { queue: deliverEmailJob.name, state: "created" })).toBe(
        jobs.rows[0]?.n,
      );
      expect(jobs.rows[0]?.n).toBeGreaterThanOrEqual(3);
      // A declared queue with nothing waiting still has its series (0), so alerts can rely on it.
      expect(sample(text, "atrium_queue_jobs", { queue: deliverEmailJob.name, state: "active" })).toBe(0);
    } finally {
      await app.close();
    }
  });

  it("reads the database at most once per few seconds, however often it is scraped", async () => {
    let now = 1_000_000;
    let reads = 0;
    const owner = t.deps.database.owner;
    const counting = {
      ...t.deps.database,
      owner: Object.assign(Object.create(owner), {
        connect: () => {
          reads += 1;
          return owner.connect();
        },
      }),
    };
    const gauges = new OperationalGauges(counting, () => now);
    await Promise.all([gauges.snapshot(), gauges.snapshot(), gauges.snapshot()]);
    await gauges.snapshot();
    expect(reads).toBe(1);
    now += 6_000;
    expect((await gauges.snapshot())?.jobs.length).toBeGreaterThan(0);
    expect(reads).toBe(2);
  });

  it("answers only local clients when METRICS_TOKEN is unset (others get 404)", async () => {
    const remote = await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3" });
    expect(remote.statusCode).toBe(404);
    expect(remote.json().error.code).toBe("not_found");
    // Through a reverse proxy on the same machine every visitor would look local.
    const proxied = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    expect(proxied.statusCode).toBe(404);
    for (const remoteAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect((await t.app.inject({ method: "GET", url: "/metrics", remoteAddress })).statusCode).toBe(200);
    }
  });

  it("requires the bearer token when METRICS_TOKEN is set, from anywhere", async () => {
    const app = await buildApp({ ...t.deps, config: { ...t.deps.config, metricsToken: TOKEN } });
    try {
      const get = (headers: Record<string, string>, remoteAddress = "127.0.0.1") =>
        app.inject({ method: "GET", url: "/metrics", headers, remoteAddress });
      expect((await get({})).statusCode).toBe(401);
      expect((await get({ authorization: `Bearer ${TOKEN}x` })).statusCode).toBe(401);
      expect((await get({ authorization: TOKEN })).statusCode).toBe(401);
      const ok = await get({ authorization: `Bearer ${TOKEN}` }, "10.1.2.3");
      expect(ok.statusCode).toBe(200);
      expect(sample(ok.body, "atrium_build_info", { role: "web" })).toBe(1);
    } finally {
      await app.close();
    }
  });
});

describe("metrics and shutdown settings", () => {
  it("METRICS_TOKEN is a secret: a too short one stops the start without being echoed", () => {
    expect(() => loadConfig({ METRICS_TOKEN: "short-secret" })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_TOKEN: "short-secret" })).not.toThrow(/short-secret/);
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(loadConfig({}).metricsToken).toBeUndefined();
  });

  it("ATRIUM_SHUTDOWN_TIMEOUT_S defaults to 20 s and must be a positive number", () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(20_000);
    expect(loadConfig({ ATRIUM_SHUTDOWN_TIMEOUT_S: "2.5" }).shutdownTimeoutMs).toBe(2_500);
    expect(() => loadConfig({ ATRIUM_SHUTDOWN_TIMEOUT_S: "0" })).toThrow(/ATRIUM_SHUTDOWN_TIMEOUT_S/);
    expect(() => loadConfig({ ATRIUM_SHUTDOWN_TIMEOUT_S: "soon" })).toThrow(/ATRIUM_SHUTDOWN_TIMEOUT_S/);
  });
});
