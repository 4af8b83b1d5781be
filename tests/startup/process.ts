import { type ChildProcess, spawn } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, whatever the current directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The command that runs the server straight from its TypeScript sources (no web build needed). */
export const serverCommand = ["--import", "tsx", "server/main.ts"];

/** The pattern of the line Atrium prints once it serves (or, as a worker, works). */
export const readyLine = /Atrium is ready at (\S+) .* role (\w+), started in/;

/** How a child process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process whose output is collected and can be awaited line by line. */
export interface RunningProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** When the process was spawned (performance.now()). */
  readonly spawnedAt: number;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<Exit>;
  /** The exit, once it happened; null while running. */
  exit(): Exit | null;
  /** Resolves with the first output line matching `pattern` and when it was seen; rejects on timeout or exit. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<{ line: string; at: number }>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit. */
  stop(graceMs?: number): Promise<Exit>;
  /** SIGKILL to this process only (its own children, like a postmaster, are left alone). */
  killHard(): Promise<Exit>;
}

/**
 * The environment of a child built from scratch: the parent's DATABASE_URL, SMTP_URL and friends must
 * not leak into a server under test, so only what a shell needs plus `vars` is passed.
 */
export function childEnv(vars: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = { NODE_ENV: "test", LOG_LEVEL: "warn" };
  for (const name of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const value = process.env[name];
    if (value) base[name] = value;
  }
  return { ...base, ...vars };
}

/**
 * Spawns `node <args>` in the repository root with exactly `env`. It stays in our process group, so a
 * Ctrl-C at the terminal reaches it (and its PostgreSQL) too.
 */
export function spawnNode(args: string[], env: Record<string, string>): RunningProcess {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: "pipe" });
  if (child.pid === undefined) throw new Error(`could not spawn node ${args.join(" ")}`);
  const pid = child.pid;
  let out = "";
  let err = "";
  let exit: Exit | null = null;
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const watcher of [...watchers]) watcher();
  };
  // Stamped on arrival, so a figure taken from it does not include the await that follows.
  const seen: Array<{ line: string; at: number }> = [];
  const collect = (chunk: Buffer, into: "out" | "err") => {
    const text = chunk.toString("utf8");
    const before = into === "out" ? out : err;
    if (into === "out") out += text;
    else err += text;
    const at = performance.now();
    const partial = before.slice(before.lastIndexOf("\n") + 1);
    const lines = (partial + text).split("\n");
    lines.pop();
    for (const line of lines) seen.push({ line, at });
    notify();
  };
  child.stdout?.on("data", (chunk: Buffer) => collect(chunk, "out"));
  child.stderr?.on("data", (chunk: Buffer) => collect(chunk, "err"));
  const exited = new Promise<Exit>((resolve) => {
    child.once("close", (code, signal) => {
      exit = { code, signal };
      notify();
      resolve(exit);
    });
  });

  const waitForLine = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<{ line: string; at: number }>((resolve, reject) => {
      const done = (outcome: () => void) => {
        clearTimeout(timer);
        watchers.delete(check);
        outcome();
      };
      const describe = () =>
        `node ${args.join(" ")}\n--- stdout ---\n${tail(out)}\n--- stderr ---\n${tail(err)}`;
      const check = () => {
        const found = seen.find((entry) => pattern.test(entry.line));
        if (found) done(() => resolve(found));
        else if (exit)
          done(() => reject(new Error(`exited (${JSON.stringify(exit)}) before ${pattern}: ${describe()}`)));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`no line ${pattern} within ${timeoutMs} ms: ${describe()}`))),
        timeoutMs,
      );
      watchers.add(check);
      check();
    });

  return {
    child,
    pid,
    spawnedAt,
    stdout: () => out,
    stderr: () => err,
    exited,
    exit: () => exit,
    waitForLine,
    async stop(graceMs = 15_000) {
      if (exit) return exit;
      child.kill("SIGTERM");
      // A PostgreSQL it leaves behind is stopped by Cleanup through the data dir.
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    async killHard() {
      if (exit) return exit;
      child.kill("SIGKILL");
      return exited;
    },
  };
}

