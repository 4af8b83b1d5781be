import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type pg from "pg";
import { buildApp } from "../server/app.js";
import { openServices } from "../server/bootstrap.js";
import { loadConfig } from "../server/config.js";
import { encodeCursor } from "../server/modules/clients/client-list.service.js";
import { startEmbeddedPostgres } from "../server/platform/db/embedded.js";
import { freePort } from "../tests/startup/process.js";
import { adminQuery, withDatabase } from "../tests/support/database.js";
import { createFirm, createStaff } from "../tests/support/factories.js";
import { median } from "./perf-6-footprint.js";
import type { Benchmark, BenchmarkContext, BenchmarkResult, Figure } from "./registry.js";

const FILES = 100_000;
const P50_BAR_MS = 50;
const SECONDS_PER_SCENARIO = 5;
const BASELINE_RUNS = 500;
const PAGE = 50;

const lastNames = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Schäfer",
  "Koch",
  "Bauer",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Krüger",
  "Hofmann",
  "Hartmann",
  "Lange",
  "Schmitt",
  "Werner",
  "Krause",
  "Meier",
  "Lehmann",
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
];
const firstNames = [
  "Anna",
  "Klara",
  "Paul",
  "Lukas",
  "Marie",
  "Sophie",
  "Felix",
  "Jonas",
  "Lea",
  "Emma",
  "Ben",
  "Mia",
  "Leon",
  "Hannah",
  "Finn",
  "Lina",
  "Elias",
  "Emilia",
  "Noah",
  "Lena",
  "Louis",
  "Camille",
  "Hugo",
  "Chloé",
  "Jules",
  "Manon",
  "Arthur",
  "Inès",
  "Léo",
  "Jade",
];
const companies = ["Bau", "Logistik", "Praxis", "Handel", "Technik", "Immobilien", "Consulting", "Gastro"];

/** 100,000 files (+ two persons each) of one firm, generated set-wise inside the firm's scope. */
async function generateFiles(owner: pg.Pool, firmId: string, adminId: string, advisorId: string) {
  const client = await owner.connect();
  try {
    await client.query("begin");
    // The tables' row-level security is FORCEd, for their owner too.
    await client.query("select set_config('app.firm_id', $1, true)", [firmId]);
    await client.query(
      `insert into client_files (firm_id, id, kind, display_name, number, case_owner_id, created_at, updated_at)
       select $1::uuid, gen_random_uuid(),
              case when i % 5 = 0 then 'business' else 'private' end,
              case when i % 5 = 0
                then ($4::text[])[1 + (i / 5) % array_length($4::text[], 1)] || ' ' || ($2::text[])[1 + i % array_length($2::text[], 1)] || ' GmbH'
                else ($2::text[])[1 + i % array_length($2::text[], 1)] || ', ' || ($3::text[])[1 + (i / 7) % array_length($3::text[], 1)]
              end,
              'K-' || lpad(i::text, 6, '0'),
              case when i % 4 = 0 then $6 else $5 end,
              now() - make_interval(secs => i), now() - make_interval(secs => i)
         from generate_series(1, ${FILES}) as i`,
      [firmId, lastNames, firstNames, companies, adminId, advisorId],
    );
    await client.query(
      `insert into persons (firm_id, id, client_file_id, role, first_name, last_name, email)
       select f.firm_id, gen_random_uuid(), f.id,
              case when f.kind = 'private' then (case when n = 1 then 'holder' else 'partner' end) else 'contact' end,
              ($2::text[])[1 + (i / 7 + n * 11) % array_length($2::text[], 1)],
              ($1::text[])[1 + i % array_length($1::text[], 1)],
              lower('p' || i || '.' || n || '@example.de')
         from (select id, firm_id, kind, substring(number from 3)::int as i from client_files where firm_id = $3) f
        cross join generate_series(1, 2) as n`,
      [lastNames, firstNames, firmId],
    );
    await client.query(
      `update client_files f set search_text = lower(concat_ws(' ', f.display_name, f.number, f.external_id,
         (select string_agg(concat_ws(' ', p.first_name, p.last_name, p.email), ' ')
            from persons p where p.firm_id = f.firm_id and p.client_file_id = f.id)))
       where f.firm_id = $1`,
      [firmId],
    );
    await client.query("commit");
    await client.query("analyze client_files");
    await client.query("analyze persons");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Runs `work` on one connection in a transaction scoped to the firm. */
async function withFirm<T>(pool: pg.Pool, firmId: string, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query("select set_config('app.firm_id', $1, true)", [firmId]);
    const result = await work(client);
    await client.query("commit");
    return result;
  } finally {
    client.release();
  }
}

/** A database of its own: a new one on DATABASE_URL's server, or a fresh embedded PostgreSQL. */
async function openDatabase(ctx: BenchmarkContext): Promise<string> {
  const name = `atrium_bench_${randomBytes(4).toString("hex")}`;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    await adminQuery(serverUrl, `create database ${name}`);
    ctx.cleanup.add(() => adminQuery(serverUrl, `drop database if exists ${name} with (force)`));
    return withDatabase(serverUrl, name);
  }
  const root = ctx.cleanup.path(await mkdtemp(path.join(os.tmpdir(), "atrium-bench-files-")));
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(root, "data"),
    port: await freePort(),
    database: name,
    log: ctx.log,
  });
  ctx.cleanup.add(() => embedded.stop());
  return embedded.url;
}

