import os from "node:os";
import { RSS_LOAD_BAR_MB } from "./perf-6-load.js";
import {
  type BenchDatabase,
  openBenchDatabase,
  type PortalWorld,
  portalScale,
  preparePortalWorld,
  scaleNote,
} from "./portal-data.js";
import {
  CONNECTIONS,
  type ListName,
  type LoadResult,
  lists,
  openBenchServices,
  type PortalServer,
  runLoad,
  SECONDS,
  startPortalServer,
  warmUp,
} from "./portal-load.js";
import type { Benchmark, BenchmarkContext, BenchmarkResult, Figure } from "./registry.js";

const PERF1_CONTRACTS = 1_000_000;
const RATIO_BAR = 0.7;
const P99_BAR_MS = 25;
const SCALES = [10_000, 100_000, 1_000_000];
const GROWTH_BAR = 1.5;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

/** A generated database one benchmark leaves for the next in the same run (PERF-2's 1M step → PERF-1). */
interface Parked {
  database: BenchDatabase;
  world: PortalWorld;
}
let parked: Parked | null = null;

/** Leaves the database and its world for a later benchmark of this run; it then owns closing it. */
function parkWorld(database: BenchDatabase, world: PortalWorld): void {
  parked = { database, world };
}

/** The parked database if it holds `contracts` contracts (the taker must close it), else null. */
function takeParkedWorld(contracts: number): Parked | null {
  const found = parked;
  parked = null;
  if (found && found.world.scale.contracts === portalScale(contracts).contracts) return found;
  if (found) void found.database.close();
  return null;
}

/** Whether `npm run bench` was asked to run benchmark `id` (no ids: all of them). */
function runRequested(id: string): boolean {
  const ids = process.argv
    .slice(2)
    .filter((arg) => arg !== "--")
    .map((arg) => arg.toUpperCase());
  return ids.length === 0 || ids.includes(id);
}

/** The API and the baseline of every list, each CONNECTIONS connections for SECONDS s, interleaved. */
async function measureLists(ctx: BenchmarkContext, server: PortalServer, label: string) {
  await warmUp(server);
  const api = {} as Record<ListName, LoadResult>;
  const baseline = {} as Record<ListName, LoadResult>;
  for (const list of lists) {
    api[list] = await runLoad(server.owner, `${server.base}${server.apiPath[list]}`, server.cookie);
    baseline[list] = await runLoad(server.owner, `${server.base}${server.baselinePath[list]}`, null);
    ctx.log(
      `${label} ${list}: API p50 ${api[list].p50} ms, p99 ${api[list].p99} ms, ${api[list].rps} req/s; ` +
        `baseline p50 ${baseline[list].p50} ms, ${baseline[list].rps} req/s; CPU/request node ${api[list].nodeCpuMs} vs ` +
        `${baseline[list].nodeCpuMs} ms, PostgreSQL ${api[list].pgCpuMs} vs ${baseline[list].pgCpuMs} ms (load ${load()})`,
    );
  }
  return { api, baseline };
}

function probeNote(server: PortalServer): string {
  return (
    `The probe is a signed-in grantee reaching its file through two grants (grant 0: categories own/application/policy, as holder, ` +
    `read_write; a manual list, as outside advisor), and reaching a second firm; it sees ${server.rows.contracts} of 10 contracts ` +
    `and ${server.rows.documents} of 5 documents of the file.`
  );
}

