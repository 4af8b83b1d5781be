import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { openServices } from "../server/bootstrap.js";
import { loadConfig } from "../server/config.js";
import { sweepDueReminders } from "../server/modules/invitations/reminders.jobs.js";
import { createFirm } from "../tests/support/factories.js";
import { median } from "./perf-6-footprint.js";
import { openBenchDatabase } from "./portal-data.js";
import type { Benchmark, BenchmarkContext, BenchmarkResult } from "./registry.js";

const FIRMS = 10;
const SWEEP_BAR_MS = 1000;
/** Sweep time at 1M invitations over sweep time at 100k, with the same number due. */
const TOTAL_GROWTH_BAR = 2;
const RUNS = 5;
const day = 86_400_000;

// Due invitations were sent at this instant before the sweep's `now`: a reset finds them by it.
const dueSentAt = (now: Date) => new Date(now.getTime() - 2 * day - 3_600_000);

/**
 * Adds `count` invitations spread over the firms' grants: `due` of them with their first reminder due
 * at `now`, half of the rest pending with a reminder days ahead, the other half accepted (out of the
 * sweep's index) — the mix a firm's history leaves behind.
 */
async function addInvitations(
  owner: pg.Pool,
  grants: Array<{ firmId: string; grantId: string }>,
  count: number,
  due: number,
  now: Date,
): Promise<void> {
  const perGrant = Math.ceil(count / grants.length);
  const duePerGrant = Math.ceil(due / grants.length);
  for (const { firmId, grantId } of grants) {
    await owner.query(
      `with s as (
         select n, gen_random_uuid() as grantee_id, n > $4::int and n % 2 = 0 as accepted,
                'p-' || gen_random_uuid() || '@bench.test' as email
           from generate_series(1, $3::int) n
       ), g as (
         insert into grantees (firm_id, id, grant_id, email, name, status)
         select $1::uuid, grantee_id, $2::uuid, email, 'Person ' || n,
                case when accepted then 'active' else 'pending' end
           from s
       )
       insert into client_invitations (firm_id, id, grant_id, grantee_id, email, name, language, salutation, channel,
                                       status, reminder_days, reminders_due, next_reminder_at, sent_at, expires_at)
       select $1::uuid, gen_random_uuid(), $2::uuid, grantee_id, email, 'Person ' || n, 'de', 'formal', 'email',
              case when accepted then 'accepted' else 'pending' end, '{2,7}',
              case when n <= $4::int then 0 else 1 end,
              case when accepted then null
                   when n <= $4::int then $5::timestamptz
                   else $6::timestamptz + make_interval(days => 1 + n % 6) end,
              case when n <= $4::int then $5::timestamptz - interval '2 days' else $6::timestamptz - interval '2 days' end,
              $6::timestamptz + interval '28 days'
         from s`,
      [firmId, grantId, perGrant, duePerGrant, new Date(dueSentAt(now).getTime() + 2 * day), now],
    );
  }
  await owner.query("vacuum analyze grantees");
  await owner.query("vacuum analyze client_invitations");
}

/** Puts the due invitations back as they were before a sweep, and drops the jobs it made. */
async function resetDue(owner: pg.Pool, now: Date): Promise<void> {
  await owner.query(
    `update client_invitations set reminders_due = 0, next_reminder_at = sent_at + interval '2 days'
      where sent_at = $1 and status = 'pending'`,
    [dueSentAt(now)],
  );
  await owner.query("delete from pgboss.job where name = 'invitations.remind'");
  await owner.query("vacuum client_invitations");
}

async function timeSweeps(
  ctx: BenchmarkContext,
  deps: Parameters<typeof sweepDueReminders>[0],
  owner: pg.Pool,
  now: Date,
  label: string,
): Promise<{ ms: number; due: number }> {
  const runs: number[] = [];
  let due = 0;
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    due = await sweepDueReminders(deps, now);
    runs.push(performance.now() - began);
    await resetDue(owner, now);
  }
  const ms = median(runs);
  ctx.log(
    `${label}: ${due} reminders made due, sweep median ${ms.toFixed(1)} ms (runs ${runs.map((r) => r.toFixed(0)).join(", ")})`,
  );
  return { ms, due };
}

