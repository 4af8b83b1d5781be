// `npm run bench [-- ID …]`: runs the registered benchmarks (all, or the ids given), prints each one's
// figures and its last line `ID key=value … verdict=pass|fail`, and updates bench/REPORT.md.
// A failed verdict is a finding, not a crash: the exit code is 1 only when a benchmark could not run.
import { Cleanup } from "../tests/startup/process.js";
import { type Benchmark, benchmarks } from "./registry.js";
import { describeMachine, summaryLine, updateReport } from "./report.js";

/** Picks the benchmarks named on the command line (case-insensitive), or all of them. */
function selectBenchmarks(ids: string[]): Benchmark[] {
  if (ids.length === 0) return benchmarks;
  const wanted = ids.map((id) => id.toUpperCase());
  const unknown = wanted.filter((id) => !benchmarks.some((b) => b.id === id));
  if (unknown.length > 0) {
    const known = benchmarks.map((b) => b.id).join(", ");
    throw new Error(`Unknown benchmark ${unknown.join(", ")}; known: ${known}.`);
  }
  return benchmarks.filter((b) => wanted.includes(b.id));
}

async function main(): Promise<number> {
  let selected: Benchmark[];
  try {
    selected = selectBenchmarks(process.argv.slice(2).filter((arg) => arg !== "--"));
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  console.log(`Machine: ${describeMachine()}`);

  let crashed = 0;
  for (const benchmark of selected) {
    console.log(`\n${benchmark.id} — ${benchmark.title}\nBar: ${benchmark.bar}`);
    const cleanup = new Cleanup();
    // Servers started by a benchmark must not outlive an interrupted run.
    const onSignal = (signal: NodeJS.Signals) => {
      console.error(`\n${signal}: stopping what ${benchmark.id} started …`);
      void cleanup.run().finally(() => process.exit(130));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      const result = await benchmark.run({ log: (line) => console.log(`  ${line}`), cleanup });
      await cleanup.run();
      for (const figure of result.figures)
        console.log(`  ${figure.key} = ${figure.value}  (${figure.label})`);
      for (const note of result.notes) console.log(`  note: ${note}`);
      const file = await updateReport(benchmark, result);
      console.log(`  report: ${file}`);
      console.log(summaryLine(benchmark, result));
    } catch (error) {
      crashed++;
      await cleanup.run().catch(() => {});
      console.error(`${benchmark.id} crashed: ${error instanceof Error ? error.stack : String(error)}`);
      console.log(`${benchmark.id} crashed`);
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  }
  return crashed > 0 ? 1 : 0;
}

process.exitCode = await main();
