import { mkdtemp, readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { buildApp } from "../server/app.js";
import { openServices, type Services } from "../server/bootstrap.js";
import { loadConfig } from "../server/config.js";
import type { App } from "../server/deps.js";
import { requireActor } from "../server/modules/access/actor.js";
import { inPortalScope, requirePortalFile } from "../server/modules/access/portal-scope.js";
import { inFirm } from "../server/platform/db/scope.js";
import { childEnv, repoRoot, rssKiB, spawnNode } from "../tests/startup/process.js";
import type { Probe } from "./portal-data.js";
import type { BenchmarkContext } from "./registry.js";

// The portal benchmarks' server and load: the app built in this process on the generated database,
// plus a baseline route that only the benchmark registers; autocannon runs as a child process so it
// neither shares the server's event loop nor counts in its memory.

export const CONNECTIONS = 50;
export const SECONDS = 10;
export const WARMUP_SECONDS = 2;
const RSS_SAMPLE_MS = 200;

/**
 * The app's services on `databaseUrl` (migrating it), as `npm start` opens them for the web role. With
 * `serverDataDir` they share a running server's data dir, so its secrets (read from there) are theirs.
 */
export async function openBenchServices(
  ctx: BenchmarkContext,
  databaseUrl: string,
  serverDataDir?: string,
): Promise<Services> {
  const dataDir =
    serverDataDir ?? ctx.cleanup.path(await mkdtemp(path.join(os.tmpdir(), "atrium-bench-portal-app-")));
  const config = loadConfig({
    NODE_ENV: "test",
    ATRIUM_ROLE: "web",
    ATRIUM_DATA_DIR: dataDir,
    ...(serverDataDir ? {} : { AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01" }),
    PUBLIC_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
  });
  // The default app pool (20), as the server runs it.
  const services = await openServices(config, databaseUrl);
  ctx.cleanup.add(() => services.close());
  return services;
}

/** The two lists PERF-1 reads, as the API and as the baseline serve them. */
export const lists = ["contracts", "documents"] as const;
export type ListName = (typeof lists)[number];

/** The same rows as the API answers, by id, in one statement each: no session, no grants, no rules. */
const baselineSql: Record<ListName, string> = {
  contracts: `select c.id, c.number, c.insurer, c.product_name, c.risk, c.status, c.portal_category, c.offer_date,
       c.application_date, c.document_date, c.start_date, c.end_date, c.premium, c.premium_frequency, c.currency,
       l.id as line_id, l.code as line_code, l.name as line_name
  from contracts c left join lines_of_business l on l.firm_id = c.firm_id and l.id = c.line_of_business_id
 where c.firm_id = $1 and c.id = any($2::uuid[])
 order by l.code asc nulls last, c.insurer, c.id`,
  documents: `select d.id, d.title, d.document_date, d.created_at, d.current_version, d.contract_id, d.claim_id,
       k.id as category_id, k.key as category_key, k.name as category_name,
       v.file_name, v.content_type, v.size_bytes
  from documents d
  join document_categories k on k.firm_id = d.firm_id and k.id = d.category_id
  join document_versions v on v.firm_id = d.firm_id and v.document_id = d.id and v.version = d.current_version
 where d.firm_id = $1 and d.id = any($2::uuid[])
 order by d.created_at desc, d.id desc`,
};

/** A listening server with a signed-in session and the API path of each list: what the load needs. */
export interface LoadTarget {
  /** An owner pool on the server's database, to read the app's backends from pg_stat_activity. */
  owner: pg.Pool;
  base: string;
  cookie: string;
  apiPath: Record<ListName, string>;
  /** The server's process when it is not this one (its RSS and CPU are then read from /proc). */
  pid?: number;
}

/** A running app with the signed-in probe and both ways to read each list. */
export interface PortalServer extends LoadTarget {
  app: App;
  baselinePath: Record<ListName, string>;
  /** Where the API's time goes: the session alone, then the session and the file access (no list). */
  stagePath: { session: string; access: string };
  /** How many rows each list answers (the probe's view). */
  rows: Record<ListName, number>;
}

/** Signs in over HTTP (POST /api/session at `base`) and returns the Cookie header the browser would send. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, {
    method: "POST",
    body: JSON.stringify({ email, password }),
    headers: { "content-type": "application/json", "x-atrium-csrf": "1" },
  });
  const cookies = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter((c) => c.includes("="));
  if (res.status !== 200 || cookies.length === 0)
    throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return cookies.join("; ");
}

/** The probe's two lists in the portal API. */
export function portalApiPaths(probe: Probe): Record<ListName, string> {
  return {
    contracts: `/api/portal/firms/${probe.firmId}/files/${probe.fileId}/contracts`,
    documents: `/api/portal/firms/${probe.firmId}/files/${probe.fileId}/documents`,
  };
}

/**
 * Builds the app on `services`, adds the baseline routes (this process only, never the server's
 * code), listens, signs the probe in, and checks that both ways answer the same rows.
 */
export async function startPortalServer(
  ctx: BenchmarkContext,
  services: Services,
  probe: Probe,
): Promise<PortalServer> {
  const { deps } = services;
  const app = await buildApp(deps, { logger: false });
  ctx.cleanup.add(() => app.close());
  const ids: Record<ListName, string[]> = { contracts: [], documents: [] };
  for (const list of lists) {
    app.get(`/bench/baseline/${list}`, () =>
      inFirm(deps.database, probe.firmId, async (tx) => {
        const { rows } = await tx.client.query(baselineSql[list], [probe.firmId, ids[list]]);
        return { [list]: rows };
      }),
    );
  }
  // Stages of the API's path, to see where its time goes: the signed-in hook, then also the access.
  app.get("/api/bench/session", (request) => ({ id: requireActor(request).user.id }));
  // As the portal's reads run it: session, transaction and file access in the opening round trip.
  app.get<{ Params: { firmId: string; fileId: string } }>(
    "/api/bench/firms/:firmId/files/:fileId/access",
    { config: { sessionInScope: true } },
    (request) =>
      inPortalScope(deps, request, request.params.firmId, async (work) => ({
        grantIds: (await requirePortalFile(work, request.params.fileId)).grantIds,
      })),
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const cookie = await signIn(base, probe.email, probe.password);
  const apiPath = portalApiPaths(probe);
  const baselinePath = { contracts: "/bench/baseline/contracts", documents: "/bench/baseline/documents" };
  const stagePath = {
    session: "/api/bench/session",
    access: `/api/bench/firms/${probe.firmId}/files/${probe.fileId}/access`,
  };
  for (const stage of Object.values(stagePath)) {
    const res = await app.inject({ method: "GET", url: stage, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`GET ${stage} answered ${res.statusCode}: ${res.body}`);
  }
  const rows = { contracts: 0, documents: 0 };
  for (const list of lists) {
    const res = await app.inject({ method: "GET", url: apiPath[list], headers: { cookie } });
    if (res.statusCode !== 200)
      throw new Error(`GET ${apiPath[list]} answered ${res.statusCode}: ${res.body}`);
    const items = (res.json() as Record<ListName, Array<{ id: string }>>)[list];
    ids[list] = items.map((item) => item.id);
    rows[list] = items.length;
    const check = await app.inject({ method: "GET", url: baselinePath[list] });
    const baselineIds = (check.json() as Record<ListName, Array<{ id: string }>>)[list].map((r) => r.id);
    if (check.statusCode !== 200 || baselineIds.join() !== ids[list].join())
      throw new Error(`the baseline of ${list} does not answer the API's rows`);
  }
  return { app, owner: deps.database.owner, base, cookie, apiPath, baselinePath, stagePath, rows };
}

/** What one autocannon run measured. */
export interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  /** The highest RSS of the server (this process unless a pid is given) sampled during the run, in MiB. */
  rssMaxMb: number;
  /** CPU time of the server (as above) per answered request, in ms. */
  nodeCpuMs: number;
  /** CPU time of the app pool's PostgreSQL backends per answered request, in ms (null: not readable here). */
  pgCpuMs: number | null;
}

interface AutocannonJson {
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const autocannonBin = path.join(repoRoot, "node_modules/autocannon/autocannon.js");
const MS_PER_TICK = 10; // /proc's clock ticks (USER_HZ 100 on Linux)

/** utime + stime of process `pid` in clock ticks, from /proc; null when it is gone or not readable. */
async function processTicks(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** utime + stime of each app-pool backend of this database, from /proc (PostgreSQL on this machine). */
async function backendTicks(owner: pg.Pool): Promise<Map<number, number> | null> {
  const { rows } = await owner.query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = current_database() and application_name = 'atrium-app'",
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    const used = await processTicks(pid);
    if (used === null) return null;
    ticks.set(pid, used);
  }
  return ticks;
}

/** RSS in bytes and CPU time in ms so far of the server: this process, or process `pid` read from /proc. */
function serverMeter(pid?: number) {
  if (pid === undefined) {
    const cpuMs = () => {
      const cpu = process.cpuUsage();
      return (cpu.user + cpu.system) / 1000;
    };
    return { rss: async () => process.memoryUsage.rss(), cpuMs: async () => cpuMs() };
  }
  const present = (value: number | null) => {
    if (value === null) throw new Error(`the server process ${pid} vanished under load`);
    return value;
  };
  return {
    rss: async () => present(await rssKiB(pid)) * 1024,
    cpuMs: async () => present(await processTicks(pid)) * MS_PER_TICK,
  };
}

/**
 * autocannon against `url` from a child process, sampling the server's RSS every RSS_SAMPLE_MS and its
 * CPU meanwhile: this process's, or process `pid`'s when the server runs on its own.
 */
export async function runLoad(
  owner: pg.Pool,
  url: string,
  cookie: string | null,
  seconds = SECONDS,
  pid?: number,
): Promise<LoadResult> {
  const args = [autocannonBin, "-j", "-c", String(CONNECTIONS), "-d", String(seconds)];
  if (cookie) args.push("-H", `cookie=${cookie}`);
  const meter = serverMeter(pid);
  const pgBefore = await backendTicks(owner);
  const cpuBefore = await meter.cpuMs();
  const child = spawnNode([...args, url], childEnv({}));
  let rssMax = await meter.rss();
  let sampleError: unknown = null;
  const sampler = setInterval(() => {
    meter.rss().then(
      (rss) => {
        rssMax = Math.max(rssMax, rss);
      },
      (error) => {
        sampleError ??= error;
      },
    );
  }, RSS_SAMPLE_MS);
  const exit = await child.exited;
  clearInterval(sampler);
  if (sampleError) throw sampleError;
  const cpuMs = (await meter.cpuMs()) - cpuBefore;
  const pgAfter = await backendTicks(owner);
  const line = child
    .stdout()
    .split("\n")
    .find((l) => l.startsWith("{"));
  if (exit.code !== 0 || !line) throw new Error(`autocannon failed (${exit.code}): ${child.stderr()}`);
  const result = JSON.parse(line) as AutocannonJson;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  const answered = Math.max(1, result.requests.total);
  let pgTicks: number | null = null;
  if (pgBefore && pgAfter) {
    pgTicks = 0;
    for (const [pid, after] of pgAfter) pgTicks += after - (pgBefore.get(pid) ?? 0);
  }
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    rssMaxMb: Math.round((rssMax / 1024 ** 2) * 10) / 10,
    nodeCpuMs: Math.round((cpuMs / answered) * 100) / 100,
    pgCpuMs: pgTicks === null ? null : Math.round(((pgTicks * MS_PER_TICK) / answered) * 100) / 100,
  };
}

/** A short run of every route (and baseline, if any) first: JIT, plan caches and pool connections warm, not measured. */
export async function warmUp(
  server: LoadTarget & { baselinePath?: Record<ListName, string> },
): Promise<void> {
  for (const list of lists) {
    const { owner, base, cookie, pid } = server;
    await runLoad(owner, `${base}${server.apiPath[list]}`, cookie, WARMUP_SECONDS, pid);
    if (server.baselinePath)
      await runLoad(owner, `${base}${server.baselinePath[list]}`, null, WARMUP_SECONDS);
  }
}
