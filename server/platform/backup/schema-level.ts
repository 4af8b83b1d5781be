import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import { migrationsFolder } from "../paths.js";
import { shippedMigrations } from "./catalog.js";
import { BackupError, type Manifest } from "./manifest.js";

/**
 * How many of this Atrium's migrations the backup's database had. A backup from a newer Atrium, or
 * from a line of migrations this one does not know, cannot be restored here.
 */
export async function backupMigrationLevel(manifest: Manifest): Promise<number> {
  const shipped = await shippedMigrations();
  const { lastCreatedAt, applied, lastTag } = manifest.migrations;
  if (applied === 0) return 0;
  const index = shipped.findIndex((entry) => entry.when === lastCreatedAt);
  const newest = shipped.at(-1)?.when ?? 0;
  if (index < 0 && lastCreatedAt > newest) {
    throw new BackupError(
      `This backup was made by a newer Atrium (${manifest.atriumVersion}, migration ${lastTag ?? lastCreatedAt}): restore it with Atrium ${manifest.atriumVersion} or newer.`,
    );
  }
  if (index < 0) {
    throw new BackupError(
      `This backup's schema (migration ${lastTag ?? lastCreatedAt}, Atrium ${manifest.atriumVersion}) is unknown to this Atrium: restore it with Atrium ${manifest.atriumVersion}.`,
    );
  }
  return index + 1;
}

/** The schema version of the installed pg-boss (its version.json). */
export function installedPgBossVersion(): number {
  const require = createRequire(import.meta.url);
  return (require("pg-boss/version.json") as { schema: number }).schema;
}

/**
 * Applies this Atrium's first `level` migrations only (drizzle applies a folder's journal in full, so
 * a copy with the journal cut at `level` is used): the built-in dump's rows fit exactly that schema.
 * The rest, with roles and row-level security, follow once the rows are in.
 */
export async function migrateToLevel(client: pg.Client, level: number): Promise<void> {
  const shipped = await shippedMigrations();
  const folder = await mkdtemp(path.join(os.tmpdir(), "atrium-migrations-"));
  try {
    await mkdir(path.join(folder, "meta"));
    const entries = shipped.slice(0, level);
    for (const entry of entries) {
      await copyFile(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    }
    await writeFile(
      path.join(folder, "meta/_journal.json"),
      JSON.stringify({ version: "7", dialect: "postgresql", entries }),
    );
    await migrate(drizzle({ client }), { migrationsFolder: folder, migrationsSchema: "drizzle" });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
