import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../server/platform/db/embedded.js";
import { inFirm } from "../../server/platform/db/scope.js";
import { deliverEmailJob } from "../../server/platform/mail/outbox.js";
import type { SmtpSink } from "../../server/platform/mail/smtp-sink.js";
import {
  Cleanup,
  childEnv,
  eventually,
  freePort,
  type RunningProcess,
  readyLine,
  startServer,
} from "../startup/process.js";
import { createFirm } from "../support/factories.js";
import { startTestSmtpSink } from "../support/smtp-sink.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const MAILS = 5_000;
const KILLS = 5;
const OUTAGE_MS = 60_000;
/**
 * The at-least-once bound. A delivery is "SMTP accepted" then "recorded sent" in its own transaction;
 * a crash between the two sends that mail again (same Message-ID). A worker holds at most one batch of
 * mail.deliver jobs (batchSize 20) at a time, so each kill, and the PostgreSQL restart (the record
 * cannot be written), can double at most 20 mails. The SMTP outage doubles none: nothing was accepted.
 */
const IN_FLIGHT_PER_EVENT = 20;
const SECRET = "test-secret-test-secret-test-secret-0123";

/**
 * REL-2: 5,000 mails in the outbox; the delivering worker (a real server process) is killed 5 times,
 * the SMTP server is down for 60 s, PostgreSQL restarts → every mail arrives, none is left failed, and
 * duplicates stay within the bound above. The PostgreSQL is this test's own embedded one (restarted
 * for real); with DATABASE_URL (a shared server) the restart is all backends of the test's database
 * terminated, which is what clients see of a restart.
 */