async function measurePerf1(ctx: BenchmarkContext): Promise<BenchmarkResult> {
  const notes: string[] = [`Load average (1/5/15 min) at start: ${load()}.`];
  const parked = takeParkedWorld(PERF1_CONTRACTS);
  const database: BenchDatabase = parked?.database ?? (await openBenchDatabase(ctx.log));
  ctx.cleanup.add(() => database.close());
  const services = await openBenchServices(ctx, database.url);
  let world: PortalWorld;
  const figures: Figure[] = [];
  if (parked) {
    world = parked.world;
    notes.push(
      "The data is the database PERF-2 grew to 1M contracts earlier in this run (reused, not generated again).",
    );
  } else {
    const prepared = await preparePortalWorld(services.deps, PERF1_CONTRACTS, ctx.log);
    world = prepared.world;
    figures.push(
      {
        key: "generate_s",
        value: round(prepared.generateMs / 1000, 1),
        label: "data generation (set-wise SQL)",
      },
      { key: "vacuum_s", value: round(prepared.vacuumMs / 1000, 1), label: "VACUUM ANALYZE afterwards" },
    );
  }
  const server = await startPortalServer(ctx, services, world.probe);
  const rssIdle = round(process.memoryUsage.rss() / 1024 ** 2, 1);
  const { api, baseline } = await measureLists(ctx, server, "1M");

  // Where the API's time goes: the same load on the session hook alone, then on a list's opening
  // round trip (session, transaction, file access) and commit without the list.
  const stages: Array<[string, string, LoadResult]> = [];
  for (const [stage, label] of [
    ["session", "signed-in hook only (session + actor), trivial answer"],
    [
      "access",
      "portal scope as the lists open it (session, transaction and file access in one round trip), commit, no list",
    ],
  ] as const) {
    const result = await runLoad(server.owner, `${server.base}${server.stagePath[stage]}`, server.cookie);
    ctx.log(
      `stage ${stage}: p50 ${result.p50} ms, ${result.rps} req/s, CPU/request node ${result.nodeCpuMs} ms, PostgreSQL ${result.pgCpuMs} ms`,
    );
    stages.push([stage, label, result]);
  }

  const ratios = lists.map((l) => (api[l]?.rps ?? 0) / Math.max(1, baseline[l]?.rps ?? 0));
  const ratio = round(Math.min(...ratios));
  const p50 = Math.max(...lists.map((l) => api[l].p50));
  const p99 = Math.max(...lists.map((l) => api[l].p99));
  const rssLoad = Math.max(...lists.map((l) => api[l].rssMaxMb));
  const verdict = ratio >= RATIO_BAR && p99 <= P99_BAR_MS ? "pass" : "fail";
  for (const list of lists) {
    const a = api[list];
    const b = baseline[list];
    figures.push(
      { key: `${list}_rps`, value: a.rps, label: `${list}: API requests/s` },
      { key: `${list}_baseline_rps`, value: b.rps, label: `${list}: baseline requests/s` },
      {
        key: `${list}_ratio`,
        value: round(a.rps / Math.max(1, b.rps)),
        label: `${list}: API / baseline throughput`,
      },
      { key: `${list}_p50_ms`, value: a.p50, label: `${list}: API p50` },
      { key: `${list}_p99_ms`, value: a.p99, label: `${list}: API p99` },
      { key: `${list}_baseline_p50_ms`, value: b.p50, label: `${list}: baseline p50` },
      { key: `${list}_baseline_p99_ms`, value: b.p99, label: `${list}: baseline p99` },
      { key: `${list}_node_cpu_ms`, value: a.nodeCpuMs, label: `${list}: server CPU per API request` },
      {
        key: `${list}_baseline_node_cpu_ms`,
        value: b.nodeCpuMs,
        label: `${list}: server CPU per baseline request`,
      },
      {
        key: `${list}_pg_cpu_ms`,
        value: a.pgCpuMs ?? "n/a",
        label: `${list}: PostgreSQL (app backends) CPU per API request`,
      },
      {
        key: `${list}_baseline_pg_cpu_ms`,
        value: b.pgCpuMs ?? "n/a",
        label: `${list}: PostgreSQL (app backends) CPU per baseline request`,
      },
    );
  }
  for (const [stage, label, r] of stages)
    figures.push(
      { key: `stage_${stage}_rps`, value: r.rps, label: `${label}: requests/s` },
      { key: `stage_${stage}_p50_ms`, value: r.p50, label: `${label}: p50` },
      { key: `stage_${stage}_node_cpu_ms`, value: r.nodeCpuMs, label: `${label}: server CPU per request` },
      {
        key: `stage_${stage}_pg_cpu_ms`,
        value: r.pgCpuMs ?? "n/a",
        label: `${label}: PostgreSQL CPU per request`,
      },
    );
  notes.push(
    `Data: ${scaleNote(PERF1_CONTRACTS)}; ${database.kind === "embedded" ? "embedded PostgreSQL" : "PostgreSQL on DATABASE_URL"}.`,
    probeNote(server),
    `autocannon (child process) with ${CONNECTIONS} connections for ${SECONDS} s per route, after a 2 s warm-up of each; API and baseline alternate.`,
    "Baseline: a route registered by the benchmark on the same app instance (same process, same pool) that runs one hand-written SELECT of the same rows by id, in the firm's scope (begin, set app.firm_id, select, commit) — no session, no grants, no sharing rules.",
    "ratio = the lower of the two lists' API/baseline throughputs; p50_ms and p99_ms are the worse of the two API lists.",
    "stage_* figures: benchmark-only routes under /api/ that stop after the signed-in hook, or after the portal scope as a list opens it (session, transaction and the viewer's grants on the file in one round trip) and its commit, under the same load — they show where the API's throughput goes.",
    `At ${CONNECTIONS} connections a request waits for the ${CONNECTIONS - 1} others (latency ≈ connections / throughput), so p99 ≤ ${P99_BAR_MS} ms ` +
      `needs well over ${Math.round((CONNECTIONS * 1000) / P99_BAR_MS)} req/s; on this machine the baseline itself answered ` +
      `${lists.map((l) => `${baseline[l].rps} req/s at p99 ${baseline[l].p99} ms`).join(" and ")}.`,
    `RSS is the benchmark process, which is the server (autocannon runs in its own process), sampled every 200 ms; PERF-6 bar under PERF-1 load ≤ ${RSS_LOAD_BAR_MB} MB. It also holds tsx, the test factories and whatever benchmarks before it in the same run left, so it is an upper bound for \`npm start\`'s server, which PERF-6 measures under this load.`,
    `Load average at end: ${load()}.`,
  );
  return {
    figures: [
      {
        key: "ratio",
        value: ratio,
        label: `API / baseline throughput, worse list (bar ≥ ${RATIO_BAR})`,
        inSummary: true,
      },
      { key: "p50_ms", value: p50, label: "API p50, worse list", inSummary: true },
      { key: "p99_ms", value: p99, label: `API p99, worse list (bar ≤ ${P99_BAR_MS})`, inSummary: true },
      {
        key: "rss_load_mb",
        value: rssLoad,
        label: `server RSS under this load, highest sample (PERF-6 bar ≤ ${RSS_LOAD_BAR_MB})`,
        inSummary: true,
      },
      { key: "rss_before_mb", value: rssIdle, label: "server RSS before the load" },
      ...figures,
    ],
    verdict,
    notes,
  };
}

