import { stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { Config } from "../../config.js";
import { type DatabaseFunction, grantQueueAccess, migrateDatabase } from "../db/migrate.js";
import { JobQueue, QUEUE_SCHEMA } from "../jobs/queue.js";
import { assertSeesAllRows, countRows, existingRelations, ident } from "./catalog.js";
import { openTargetDatabase, type TargetDatabase } from "./connect.js";
import { listDataFiles, mismatchedFiles, restoreDataFiles } from "./data-files.js";
import { columnValues, loadLogical } from "./logical-dump.js";
import { BackupError, type Manifest, readManifest } from "./manifest.js";
import { findPgTool, libpqTarget, runPgTool } from "./pg-tools.js";
import { backupMigrationLevel, installedPgBossVersion, migrateToLevel } from "./schema-level.js";

/** What `restoreBackup` needs besides the configuration (which names the target). */
export interface RestoreOptions {
  config: Config;
  /** The directory `createBackup` wrote. */
  source: string;
  /** The modules' database functions, created after the rows are in (as at every start). */
  databaseFunctions: readonly DatabaseFunction[];
  /** PG_RESTORE: the pg_restore to use instead of searching PATH and /usr/lib/postgresql. */
  pgRestore?: string;
  pathVariable?: string;
  log: (line: string) => void;
}

/** The outcome of a restore's check against the manifest. */
export interface RestoreReport {
  tables: Array<{ table: string; expected: number; restored: number }>;
  badFiles: string[];
  fileCount: number;
  ok: boolean;
}

async function assertBackupUsable(source: string, manifest: Manifest, log: (line: string) => void) {
  const level = await backupMigrationLevel(manifest);
  if (manifest.database.method === "builtin" && manifest.pgBossVersion !== null) {
    const installed = installedPgBossVersion();
    if (installed !== manifest.pgBossVersion) {
      throw new BackupError(
        `This built-in dump holds job-queue schema ${manifest.pgBossVersion} but this Atrium's is ${installed}: restore it with Atrium ${manifest.atriumVersion}.`,
      );
    }
  }
  log(
    `Checking the backup of ${manifest.createdAt} (Atrium ${manifest.atriumVersion}) against its manifest …`,
  );
  const damaged = [
    ...(await mismatchedFiles(source, manifest.database.dumpFiles)),
    ...(await mismatchedFiles(path.join(source, "files"), manifest.files.entries)),
  ];
  if (damaged.length > 0) {
    throw new BackupError(
      `The backup is damaged: ${damaged.length} file(s) differ from its manifest (e.g. ${damaged.slice(0, 3).join(", ")}). Restore from another copy of the backup.`,
    );
  }
  return level;
}

async function assertFreshDataDir(dataDir: string): Promise<void> {
  const present = await listDataFiles(dataDir);
  if (present.length > 0) {
    throw new BackupError(
      `The data directory ${dataDir} already holds files (e.g. ${present.slice(0, 2).join(", ")}): set ATRIUM_DATA_DIR to a new, empty directory to restore into.`,
    );
  }
}

async function assertEmptyDatabase(client: pg.Client, database: TargetDatabase): Promise<void> {
  const found = await existingRelations(client);
  if (found.count > 0) {
    throw new BackupError(
      `The target ${database.description} is not empty (${found.count} tables and sequences, e.g. ${found.some.join(", ")}): restore into a new, empty database — create one (e.g. createdb atrium_restored) and set DATABASE_URL to it, or set ATRIUM_DATA_DIR to a new directory.`,
    );
  }
}

async function restoreWithPgRestore(
  source: string,
  manifest: Manifest,
  url: string,
  options: RestoreOptions,
) {
  const needed = manifest.database.toolMajor ?? manifest.database.serverMajor;
  const found = await findPgTool("pg_restore", needed, {
    explicit: options.pgRestore,
    pathVariable: options.pathVariable,
  });
  if (!found.tool) {
    const seen = found.seen.map((t) => `${t.major} at ${t.path}`).join(", ") || "none";
    throw new BackupError(
      `This backup was written by pg_dump ${needed}; restoring it needs pg_restore ${needed} or newer (found: ${seen}). Install the PostgreSQL ${needed} client tools or set PG_RESTORE.`,
    );
  }
  options.log(`Restoring the database with ${found.tool.version} (${found.tool.path}) …`);
  const { connection, env } = libpqTarget(url);
  const file = path.join(source, manifest.database.dumpFiles[0]?.path ?? "database.dump");
  // Ownership and grants are the new server's: the app role's rights are granted again below.
  await runPgTool(
    found.tool,
    [
      "--no-owner",
      "--no-acl",
      "--exit-on-error",
      "--single-transaction",
      "--no-password",
      `--dbname=${connection}`,
      file,
    ],
    env,
  );
}

async function restoreBuiltin(
  source: string,
  manifest: Manifest,
  url: string,
  level: number,
  client: pg.Client,
) {
  await migrateToLevel(client, level);
  if (manifest.pgBossVersion !== null) {
    // pg-boss creates its schema at its version; each queue's job partition is made by its own function.
    const queue = new JobQueue(url, { work: false });
    await queue.start();
    await queue.stop();
    const queues = (manifest.copies ?? []).find((c) => c.schema === QUEUE_SCHEMA && c.table === "queue");
    if (queues) {
      for (const name of await columnValues(path.join(source, queues.file), queues.columns.indexOf("name"))) {
        await client.query(`select ${ident(QUEUE_SCHEMA)}.create_queue($1, '{}'::json)`, [name]);
      }
    }
  }
  await loadLogical(client, source, manifest);
}

/**
 * Restores a backup into a fresh database (DATABASE_URL's, or a new embedded one in ATRIUM_DATA_DIR)
 * and a fresh data directory, then compares row counts and file hashes with the manifest. Refuses,
 * before changing anything, a damaged backup, one from a newer Atrium, a database that is not empty
 * and a data directory that already holds files.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const { config, log } = options;
  const source = path.resolve(options.source);
  const isDir = await stat(source).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    throw new BackupError(
      `${source} is not a directory: give the backup directory that "npm run backup" wrote.`,
    );
  }
  const manifest = await readManifest(source);
  const level = await assertBackupUsable(source, manifest, log);
  await assertFreshDataDir(config.dataDir);

  const database = await openTargetDatabase(config, { create: true, log });
  try {
    const client = new pg.Client({ connectionString: database.url, application_name: "atrium-restore" });
    await client.connect();
    let tables: RestoreReport["tables"];
    try {
      await assertSeesAllRows(client);
      await assertEmptyDatabase(client, database);
      log(`Restoring into the ${database.description} (dump method: ${manifest.database.method}) …`);
      if (manifest.database.method === "pg_dump")
        await restoreWithPgRestore(source, manifest, database.url, options);
      else await restoreBuiltin(source, manifest, database.url, level, client);
      const refs = Object.keys(manifest.tables).map((key) => {
        const dot = key.indexOf(".");
        return { schema: key.slice(0, dot), name: key.slice(dot + 1) };
      });
      const restored = await countRows(client, refs);
      tables = Object.entries(manifest.tables).map(([table, expected]) => ({
        table,
        expected,
        restored: restored[table] ?? -1,
      }));
    } finally {
      await client.end().catch(() => {});
    }
    // Later migrations (a backup of an older Atrium), roles, row-level security and functions, as at a start.
    const owner = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      await migrateDatabase(owner, options.databaseFunctions);
      if (manifest.pgBossVersion !== null) await grantQueueAccess(owner, QUEUE_SCHEMA);
    } finally {
      await owner.end();
    }

    log(`Restoring ${manifest.files.count} files into ${config.dataDir} …`);
    await restoreDataFiles(path.join(source, "files"), config.dataDir, manifest.files.entries);
    const badFiles = await mismatchedFiles(config.dataDir, manifest.files.entries);
    const ok = badFiles.length === 0 && tables.every((t) => t.expected === t.restored);
    return { tables, badFiles, fileCount: manifest.files.count, ok };
  } finally {
    await database.release();
  }
}

/** The comparison with the manifest as lines for the operator. */
export function describeReport(report: RestoreReport): string[] {
  const width = Math.max(...report.tables.map((t) => t.table.length), 5);
  const lines = [`${"table".padEnd(width)}  ${"backup".padStart(8)}  ${"restored".padStart(8)}`];
  for (const t of report.tables) {
    const mark = t.expected === t.restored ? "ok" : "MISMATCH";
    lines.push(
      `${t.table.padEnd(width)}  ${String(t.expected).padStart(8)}  ${String(t.restored).padStart(8)}  ${mark}`,
    );
  }
  const matching = report.fileCount - report.badFiles.length;
  lines.push(`files: ${matching} of ${report.fileCount} identical to the backup (SHA-256)`);
  for (const file of report.badFiles.slice(0, 10)) lines.push(`  differs: ${file}`);
  return lines;
}