async function measure(ctx: BenchmarkContext): Promise<BenchmarkResult> {
  const database = await openBenchDatabase(ctx.log);
  ctx.cleanup.add(() => database.close());
  const dataDir = ctx.cleanup.path(await mkdtemp(path.join(os.tmpdir(), "atrium-bench-sweep-")));
  const config = loadConfig({
    NODE_ENV: "test",
    // Web only: the sweep's reminder jobs are enqueued and counted, not worked.
    ATRIUM_ROLE: "web",
    ATRIUM_DATA_DIR: dataDir,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
    PUBLIC_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
  });
  const services = await openServices(config, database.url, { appPoolSize: 10 });
  ctx.cleanup.add(() => services.close());
  const { deps } = services;
  const owner = deps.database.owner;
  const now = new Date("2026-06-01T08:00:00Z");

  const grants: Array<{ firmId: string; grantId: string }> = [];
  for (let i = 0; i < FIRMS; i++) {
    const { firmId } = await createFirm(deps, { name: `Sweep Kanzlei ${i}` });
    const { rows } = await owner.query<{ id: string }>(
      "insert into grants (firm_id, id, name) values ($1, gen_random_uuid(), 'Familie') returning id",
      [firmId],
    );
    grants.push({ firmId, grantId: rows[0]?.id ?? "" });
  }

  let began = performance.now();
  await addInvitations(owner, grants, 100_000, 1_000, now);
  ctx.log(`generated 100,000 invitations (1,000 due) in ${Math.round(performance.now() - began)} ms`);
  const small = await timeSweeps(ctx, deps, owner, now, "100k invitations, 1,000 due");

  began = performance.now();
  await addInvitations(owner, grants, 900_000, 0, now);
  ctx.log(`grew to 1,000,000 invitations (still 1,000 due) in ${Math.round(performance.now() - began)} ms`);
  const bigSameDue = await timeSweeps(ctx, deps, owner, now, "1M invitations, 1,000 due");

  // 9,000 more of the pending ones become due the same way: 10,000 due in all (1%).
  await owner.query(
    `update client_invitations set reminders_due = 0, sent_at = $1, next_reminder_at = $1::timestamptz + interval '2 days'
      where id in (select id from client_invitations where status = 'pending' and sent_at <> $1
                    order by id limit 9000)`,
    [dueSentAt(now)],
  );
  await owner.query("vacuum analyze client_invitations");
  const big = await timeSweeps(ctx, deps, owner, now, "1M invitations, 10,000 due (1%)");

  const growth = bigSameDue.ms / small.ms;
  const pass = big.ms <= SWEEP_BAR_MS && big.due === 10_000 && growth <= TOTAL_GROWTH_BAR;
  return {
    figures: [
      {
        key: "sweep_1m_ms",
        value: Number(big.ms.toFixed(1)),
        label: "one sweep, 1M invitations, 1% (10,000) due — median",
        inSummary: true,
      },
      { key: "due_1m", value: big.due, label: "reminders that sweep made due", inSummary: true },
      {
        key: "sweep_100k_ms",
        value: Number(small.ms.toFixed(1)),
        label: "one sweep, 100k invitations, 1,000 due — median",
        inSummary: true,
      },
      {
        key: "sweep_1m_1k_due_ms",
        value: Number(bigSameDue.ms.toFixed(1)),
        label: "one sweep, 1M invitations, 1,000 due — median",
      },
      {
        key: "ratio_total",
        value: Number(growth.toFixed(2)),
        label: "1M over 100k with the same 1,000 due (bar ≤ 2: cost follows the due count)",
        inSummary: true,
      },
    ],
    verdict: pass ? "pass" : "fail",
    notes: [
      `${FIRMS} firms; half of the invitations that are not due are pending with a later reminder, half accepted.`,
      "A sweep claims due rows (SKIP LOCKED), advances them and enqueues one reminder job each, in one transaction per 5,000; rendering and sending happen in the jobs.",
    ],
  };
}

/** PERF-4: the reminder sweep's cost follows the due count, not the total. */
export const reminderSweep: Benchmark = {
  id: "PERF-4",
  title: "reminder sweep over 100k and 1M invitations, 1% due",
  bar: "one sweep ≤ 1 s; cost grows with the due count, not the total (shown at 100k and 1M)",
  run: measure,
};