describe("REL-2 nothing lost in mail delivery", () => {
  const cleanup = new Cleanup();
  let t: TestApp;
  let sink: SmtpSink;
  let sinkUrl = "";
  let embedded: EmbeddedDatabase | null = null;
  let pgDir = "";
  let pgPort = 0;
  let firmId = "";
  let worker: RunningProcess | null = null;

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (!process.env.DATABASE_URL) {
      pgDir = cleanup.dataDir(await mkdtemp(path.join(os.tmpdir(), "atrium-rel2-pg-")));
      pgPort = await freePort();
      embedded = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, database: "atrium" });
      databaseUrl = embedded.url;
      cleanup.add(async () => embedded?.stop());
    }
    // The web side (this process) only fills the outbox; the worker processes deliver.
    t = await startTestApp({ env: { ATRIUM_ROLE: "web" }, ...(databaseUrl ? { databaseUrl } : {}) });
    cleanup.add(() => t.close());
    ({ sink, url: sinkUrl } = await startTestSmtpSink({ maxInMemory: MAILS * 2 }));
    cleanup.add(() => sink.stop());
    ({ firmId } = await createFirm(t.deps, { name: "Maklerbüro Ausdauer" }));
  }, 120_000);
  afterAll(() => cleanup.run(), 60_000);

  const startWorker = async () => {
    const server = cleanup.process(
      startServer(
        childEnv({
          ATRIUM_ROLE: "worker",
          DATABASE_URL: t.databaseUrl,
          SMTP_URL: sinkUrl,
          AUTH_SECRET: SECRET,
          PUBLIC_URL: "http://localhost:3000",
          ATRIUM_DATA_DIR: cleanup.path(`/tmp/atrium-rel2-${process.pid}`),
        }),
      ),
    );
    await server.waitForLine(readyLine, 60_000);
    return server;
  };

  /** Outbox ids that arrived at the sink at least once. */
  const arrived = () => new Set(sink.mails.map((m) => m.outboxId).filter((id) => id !== undefined));
  const waitForArrivals = async (count: number, timeoutMs = 240_000) => {
    const reached = await eventually(() => arrived().size >= count, timeoutMs);
    // On failure, the worker's own words say why.
    const why = `${arrived().size} of ${count} mails arrived; worker exit ${JSON.stringify(worker?.exit())}\n${worker?.stdout().slice(-3000)}\n${worker?.stderr().slice(-3000)}`;
    expect(reached, why).toBe(true);
  };
  const killAndRestart = async () => {
    await worker?.killHard();
    worker = await startWorker();
  };

  /** The outbox filled in bulk: rows as queueEmail writes them and one delivery job each. */
  async function fillOutbox(): Promise<void> {
    for (let from = 0; from < MAILS; from += 500) {
      await inFirm(t.deps.database, firmId, async (tx) => {
        const { rows } = await tx.client.query<{ id: string }>(
          `insert into mail_outbox (firm_id, id, template, to_address, to_name, language, subject, html, text)
           select $1::uuid, gen_random_uuid(), 'invitation', 'rel2-' || n || '@example.test', 'Person ' || n,
                  'de', 'Ihre Einladung ins Portal', '<p>Guten Tag Person ' || n || '</p>', 'Guten Tag Person ' || n
             from generate_series($2::int, $3::int) n
           returning id`,
          [firmId, from + 1, Math.min(from + 500, MAILS)],
        );
        await t.deps.queue.enqueueMany(
          tx,
          deliverEmailJob,
          rows.map((r) => ({ firmId, outboxId: r.id })),
        );
      });
    }
  }

  /** A PostgreSQL restart as clients see it: every connection is cut, the server comes back. */
  async function restartPostgres(): Promise<void> {
    if (embedded) {
      await embedded.stop();
      embedded = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, database: "atrium" });
      return;
    }
    await t.deps.database.owner.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
  }

  it("REL-2 every one of 5,000 mails arrives through 5 worker kills, 60 s without SMTP and a PostgreSQL restart", async () => {
    await fillOutbox();
    worker = await startWorker();
    const kills: number[] = [];

    // Kill 1 and 2 while mails flow.
    for (const at of [400, 900]) {
      await waitForArrivals(at);
      await killAndRestart();
      kills.push(arrived().size);
    }

    // The mail server goes away for 60 s; a worker is killed during the outage (kill 3).
    await sink.stop();
    const outageStart = Date.now();
    await killAndRestart();
    kills.push(arrived().size);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - outageStart))));
    await sink.start();

    // PostgreSQL restarts while deliveries resume.
    const beforeRestart = arrived().size;
    await waitForArrivals(Math.min(MAILS, beforeRestart + 300));
    await restartPostgres();

    // Kills 4 and 5.
    for (const extra of [600, 1200]) {
      await waitForArrivals(Math.min(MAILS, beforeRestart + extra));
      await killAndRestart();
      kills.push(arrived().size);
    }
    expect(kills).toHaveLength(KILLS);

    // Everything arrives: mails held by a killed worker come back once their job expires (90 s).
    await waitForArrivals(MAILS, 600_000);
    // The record of a mail that arrived may trail its arrival (a killed worker's: until its job expires).
    await eventually(async () => {
      const { rows } = await t.deps.database.owner.query<{ n: number }>(
        "select count(*)::int as n from mail_outbox where firm_id = $1 and status = 'sent'",
        [firmId],
      );
      return rows[0]?.n === MAILS;
    }, 300_000);
    const states = await t.deps.database.owner.query<{ status: string; n: number }>(
      "select status, count(*)::int as n from mail_outbox where firm_id = $1 group by status",
      [firmId],
    );
    const byStatus = Object.fromEntries(states.rows.map((r) => [r.status, r.n]));
    const sent = await t.deps.database.owner.query<{ n: number; failed: number }>(
      `select count(*) filter (where status = 'sent')::int as n,
                count(*) filter (where status = 'failed')::int as failed
           from mail_outbox where firm_id = $1`,
      [firmId],
    );
    expect(sent.rows[0], JSON.stringify(byStatus)).toEqual({ n: MAILS, failed: 0 });

    // Duplicates only within the at-least-once bound; a repeat carries the same Message-ID.
    const deliveries = sink.mails.filter((m) => m.outboxId !== undefined);
    const duplicates = deliveries.length - MAILS;
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT_PER_EVENT * (KILLS + 1));
    const messageIdsOf = new Map<string, Set<string>>();
    for (const mail of deliveries) {
      const ids = messageIdsOf.get(mail.outboxId ?? "") ?? new Set<string>();
      ids.add(mail.messageId ?? "");
      messageIdsOf.set(mail.outboxId ?? "", ids);
    }
    expect([...messageIdsOf.values()].every((ids) => ids.size === 1)).toBe(true);
    console.log(
      `REL-2: ${MAILS} mails delivered, ${duplicates} duplicate(s) (bound ${IN_FLIGHT_PER_EVENT * (KILLS + 1)}); ` +
        `kills after ${kills.join(", ")} arrivals`,
    );
  }, 1_200_000);
});
