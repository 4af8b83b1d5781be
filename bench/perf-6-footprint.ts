import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildServerIfStale, buildWebIfStale, isStale } from "../scripts/build-steps.mjs";
import {
  childrenOf,
  freePort,
  postmasterPid,
  type RunningProcess,
  readyLine,
  repoRoot,
  rssKiB,
  spawnNode,
} from "../tests/startup/process.js";
import { measureUnderLoad, RSS_LOAD_BAR_MB } from "./perf-6-load.js";
import type { Benchmark, BenchmarkContext, BenchmarkResult, Figure } from "./registry.js";

const READY_BAR_MS = 5_000;
const RSS_BAR_MB = 200;
const SECOND_START_RUNS = 3;
const BARE_NODE_RUNS = 5;
const IDLE_WAIT_MS = 5_000;
const READY_TIMEOUT_MS = 120_000;

interface Launcher {
  args: string[];
  name: string;
  buildMs?: number;
}

/** The median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kib: number) => Math.round((kib / 1024) * 10) / 10;

/**
 * `npm start` builds the web app and the server bundle when they are stale; that build is not part of
 * "start to ready", so it is done (and timed) before measuring, with the same build steps.
 */
async function chooseLauncher(ctx: BenchmarkContext): Promise<Launcher> {
  const began = performance.now();
  const webStale = isStale(
    path.join(repoRoot, "dist/web/index.html"),
    ["web", "contracts"],
    ["vite.config.ts"],
  );
  const serverStale = isStale(
    path.join(repoRoot, "dist/server/main.js"),
    ["server", "contracts"],
    ["package-lock.json"],
  );
  const startScript: Launcher = { args: ["scripts/start.mjs"], name: "node scripts/start.mjs" };
  if (!webStale && !serverStale) return startScript;
  ctx.log("dist/ is missing or stale: building it first, as npm start would …");
  buildWebIfStale();
  await buildServerIfStale();
  return { ...startScript, buildMs: Math.round(performance.now() - began) };
}

/** The environment of a newcomer's `npm start`: nothing set but where to keep data and which ports. */
function newcomerEnv(vars: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return { ...env, ...vars };
}

async function pssKiB(pid: number): Promise<number> {
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, "utf8").catch(() => "");
  return Number(rollup.match(/^Pss:\s+(\d+)\s+kB/m)?.[1] ?? 0);
}

/** RSS (summed; shared buffers count once per process) and PSS (shared pages split) of a postmaster tree. */
async function postgresMemory(dataDir: string) {
  const pid = await postmasterPid(dataDir);
  if (pid === null) return { processes: 0, rssKiB: 0, pssKiB: 0 };
  const pids = [pid, ...(await childrenOf(pid))];
  let rss = 0;
  let pss = 0;
  for (const p of pids) {
    rss += (await rssKiB(p)) ?? 0;
    pss += await pssKiB(p);
  }
  return { processes: pids.length, rssKiB: rss, pssKiB: pss };
}

async function startUntilReady(ctx: BenchmarkContext, launcher: Launcher, env: Record<string, string>) {
  const server: RunningProcess = ctx.cleanup.process(spawnNode(launcher.args, env));
  const { at } = await server.waitForLine(readyLine, READY_TIMEOUT_MS);
  const rebuilt = server.stdout().includes("Building the web app");
  return { server, readyMs: Math.round(at - server.spawnedAt), rebuilt };
}

async function stopCleanly(server: RunningProcess): Promise<void> {
  const exit = await server.stop(15_000);
  if (exit.code !== 0) throw new Error(`the server did not stop cleanly: ${JSON.stringify(exit)}`);
}

/** Time from spawn to first output of a node that loads nothing: the floor any start sits on. */
async function bareNodeMs(ctx: BenchmarkContext): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < BARE_NODE_RUNS; i++) {
    const bare = ctx.cleanup.process(spawnNode(["-e", "console.log('ready')"], newcomerEnv({})));
    const { at } = await bare.waitForLine(/^ready$/, 10_000);
    runs.push(Math.round((at - bare.spawnedAt) * 10) / 10);
    await bare.exited;
  }
  return runs;
}

