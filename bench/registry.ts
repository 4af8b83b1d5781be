import type { Cleanup } from "../tests/startup/process.js";
import { explainDecision } from "./explain-decision.js";
import { filesList } from "./files-list.js";
import { bulkInvitation } from "./perf-3-bulk-invitation.js";
import { reminderSweep } from "./perf-4-reminder-sweep.js";
import { footprint } from "./perf-6-footprint.js";
import { portalRead, portalScaling } from "./portal-read.js";

/** One measured figure; `inSummary` figures go on the benchmark's last line as `key=value`. */
export interface Figure {
  key: string;
  value: number | string;
  /** What the figure is, for the report's table. */
  label: string;
  inSummary?: boolean;
}

/** What a benchmark found: its figures, the verdict against its bar, and anything a reader must know. */
export interface BenchmarkResult {
  figures: Figure[];
  verdict: "pass" | "fail";
  notes: string[];
}

/** What the runner hands a benchmark: a progress printer and a cleanup that also runs on Ctrl-C. */
export interface BenchmarkContext {
  log(line: string): void;
  cleanup: Cleanup;
}

/** A benchmark of a bar in QUALITY.md. */
export interface Benchmark {
  id: string;
  title: string;
  /** The bar as QUALITY.md states it. */
  bar: string;
  run(context: BenchmarkContext): Promise<BenchmarkResult>;
}

/** Every benchmark, in the order `npm run bench` runs them. */
// PERF-2 runs before PERF-1: it grows one database to 1M contracts and hands it to PERF-1.
export const benchmarks: Benchmark[] = [
  footprint,
  filesList,
  portalScaling,
  portalRead,
  bulkInvitation,
  reminderSweep,
  explainDecision,
];