async function measurePerf2(ctx: BenchmarkContext): Promise<BenchmarkResult> {
  const notes: string[] = [`Load average (1/5/15 min) at start: ${load()}.`];
  const database = await openBenchDatabase(ctx.log);
  let handedOver = false;
  ctx.cleanup.add(async () => {
    if (!handedOver) await database.close();
  });
  const services = await openBenchServices(ctx, database.url);
  const figures: Figure[] = [];
  const p50s: Array<Record<ListName, number>> = [];
  const baselineP50s: Array<Record<ListName, number>> = [];
  let world: PortalWorld | undefined;
  let server: PortalServer | undefined;
  for (const contracts of SCALES) {
    const prepared = await preparePortalWorld(services.deps, contracts, ctx.log, world);
    world = prepared.world;
    server ??= await startPortalServer(ctx, services, world.probe);
    const tag = contracts >= 1_000_000 ? `${contracts / 1_000_000}m` : `${contracts / 1000}k`;
    const { api, baseline } = await measureLists(ctx, server, tag);
    p50s.push({ contracts: api.contracts.p50, documents: api.documents.p50 });
    baselineP50s.push({ contracts: baseline.contracts.p50, documents: baseline.documents.p50 });
    figures.push({
      key: `grow_${tag}_s`,
      value: round((prepared.generateMs + prepared.vacuumMs) / 1000, 1),
      label: `generation up to ${contracts} contracts, with VACUUM ANALYZE`,
    });
    for (const list of lists)
      figures.push(
        { key: `${list}_p50_${tag}_ms`, value: api[list].p50, label: `${list} at ${contracts}: API p50` },
        { key: `${list}_p99_${tag}_ms`, value: api[list].p99, label: `${list} at ${contracts}: API p99` },
        { key: `${list}_rps_${tag}`, value: api[list].rps, label: `${list} at ${contracts}: API requests/s` },
        {
          key: `${list}_baseline_p50_${tag}_ms`,
          value: baseline[list].p50,
          label: `${list} at ${contracts}: baseline p50 (noise reference)`,
        },
      );
  }
  const first = p50s[0] as Record<ListName, number>;
  const last = p50s[p50s.length - 1] as Record<ListName, number>;
  const ratio = round(Math.max(...lists.map((l) => last[l] / Math.max(0.01, first[l]))));
  // The same ratio with each p50 taken relative to the baseline's at that step: the machine's noise cancels.
  const relative = (i: number, l: ListName) =>
    (p50s[i]?.[l] ?? 0) / Math.max(0.01, baselineP50s[i]?.[l] ?? 0);
  const relativeRatio = round(
    Math.max(...lists.map((l) => relative(SCALES.length - 1, l) / Math.max(0.01, relative(0, l)))),
  );
  const worst = (r: Record<ListName, number>) => Math.max(...lists.map((l) => r[l]));
  const verdict = ratio <= GROWTH_BAR ? "pass" : "fail";
  if (world && runRequested("PERF-1")) {
    // PERF-1 runs next on the same 1M-contract data: it takes over the database and closes it.
    parkWorld(database, world);
    handedOver = true;
  }
  notes.push(
    `Scales (firms fixed, the rest proportional; one database grown step by step): ${SCALES.map(scaleNote).join(" → ")}.`,
    "Each step is PERF-1's workload: the probe's contract and document lists through HTTP with a real session, " +
      `autocannon ${CONNECTIONS} connections for ${SECONDS} s each after a warm-up; the baseline route runs alongside as a noise reference.`,
    "ratio = the larger of the two lists' p50 at 1M / p50 at 10k.",
    `Load average at end: ${load()}.`,
  );
  return {
    figures: [
      {
        key: "ratio",
        value: ratio,
        label: `p50 at 1M / p50 at 10k, worse list (bar ≤ ${GROWTH_BAR})`,
        inSummary: true,
      },
      {
        key: "p50_10k_ms",
        value: worst(first),
        label: "API p50 at 10k contracts, worse list",
        inSummary: true,
      },
      {
        key: "p50_100k_ms",
        value: worst(p50s[1] ?? first),
        label: "API p50 at 100k contracts, worse list",
        inSummary: true,
      },
      { key: "p50_1m_ms", value: worst(last), label: "API p50 at 1M contracts, worse list", inSummary: true },
      {
        key: "ratio_vs_baseline",
        value: relativeRatio,
        label:
          "the same ratio with each p50 divided by the baseline's p50 of its step (information: load noise cancels)",
      },
      ...figures,
    ],
    verdict,
    notes,
  };
}

/** PERF-1: one grantee's contract and document lists at 1M contracts against a bare-SQL route. */
export const portalRead: Benchmark = {
  id: "PERF-1",
  title: "portal read path",
  bar: "200 firms, 100k client files, 1M contracts, 500k documents, 50k grants; one grantee's contract list and document list through the real HTTP API with a real session, autocannon 50 connections, 10 s: ≥ 0.7 × the throughput of a baseline route in the same server running one hand-written SQL query for the same rows without access logic; p99 ≤ 25 ms",
  run: measurePerf1,
};

/** PERF-2: the same reads at 10k, 100k and 1M contracts. */
export const portalScaling: Benchmark = {
  id: "PERF-2",
  title: "latency does not grow with data",
  bar: "PERF-1 at 10k, 100k and 1M contracts: p50 at 1M ≤ 1.5 × p50 at 10k",
  run: measurePerf2,
};
