import { existsSync } from "node:fs";
import { chmod, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { Config } from "../../config.js";
import { QUEUE_SCHEMA } from "../jobs/queue.js";
import {
  assertSeesAllRows,
  countRows,
  listTables,
  migrationLevel,
  pgBossVersion,
  serverVersion,
} from "./catalog.js";
import { openTargetDatabase } from "./connect.js";
import { backupDataFiles, hashFile } from "./data-files.js";
import { dumpLogical } from "./logical-dump.js";
import {
  atriumVersion,
  BackupError,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type Manifest,
  writeManifest,
} from "./manifest.js";
import { findPgTool, libpqTarget, runPgTool } from "./pg-tools.js";

/** What `createBackup` needs besides the configuration. */
export interface BackupOptions {
  config: Config;
  /** The new directory to write; it must not exist yet or be empty. */
  target: string;
  /** Use the built-in dump even when a fitting pg_dump exists. */
  builtin?: boolean;
  /** PG_DUMP: the pg_dump to use instead of searching PATH and /usr/lib/postgresql. */
  pgDump?: string;
  pathVariable?: string;
  log: (line: string) => void;
}

const isInside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

async function prepareTarget(target: string, dataDir: string): Promise<void> {
  if (isInside(target, dataDir)) {
    throw new BackupError(
      `The backup directory ${target} is inside the data directory ${dataDir}: choose a directory outside it (ideally on another disk).`,
    );
  }
  if (existsSync(target) && (await readdir(target)).length > 0) {
    throw new BackupError(`${target} is not empty: give a new or empty directory for the backup.`);
  }
  await mkdir(target, { recursive: true, mode: 0o700 });
}

/**
 * Writes a backup of the installation to `target`: the database (pg_dump's custom format when a
 * pg_dump at least as new as the server exists, else the built-in dump), the data directory's files,
 * and manifest.json with what a restore checks against. Everything of the database is read in one
 * snapshot; the files are copied after it, so every document row of the dump finds its file.
 */
export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const { config, log } = options;
  const target = path.resolve(options.target);
  await prepareTarget(target, config.dataDir);
  const database = await openTargetDatabase(config, { create: false, log });
  try {
    log(`Backing up the ${database.description} and the files in ${config.dataDir} to ${target}`);
    const client = new pg.Client({ connectionString: database.url, application_name: "atrium-backup" });
    await client.connect();
    let dump: Pick<Manifest, "database" | "migrations" | "pgBossVersion" | "tables" | "copies" | "sequences">;
    try {
      await assertSeesAllRows(client);
      await client.query("begin isolation level repeatable read read only");
      const server = await serverVersion(client);
      const migrations = await migrationLevel(client);
      const tables = await listTables(client);
      const counts = await countRows(client, tables);
      const boss = await pgBossVersion(client, QUEUE_SCHEMA);
      const common = { migrations, pgBossVersion: boss, tables: counts };
      const found = options.builtin
        ? { tool: null, seen: [] }
        : await findPgTool("pg_dump", server.major, {
            explicit: options.pgDump,
            pathVariable: options.pathVariable,
          });
      if (found.tool) {
        const tool = found.tool;
        log(
          `Database dump: pg_dump, custom format (${tool.version} at ${tool.path}; server ${server.version}).`,
        );
        const [{ snapshot }] = (
          await client.query<{ snapshot: string }>("select pg_export_snapshot() as snapshot")
        ).rows as [{ snapshot: string }];
        const { connection, env } = libpqTarget(database.url);
        const file = "database.dump";
        // The exported snapshot makes pg_dump read exactly what the row counts above were taken from.
        await runPgTool(
          tool,
          [
            "--format=custom",
            `--snapshot=${snapshot}`,
            "--no-password",
            `--file=${path.join(target, file)}`,
            `--dbname=${connection}`,
          ],
          env,
        );
        await chmod(path.join(target, file), 0o600);
        const dumpFiles = [{ path: file, ...(await hashFile(path.join(target, file))) }];
        dump = {
          ...common,
          database: {
            method: "pg_dump",
            serverVersion: server.version,
            serverMajor: server.major,
            tool: tool.version,
            toolMajor: tool.major,
            dumpFiles,
          },
        };
      } else {
        const why = options.builtin
          ? "asked for with --builtin"
          : found.seen.length > 0
            ? `no pg_dump ${server.major} or newer here (found ${found.seen.map((t) => `${t.major} at ${t.path}`).join(", ")})`
            : "no pg_dump found";
        log(
          `Database dump: built-in logical dump, one COPY per table in one snapshot (${why}; server ${server.version}).`,
        );
        const logical = await dumpLogical(client, tables, target);
        dump = {
          ...common,
          copies: logical.copies,
          sequences: logical.sequences,
          database: {
            method: "builtin",
            serverVersion: server.version,
            serverMajor: server.major,
            tool: "built-in",
            dumpFiles: logical.dumpFiles,
          },
        };
      }
      await client.query("commit");
    } finally {
      await client.end().catch(() => {});
    }

    if (!existsSync(config.dataDir))
      log(`Warning: the data directory ${config.dataDir} does not exist; the backup holds no files.`);
    const entries = await backupDataFiles(config.dataDir, path.join(target, "files"));
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      formatVersion: MANIFEST_VERSION,
      createdAt: new Date().toISOString(),
      atriumVersion: await atriumVersion(),
      ...dump,
      files: { count: entries.length, totalBytes: entries.reduce((sum, e) => sum + e.size, 0), entries },
    };
    await writeManifest(target, manifest);
    return manifest;
  } finally {
    await database.release();
  }
}
