import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Benchmark, BenchmarkResult } from "./registry.js";

const reportFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "REPORT.md");

const header = `# Benchmark report

Written by \`npm run bench\` (\`npm run bench -- PERF-6\` runs one). Each benchmark's section is replaced
when it runs again, so sections may come from different runs and machines; each names its own.
`;

/** The machine a run happened on, in one line. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown cpu";
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cpus.length} cores, ${memory} GiB memory, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

/** The benchmark's last line: its summary figures as `key=value`, the verdict last. */
export function summaryLine(benchmark: Benchmark, result: BenchmarkResult): string {
  const pairs = result.figures.filter((f) => f.inSummary).map((f) => `${f.key}=${f.value}`);
  return [benchmark.id, ...pairs, `verdict=${result.verdict}`].join(" ");
}

function section(benchmark: Benchmark, result: BenchmarkResult, date: Date): string {
  const rows = result.figures.map((f) => `| \`${f.key}\` | ${f.value} | ${f.label} |`);
  const notes = result.notes.map((n) => `- ${n}`);
  return [
    `<!-- ${benchmark.id}:start -->`,
    `## ${benchmark.id} — ${benchmark.title}`,
    "",
    `Bar: ${benchmark.bar}`,
    "",
    `Run: ${date.toISOString()} on ${describeMachine()}`,
    "",
    "| figure | value | what |",
    "|---|---|---|",
    ...rows,
    "",
    `Verdict: **${result.verdict}**`,
    ...(notes.length ? ["", ...notes] : []),
    "",
    "```",
    summaryLine(benchmark, result),
    "```",
    `<!-- ${benchmark.id}:end -->`,
  ].join("\n");
}

/** Replaces (or adds) the benchmark's section of bench/REPORT.md, keeping the others, sorted by id. */
export async function updateReport(benchmark: Benchmark, result: BenchmarkResult, date = new Date()) {
  const existing = await readFile(reportFile, "utf8").catch(() => "");
  const sections = new Map<string, string>();
  for (const match of existing.matchAll(/<!-- (\S+):start -->[\s\S]*?<!-- \1:end -->/g)) {
    if (match[1]) sections.set(match[1], match[0]);
  }
  sections.set(benchmark.id, section(benchmark, result, date));
  const ordered = [...sections.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const body = ordered.map((id) => sections.get(id)).join("\n\n");
  await writeFile(reportFile, `${header}\n${body}\n`);
  return reportFile;
}
