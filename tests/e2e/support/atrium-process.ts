import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const readyLine = /Atrium is ready at (\S+)/;

/** Where and how to start one Atrium for a journey. */
export interface AtriumOptions {
  port: number;
  dataDir: string;
  embeddedPgPort: number;
  databaseUrl?: string;
  readyTimeoutMs?: number;
  /** The host of the public URL (default 127.0.0.1); passkeys need a name such as "localhost", not an IP. */
  publicHost?: string;
  /** A file whose offset in milliseconds moves the server's time (ATRIUM_TEST_CLOCK_FILE). */
  clockFile?: string;
}

/** A running Atrium started with `node scripts/start.mjs`, as a person would start it. */
export interface RunningAtrium {
  baseUrl: string;
  /** The last lines the process printed, to explain a failure. */
  output: () => string;
  /** SIGTERM, then SIGKILL for the whole process group if it has not stopped in time. */
  stop: (graceMs?: number) => Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    // Negative pid: the whole group, so an embedded postgres cannot outlive a hung server.
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** Starts Atrium and resolves once it printed its ready line; rejects with its output if it dies first. */
export async function startAtrium(options: AtriumOptions): Promise<RunningAtrium> {
  const baseUrl = `http://${options.publicHost ?? "127.0.0.1"}:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Like `npm start` on a developer machine, whatever the test runner set.
    NODE_ENV: "development",
    PORT: String(options.port),
    HOST: "127.0.0.1",
    PUBLIC_URL: baseUrl,
    ATRIUM_DATA_DIR: options.dataDir,
    ATRIUM_PG_PORT: String(options.embeddedPgPort),
    LOG_LEVEL: "warn",
  };
  if (options.clockFile) env.ATRIUM_TEST_CLOCK_FILE = options.clockFile;
  else delete env.ATRIUM_TEST_CLOCK_FILE;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;

  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const safetyNet = () => killGroup(child);
  process.once("exit", safetyNet);

  const lines: string[] = [];
  const output = () => lines.slice(-200).join("\n");
  let onLine: (line: string) => void = () => {};
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        onLine(line);
      }
    });
  }

  const stop = async (graceMs = 20_000) => {
    process.removeListener("exit", safetyNet);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    if (!(await waitForExit(child, graceMs))) {
      killGroup(child);
      await waitForExit(child, 5_000);
    }
  };

  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Atrium did not print its ready line within ${timeoutMs} ms`)),
        timeoutMs,
      );
      onLine = (line) => {
        if (readyLine.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Atrium exited before it was ready (code ${code}, signal ${signal})`));
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } catch (error) {
    await stop(5_000);
    throw new Error(`${(error as Error).message}. Its output:\n${output()}`);
  }
  return { baseUrl, output, stop };
}