/** Spawns the server (`node --import tsx server/main.ts`) with exactly `env`. */
export function startServer(env: Record<string, string>): RunningProcess {
  return spawnNode(serverCommand, env);
}

/** Runs the server with `env` until it exits by itself (a refused start); kills it after `timeoutMs`. */
export async function runUntilExit(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<Exit & { stdout: string; stderr: string }> {
  const server = startServer(env);
  const timer = setTimeout(() => void server.stop(1_000), timeoutMs);
  const exit = await server.exited;
  clearTimeout(timer);
  return { ...exit, stdout: server.stdout(), stderr: server.stderr() };
}

/** A TCP port that was free a moment ago (the OS picked it; it is closed again before returning). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts a listen on 127.0.0.1:port right now. */
export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Occupies 127.0.0.1:port until the returned function is called. */
export async function occupyPort(port: number): Promise<() => Promise<void>> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The pid in `<dataDir>/pg/postmaster.pid`, or null when there is no such file. */
export async function postmasterPid(dataDir: string): Promise<number | null> {
  try {
    const first = (await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0];
    const pid = Number.parseInt(first ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Pids of live processes whose command line contains `text` (read from /proc). */
export async function processesMentioning(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (cmdline.replaceAll("\0", " ").includes(text)) pids.push(Number(entry));
  }
  return pids;
}

/** Resident memory of one process in KiB (VmRSS from /proc), or null when it is gone. */
export async function rssKiB(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const match = status?.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) : null;
}

/** Direct children of `pid` (from /proc/<n>/stat). */
export async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // The command name is in parentheses and may hold spaces; the parent pid is the 2nd field after it.
    const ppid = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
    if (Number(ppid) === pid) children.push(Number(entry));
  }
  return children;
}

/** Polls `condition` every 100 ms until it holds; false when `timeoutMs` passed first. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/**
 * Stops a PostgreSQL still serving `<dataDir>/pg` (an orphan of a killed server, or one left by a
 * failed test): fast shutdown first, SIGKILL if it does not go.
 */
export async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  const pid = await postmasterPid(dataDir);
  if (pid === null || !isAlive(pid)) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (!cmdline.includes(dataDir)) return;
  process.kill(pid, "SIGINT");
  if (!(await eventually(() => !isAlive(pid), 10_000))) process.kill(pid, "SIGKILL");
}

/**
 * Remembers every process and temp dir a test file creates and ends them all, however the test ended:
 * servers first (so their postmasters stop cleanly), then leftover postmasters, then the dirs.
 */
export class Cleanup {
  readonly #processes: RunningProcess[] = [];
  readonly #dataDirs: string[] = [];
  readonly #paths: string[] = [];
  readonly #finalizers: Array<() => Promise<unknown>> = [];

  /** Tracks a process so `run` stops it. */
  process<P extends RunningProcess>(running: P): P {
    this.#processes.push(running);
    return running;
  }

  /** Tracks a data directory: its PostgreSQL is stopped and the directory removed. */
  dataDir(dir: string): string {
    this.#dataDirs.push(dir);
    return dir;
  }

  /** Tracks a path to remove at the end. */
  path(p: string): string {
    this.#paths.push(p);
    return p;
  }

  /** Tracks any other closing step (a sink, a database). */
  add(finalizer: () => Promise<unknown>): void {
    this.#finalizers.push(finalizer);
  }

  /** Runs every step, each even when an earlier one failed; throws the first failure at the end. */
  async run(): Promise<void> {
    const failures: unknown[] = [];
    const attempt = async (step: () => Promise<unknown>) => {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    };
    for (const p of this.#processes.splice(0)) await attempt(() => p.stop(10_000));
    for (const f of this.#finalizers.splice(0).reverse()) await attempt(f);
    for (const dir of this.#dataDirs) await attempt(() => stopLeftoverPostgres(dir));
    for (const p of [...this.#dataDirs.splice(0), ...this.#paths.splice(0)]) {
      await attempt(() => rm(p, { recursive: true, force: true }));
    }
    if (failures.length > 0) throw failures[0];
  }
}

function tail(text: string, lines = 30): string {
  return text.split("\n").slice(-lines).join("\n");
}
