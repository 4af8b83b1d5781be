import { readFile } from "node:fs/promises";
import path from "node:path";
import { type RunningProcess, rssKiB } from "../tests/startup/process.js";
import { preparePortalWorld, scaleNote } from "./portal-data.js";
import {
  CONNECTIONS,
  type ListName,
  type LoadResult,
  type LoadTarget,
  lists,
  openBenchServices,
  portalApiPaths,
  runLoad,
  SECONDS,
  signIn,
  WARMUP_SECONDS,
  warmUp,
} from "./portal-load.js";
import type { BenchmarkContext, Figure } from "./registry.js";

// PERF-6 under PERF-1's load: a server started as `npm start` starts it gets a portal world in its own
// embedded database, the probe signs in over HTTP, and autocannon reads the probe's lists while the
// server process's VmRSS is sampled from /proc.

export const RSS_LOAD_BAR_MB = 400;
/** The server's memory depends on the request mix, not on the table sizes: a smaller world than PERF-1's 1M. */
const LOAD_CONTRACTS = 100_000;

/** The server's embedded PostgreSQL as its superuser, over TCP (see server/platform/db/embedded.ts). */
async function embeddedDatabaseUrl(env: Record<string, string>): Promise<string> {
  const dataDir = env.ATRIUM_DATA_DIR ?? "";
  const password = (await readFile(path.join(dataDir, "pg-password"), "utf8")).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.ATRIUM_PG_PORT}/atrium`;
}

/** How many rows each list answers the signed-in probe (a list it cannot read fails the run here). */
async function rowsSeen(target: LoadTarget): Promise<Record<ListName, number>> {
  const rows = { contracts: 0, documents: 0 };
  for (const list of lists) {
    const res = await fetch(`${target.base}${target.apiPath[list]}`, { headers: { cookie: target.cookie } });
    if (res.status !== 200) throw new Error(`GET ${target.apiPath[list]} answered ${res.status}`);
    rows[list] = ((await res.json()) as Record<ListName, unknown[]>)[list].length;
  }
  return rows;
}

/** What the server did under the load: its highest RSS and the figures and notes for the report. */
export interface LoadFootprint {
  rssLoadMb: number;
  figures: Figure[];
  notes: string[];
}

const mb = (kib: number) => Math.round((kib / 1024) * 10) / 10;

/**
 * Puts the portal world into the database of `server` (started with `env`), signs the probe in through
 * the server's HTTP API and runs PERF-1's load on its two lists, sampling the server's RSS meanwhile.
 * The bench's own connections are closed before it returns, so the server can stop cleanly.
 */
export async function measureUnderLoad(
  ctx: BenchmarkContext,
  server: RunningProcess,
  env: Record<string, string>,
): Promise<LoadFootprint> {
  const services = await openBenchServices(ctx, await embeddedDatabaseUrl(env), env.ATRIUM_DATA_DIR);
  try {
    const { world, generateMs, vacuumMs } = await preparePortalWorld(services.deps, LOAD_CONTRACTS, ctx.log);
    const base = `http://127.0.0.1:${env.PORT}`;
    const target: LoadTarget = {
      owner: services.deps.database.owner,
      base,
      cookie: await signIn(base, world.probe.email, world.probe.password),
      apiPath: portalApiPaths(world.probe),
      pid: server.pid,
    };
    const rows = await rowsSeen(target);
    const before = await rssKiB(server.pid);
    if (before === null) throw new Error("the server process vanished before the load");
    ctx.log(`server RSS before the load: ${mb(before)} MB; warming up …`);
    await warmUp(target);
    const results = {} as Record<ListName, LoadResult>;
    for (const list of lists) {
      const url = `${base}${target.apiPath[list]}`;
      results[list] = await runLoad(target.owner, url, target.cookie, SECONDS, server.pid);
      const r = results[list];
      ctx.log(`${list}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, server RSS ≤ ${r.rssMaxMb} MB`);
    }
    const rssLoadMb = Math.max(...lists.map((l) => results[l].rssMaxMb));
    const figures: Figure[] = [
      {
        key: "rss_load_mb",
        value: rssLoadMb,
        label: `server process VmRSS under PERF-1's load, highest sample every 200 ms (bar ≤ ${RSS_LOAD_BAR_MB})`,
        inSummary: true,
      },
      {
        key: "load_rps",
        value: lists.map((l) => results[l].rps).join("/"),
        label: `API requests/s under that load, ${lists.join("/")} list`,
        inSummary: true,
      },
      { key: "load_contracts", value: world.scale.contracts, label: "contracts in the server's database" },
      { key: "rss_before_load_mb", value: mb(before), label: "server VmRSS after generation and sign-in" },
      { key: "load_generate_s", value: Math.round(generateMs / 100) / 10, label: "data generation" },
      { key: "load_vacuum_s", value: Math.round(vacuumMs / 100) / 10, label: "VACUUM ANALYZE afterwards" },
    ];
    for (const list of lists) {
      const r = results[list];
      figures.push(
        { key: `${list}_rss_mb`, value: r.rssMaxMb, label: `${list}: highest server VmRSS sample` },
        { key: `${list}_p50_ms`, value: r.p50, label: `${list}: API p50` },
        { key: `${list}_p99_ms`, value: r.p99, label: `${list}: API p99` },
        { key: `${list}_node_cpu_ms`, value: r.nodeCpuMs, label: `${list}: server CPU per request` },
        {
          key: `${list}_pg_cpu_ms`,
          value: r.pgCpuMs ?? "n/a",
          label: `${list}: PostgreSQL (app backends) CPU per request`,
        },
      );
    }
    const notes = [
      `Load: a further start on the same data dir, as \`npm start\` (its default LOG_LEVEL info logs every request). Its embedded database got ${scaleNote(LOAD_CONTRACTS)} — PERF-1 uses 1M contracts; the server's memory depends on the request mix, not on the table sizes.`,
      `The probe signed in through POST /api/session on the server; autocannon (child process) read its contract list (${rows.contracts} rows), then its document list (${rows.documents} rows), ${CONNECTIONS} connections for ${SECONDS} s each after a ${WARMUP_SECONDS} s warm-up of each, as PERF-1 does (without its baseline route, which exists only in PERF-1's process).`,
    ];
    return { rssLoadMb, figures, notes };
  } finally {
    await services.close();
  }
}