async function measure(ctx: BenchmarkContext): Promise<BenchmarkResult> {
  const notes: string[] = [];
  const launcher = await chooseLauncher(ctx);
  ctx.log(`launcher: ${launcher.name}`);

  const bare = await bareNodeMs(ctx);
  ctx.log(`bare node start: ${bare.join(", ")} ms`);

  const root = ctx.cleanup.path(await mkdtemp(path.join(os.tmpdir(), "atrium-bench-footprint-")));
  const dataDir = ctx.cleanup.dataDir(path.join(root, "data"));
  const env = newcomerEnv({
    ATRIUM_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    ATRIUM_PG_PORT: String(await freePort()),
  });

  const first = await startUntilReady(ctx, launcher, env);
  ctx.log(`first start (creates the cluster): ${first.readyMs} ms`);
  await stopCleanly(first.server);

  const readyRuns: number[] = [];
  const rssRuns: number[] = [];
  let pg = { processes: 0, rssKiB: 0, pssKiB: 0 };
  for (let run = 1; run <= SECOND_START_RUNS; run++) {
    const again = await startUntilReady(ctx, launcher, env);
    if (again.rebuilt) notes.push(`run ${run} rebuilt the web app (its sources changed meanwhile)`);
    await sleep(IDLE_WAIT_MS);
    const rss = await rssKiB(again.server.pid);
    if (rss === null) throw new Error("the server process vanished while idle");
    pg = await postgresMemory(dataDir);
    readyRuns.push(again.readyMs);
    rssRuns.push(mb(rss));
    ctx.log(`start ${run} on the existing cluster: ready in ${again.readyMs} ms, idle RSS ${mb(rss)} MB`);
    await stopCleanly(again.server);
  }

  // PERF-1's load on one more start of the same kind, after the idle figures (its data would change them).
  const loaded = await startUntilReady(ctx, launcher, env);
  ctx.log(`start for the load: ready in ${loaded.readyMs} ms`);
  const underLoad = await measureUnderLoad(ctx, loaded.server, env);
  await stopCleanly(loaded.server);

  const readyMs = median(readyRuns);
  const bareMs = median(bare);
  // The worst of the runs, so one lucky run cannot pass the bar.
  const rssIdle = Math.max(...rssRuns);
  const verdict =
    readyMs <= READY_BAR_MS && rssIdle <= RSS_BAR_MB && underLoad.rssLoadMb <= RSS_LOAD_BAR_MB
      ? "pass"
      : "fail";
  notes.push(
    "MB are MiB (VmRSS / 1024). PostgreSQL runs as its own processes and is reported for information; the bar is on the server process.",
    ...underLoad.notes,
  );

  const figures: Figure[] = [
    { key: "launcher", value: launcher.name, label: "what was started" },
    ...(launcher.buildMs === undefined
      ? []
      : [
          {
            key: "web_build_ms",
            value: launcher.buildMs,
            label: "web build done first (not part of any figure)",
          },
        ]),
    {
      key: "first_start_ms",
      value: first.readyMs,
      label: "spawn → ready on a fresh data dir (creates the cluster; report only)",
      inSummary: true,
    },
    {
      key: "ready_ms",
      value: readyMs,
      label: `spawn → ready once the cluster exists, median of ${SECOND_START_RUNS} (bar ≤ ${READY_BAR_MS})`,
      inSummary: true,
    },
    { key: "ready_runs_ms", value: readyRuns.join("/"), label: "each of those runs" },
    {
      key: "rss_idle_mb",
      value: rssIdle,
      label: `server process VmRSS ${IDLE_WAIT_MS / 1000} s after ready, worst of ${SECOND_START_RUNS} (bar ≤ ${RSS_BAR_MB})`,
      inSummary: true,
    },
    { key: "rss_idle_runs_mb", value: rssRuns.join("/"), label: "each of those runs" },
    {
      key: "pg_rss_mb",
      value: mb(pg.rssKiB),
      label: `embedded PostgreSQL, ${pg.processes} processes, RSS summed (counts shared memory in each)`,
      inSummary: true,
    },
    {
      key: "pg_pss_mb",
      value: mb(pg.pssKiB),
      label: "embedded PostgreSQL, PSS summed (shared memory split fairly)",
    },
    {
      key: "bare_node_ms",
      value: bareMs,
      label: `spawn → first output of \`node -e\` loading nothing, median of ${BARE_NODE_RUNS} (baseline)`,
    },
    {
      key: "ratio",
      value: (readyMs / bareMs).toFixed(1),
      label: "ready_ms / bare_node_ms (information)",
      inSummary: true,
    },
    ...underLoad.figures,
  ];
  return { figures, verdict, notes };
}

/** PERF-6: idle memory of the server process and the time from `npm start` to ready. */
export const footprint: Benchmark = {
  id: "PERF-6",
  title: "footprint",
  bar: "RSS idle ≤ 200 MB, under PERF-1 load ≤ 400 MB; `npm start` to ready ≤ 5 s once the embedded database exists",
  run: measure,
};
