import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { BackupError } from "./manifest.js";

const run = promisify(execFile);

/** A PostgreSQL client program found on this machine, with its version. */
export interface PgTool {
  path: string;
  /** The tool's version line, e.g. "pg_dump (PostgreSQL) 15.20". */
  version: string;
  major: number;
}

/** Where PostgreSQL client programs are looked for: an explicit path, then PATH, then Debian's versioned dirs. */
async function candidates(name: string, explicit: string | undefined, pathVariable: string | undefined) {
  if (explicit) return [explicit];
  const found: string[] = [];
  for (const dir of (pathVariable ?? "").split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (existsSync(file)) found.push(file);
  }
  const debianRoot = "/usr/lib/postgresql";
  const versions = await readdir(debianRoot).catch(() => [] as string[]);
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    const file = path.join(debianRoot, version, "bin", name);
    if (existsSync(file)) found.push(file);
  }
  return [...new Set(found)];
}

/** The version of one tool, or null when it does not run. */
async function versionOf(file: string): Promise<PgTool | null> {
  try {
    const { stdout } = await run(file, ["--version"], { timeout: 10_000 });
    const line = stdout.trim();
    const major = Number.parseInt(/\(PostgreSQL\)\s+(\d+)/.exec(line)?.[1] ?? "", 10);
    return Number.isInteger(major) ? { path: file, version: line, major } : null;
  } catch {
    return null;
  }
}

/**
 * The newest `name` (pg_dump, pg_restore) whose major version is at least `minMajor`, and every
 * version seen (to say why none fits). `explicit` (PG_DUMP, PG_RESTORE) replaces the search.
 */
export async function findPgTool(
  name: "pg_dump" | "pg_restore",
  minMajor: number,
  options: { explicit?: string; pathVariable?: string },
): Promise<{ tool: PgTool | null; seen: PgTool[] }> {
  const seen: PgTool[] = [];
  const real = new Set<string>();
  for (const file of await candidates(name, options.explicit, options.pathVariable)) {
    // /bin and /usr/bin are often one directory: each program once.
    const resolved = await realpath(file).catch(() => file);
    if (real.has(resolved)) continue;
    real.add(resolved);
    const tool = await versionOf(file);
    if (tool && !seen.some((s) => s.version === tool.version)) seen.push(tool);
  }
  const fitting = seen.filter((t) => t.major >= minMajor).sort((a, b) => b.major - a.major);
  return { tool: fitting[0] ?? null, seen };
}

/**
 * libpq's view of a postgres:// URL: the URL without its password (safe on a command line, which
 * other users of the machine can read) and the environment carrying the password.
 */
export function libpqTarget(url: string): { connection: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { connection: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a PostgreSQL client program; a non-zero exit becomes a BackupError with the tool's last lines. */
export async function runPgTool(tool: PgTool, args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(tool.path, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) {
    const last = stderr.trim().split("\n").slice(-3).join(" | ");
    throw new BackupError(`${path.basename(tool.path)} failed (exit ${code}): ${last || "no output"}`);
  }
}
