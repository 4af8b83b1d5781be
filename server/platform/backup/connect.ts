import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { Config } from "../../config.js";
import { startEmbeddedPostgres } from "../db/embedded.js";
import { BackupError } from "./manifest.js";

/** The database a backup reads or a restore writes, and how to let go of it. */
export interface TargetDatabase {
  url: string;
  /** Said to the operator: which database this is. */
  description: string;
  release(): Promise<void>;
}

const EMBEDDED_DATABASE = "atrium";

/** The pid and port of a live postmaster serving `pgDir`, or null. */
async function livePostmaster(pgDir: string): Promise<{ pid: number; port: number } | null> {
  const lines = (await readFile(path.join(pgDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "postgres");
  return cmdline.includes("postgres") ? { pid, port } : null;
}

/**
 * The installation's database: DATABASE_URL's, or the embedded PostgreSQL in ATRIUM_DATA_DIR/pg. A
 * running Atrium's embedded server is used as it is (stopping it would stop the app); a stopped one
 * is started for the time of the work and stopped again. `create` lets a restore initialise a new
 * cluster; a backup refuses a data directory without one.
 */
export async function openTargetDatabase(
  config: Config,
  options: { create: boolean; log: (line: string) => void },
): Promise<TargetDatabase> {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return {
      url: config.databaseUrl,
      description: `database "${url.pathname.slice(1)}" on ${url.hostname || "localhost"}:${url.port || 5432} (DATABASE_URL)`,
      release: async () => {},
    };
  }
  const pgDir = path.join(config.dataDir, "pg");
  if (!options.create && !existsSync(path.join(pgDir, "PG_VERSION"))) {
    throw new BackupError(
      `There is no Atrium database in ${pgDir}: set ATRIUM_DATA_DIR to the data directory of the installation, or DATABASE_URL to its PostgreSQL.`,
    );
  }
  const running = await livePostmaster(pgDir);
  if (running) {
    const password = (
      await readFile(path.join(config.dataDir, "pg-password"), "utf8").catch(() => "")
    ).trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/${EMBEDDED_DATABASE}`;
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    try {
      await probe.connect();
    } catch (error) {
      throw new BackupError(
        `The embedded PostgreSQL in ${pgDir} is running (pid ${running.pid}) but does not answer on port ${running.port} (${(error as Error).message}): stop Atrium, or wait until it has started, and try again.`,
      );
    } finally {
      await probe.end().catch(() => {});
    }
    options.log(`Using the embedded PostgreSQL that is running on ${pgDir} (pid ${running.pid}).`);
    return { url, description: `embedded database in ${pgDir} (running)`, release: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    database: EMBEDDED_DATABASE,
    log: options.log,
  });
  options.log(`Started the embedded PostgreSQL in ${pgDir} for this run; it is stopped again at the end.`);
  return { url: embedded.url, description: `embedded database in ${pgDir}`, release: () => embedded.stop() };
}