/** The route's first page as one hand-written statement: the floor any list endpoint sits on. */
const baselineSql = `select f.id, f.kind, f.display_name, f.number, f.external_id, f.case_owner_id, u.name, f.updated_at,
       f.display_name::text as sort_value
  from client_files f left join users u on u.id = f.case_owner_id
 where f.firm_id = $1 order by f.display_name, f.id limit ${PAGE + 1}`;

async function baselineMs(appPool: pg.Pool, firmId: string): Promise<number[]> {
  const client = await appPool.connect();
  try {
    await client.query("select set_config('app.firm_id', $1, false)", [firmId]);
    for (let i = 0; i < 20; i++) await client.query(baselineSql, [firmId]);
    const runs: number[] = [];
    for (let i = 0; i < BASELINE_RUNS; i++) {
      const began = performance.now();
      await client.query(baselineSql, [firmId]);
      runs.push(performance.now() - began);
    }
    await client.query("select set_config('app.firm_id', '', false)");
    return runs;
  } finally {
    client.release();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Scenario {
  key: string;
  label: string;
  path: string;
}

async function measure(ctx: BenchmarkContext): Promise<BenchmarkResult> {
  const notes: string[] = [];
  const databaseUrl = await openDatabase(ctx);
  const dataDir = ctx.cleanup.path(await mkdtemp(path.join(os.tmpdir(), "atrium-bench-files-data-")));
  const config = loadConfig({
    NODE_ENV: "test",
    ATRIUM_ROLE: "web",
    ATRIUM_DATA_DIR: dataDir,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
    PUBLIC_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
  });
  const services = await openServices(config, databaseUrl, { appPoolSize: 10 });
  ctx.cleanup.add(() => services.close());
  const { deps } = services;

  const { firmId } = await createFirm(deps, { name: "Bench Kanzlei" });
  const admin = await createStaff(deps, firmId, { role: "admin", name: "Bench Admin" });
  const advisor = await createStaff(deps, firmId, { role: "advisor", name: "Bench Advisor" });
  const generating = performance.now();
  await generateFiles(deps.database.owner, firmId, admin.userId, advisor.userId);
  ctx.log(
    `generated ${FILES} files and ${FILES * 2} persons in ${Math.round(performance.now() - generating)} ms`,
  );

  const app = await buildApp(deps, { logger: false });
  ctx.cleanup.add(() => app.close());
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const signIn = async (email: string, password: string) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email, password },
      headers: { "x-atrium-csrf": "1" },
    });
    const cookie = String(res.headers["set-cookie"] ?? "").split(";")[0] ?? "";
    if (res.statusCode !== 200 || !cookie) throw new Error(`sign-in failed: ${res.statusCode}`);
    return cookie;
  };
  const adminCookie = await signIn(admin.email, admin.password);
  const advisorCookie = await signIn(advisor.email, advisor.password);

  // The deep page starts after the 90,000th file by name, as a client following cursors would get there.
  const deepRow = await withFirm(deps.database.owner, firmId, async (client) => {
    const { rows } = await client.query<{ display_name: string; id: string }>(
      "select display_name, id from client_files where firm_id = $1 order by display_name, id offset 90000 limit 1",
      [firmId],
    );
    return rows[0];
  });
  if (!deepRow) throw new Error("the generated data has no 90,000th file");
  const deepCursor = encodeCursor({ sort: "name", dir: "asc", value: deepRow.display_name, id: deepRow.id });

  const scenarios: Array<Scenario & { cookie: string }> = [
    {
      key: "first",
      label: "first page, by name",
      path: `/api/client-files?limit=${PAGE}`,
      cookie: adminCookie,
    },
    {
      key: "search",
      label: "search q=schröder (~2,500 files match)",
      path: `/api/client-files?limit=${PAGE}&q=${encodeURIComponent("schröder")}`,
      cookie: adminCookie,
    },
    {
      key: "common",
      label: "search q=gmbh (20,000 files match)",
      path: `/api/client-files?limit=${PAGE}&q=gmbh`,
      cookie: adminCookie,
    },
    {
      key: "short",
      label: "two-letter search q=sc (word starts, ~12,500 files match)",
      path: `/api/client-files?limit=${PAGE}&q=sc`,
      cookie: adminCookie,
    },
    {
      key: "recent",
      label: "first page by last change, newest first",
      path: `/api/client-files?limit=${PAGE}&sort=updated&dir=desc`,
      cookie: adminCookie,
    },
    {
      key: "deep",
      label: "page after the 90,000th file (cursor)",
      path: `/api/client-files?limit=${PAGE}&cursor=${deepCursor}`,
      cookie: adminCookie,
    },
    {
      key: "advisor",
      label: "first page as an advisor (visibility condition, 25% of files)",
      path: `/api/client-files?limit=${PAGE}`,
      cookie: advisorCookie,
    },
  ];

  const figures: Figure[] = [];
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (const scenario of scenarios) {
    const check = await app.inject({
      method: "GET",
      url: scenario.path,
      headers: { cookie: scenario.cookie },
    });
    const body = check.json() as { items: unknown[]; hasMore: boolean };
    if (check.statusCode !== 200 || body.items.length !== PAGE)
      throw new Error(`${scenario.key}: answered ${check.statusCode} with ${body.items?.length} rows`);
    const result = await autocannon({
      url: `${base}${scenario.path}`,
      connections: 1,
      duration: SECONDS_PER_SCENARIO,
      headers: { cookie: scenario.cookie },
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${scenario.key}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    ctx.log(
      `${scenario.key}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s`,
    );
    p50s.push(result.latency.p50);
    p99s.push(result.latency.p99);
    figures.push(
      { key: `${scenario.key}_p50_ms`, value: result.latency.p50, label: `${scenario.label}: p50` },
      { key: `${scenario.key}_p99_ms`, value: result.latency.p99, label: `${scenario.label}: p99` },
      {
        key: `${scenario.key}_rps`,
        value: Math.round(result.requests.average),
        label: `${scenario.label}: requests/s`,
      },
    );
  }

  const baseline = await baselineMs(deps.database.app, firmId);
  const baselineP50 = Math.round(median(baseline) * 100) / 100;
  const p50 = Math.max(...p50s);
  const p99 = Math.max(...p99s);
  const verdict = p50 <= P50_BAR_MS ? "pass" : "fail";
  notes.push(
    `${FILES} client files and ${FILES * 2} persons in one firm; autocannon with 1 connection for ${SECONDS_PER_SCENARIO} s per scenario, through HTTP with a real session.`,
    "p50_ms and p99_ms are the worst of the scenarios; ratio = p50_ms / baseline_p50_ms.",
    `Baseline: the first page's rows as one hand-written SQL statement on an app-pool connection, ${BASELINE_RUNS} runs in a loop (no HTTP, no session, no transaction).`,
  );
  return {
    figures: [
      {
        key: "p50_ms",
        value: p50,
        label: `worst p50 of the scenarios (bar ≤ ${P50_BAR_MS})`,
        inSummary: true,
      },
      { key: "p99_ms", value: p99, label: "worst p99 of the scenarios", inSummary: true },
      { key: "baseline_p50_ms", value: baselineP50, label: "bare SQL first page, median", inSummary: true },
      {
        key: "ratio",
        value: (p50 / Math.max(baselineP50, 0.01)).toFixed(1),
        label: "p50_ms / baseline_p50_ms",
        inSummary: true,
      },
      {
        key: "baseline_p99_ms",
        value: Math.round(percentile(baseline, 99) * 100) / 100,
        label: "bare SQL first page, p99",
      },
      ...figures,
    ],
    verdict,
    notes,
  };
}

/** FILE-1: the client list stays fast at 100,000 files (first page, search, deep keyset page). */
export const filesList: Benchmark = {
  id: "FILES-LIST",
  title: "client list at 100,000 files",
  bar: "GET /api/client-files answers in ≤ 50 ms p50 at 100,000 files (first page, search, deep page), ratio against a bare SQL baseline",
  run: measure,
};
