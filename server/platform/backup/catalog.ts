import { readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { migrationsFolder } from "../paths.js";
import { BackupError, type Manifest } from "./manifest.js";

type Queryable = pg.Client | pg.PoolClient;

/** A table (or partitioned table, whose partitions it includes) of the database. */
export interface TableRef {
  schema: string;
  name: string;
}

/** A quoted SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** The quoted "schema"."table" of a table. */
export const qualified = (t: TableRef) => `${ident(t.schema)}.${ident(t.name)}`;
/** The manifest's key of a table. */
export const tableKey = (t: TableRef) => `${t.schema}.${t.name}`;

// Schemas of PostgreSQL itself; everything else (public, drizzle, pgboss) belongs to Atrium.
const userSchemas = `n.nspname not in ('pg_catalog', 'information_schema')
  and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'`;
// Objects an extension created (pg_trgm) come back with the extension, not with the data.
const notFromExtension = `not exists (select 1 from pg_depend d
  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;

/** Every table holding rows, partitions counted with their parent, in a stable order. */
export async function listTables(client: Queryable): Promise<TableRef[]> {
  const { rows } = await client.query<TableRef>(`
    select n.nspname as schema, c.relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and not c.relispartition and ${userSchemas} and ${notFromExtension}
     order by 1, 2`);
  return rows;
}

/** Every sequence of the database (identity and serial ones included). */
export async function listSequences(client: Queryable): Promise<TableRef[]> {
  const { rows } = await client.query<TableRef>(`
    select n.nspname as schema, c.relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'S' and ${userSchemas} and ${notFromExtension}
     order by 1, 2`);
  return rows;
}

/** The columns a dump carries: generated columns are computed again on restore. */
export async function copyColumns(client: Queryable, table: TableRef): Promise<string[]> {
  const { rows } = await client.query<{ attname: string }>(
    `select attname from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`,
    [qualified(table)],
  );
  return rows.map((r) => r.attname);
}

/** Row counts per table ("schema.table"). */
export async function countRows(client: Queryable, tables: TableRef[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from ${qualified(table)}`);
    counts[tableKey(table)] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** The server's version ("18.1") and major number. */
export async function serverVersion(client: Queryable): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ v: string; n: string }>(
    "select current_setting('server_version') as v, current_setting('server_version_num') as n",
  );
  const version = (rows[0]?.v ?? "").split(" ")[0] ?? "";
  return { version, major: Math.floor(Number(rows[0]?.n ?? 0) / 10_000) };
}

/**
 * Backup and restore read and write every firm's rows: row-level security must not hide any. With
 * row_security off, a query it would filter fails instead of quietly returning fewer rows.
 */
export async function assertSeesAllRows(client: Queryable): Promise<void> {
  const { rows } = await client.query<{ ok: boolean; who: string }>(
    "select rolsuper or rolbypassrls as ok, current_user as who from pg_roles where rolname = current_user",
  );
  if (!rows[0]?.ok) {
    throw new BackupError(
      `The database user ${rows[0]?.who ?? "?"} is subject to row-level security and would not see every firm's rows: connect as a superuser or a role with BYPASSRLS (ALTER ROLE … BYPASSRLS).`,
    );
  }
  await client.query("set row_security = off");
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

/** The migrations this Atrium ships (drizzle's journal), in order. */
export async function shippedMigrations(): Promise<JournalEntry[]> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** How far the database is migrated: drizzle's record of applied migrations. */
export async function migrationLevel(client: Queryable): Promise<Manifest["migrations"]> {
  const found = await client.query(
    "select 1 from pg_tables where schemaname = 'drizzle' and tablename = '__drizzle_migrations'",
  );
  if (found.rowCount === 0) {
    throw new BackupError(
      "This database has no Atrium schema (no drizzle.__drizzle_migrations table): check DATABASE_URL or ATRIUM_DATA_DIR.",
    );
  }
  const { rows } = await client.query<{ applied: string; last: string | null }>(
    "select count(*)::text as applied, max(created_at)::text as last from drizzle.__drizzle_migrations",
  );
  const lastCreatedAt = Number(rows[0]?.last ?? 0);
  const lastTag = (await shippedMigrations()).find((e) => e.when === lastCreatedAt)?.tag ?? null;
  return { applied: Number(rows[0]?.applied ?? 0), lastCreatedAt, lastTag };
}

/** pg-boss's schema version, or null when the queue was never started on this database. */
export async function pgBossVersion(client: Queryable, schema: string): Promise<number | null> {
  const found = await client.query(
    "select 1 from pg_tables where schemaname = $1 and tablename = 'version'",
    [schema],
  );
  if (found.rowCount === 0) return null;
  const { rows } = await client.query<{ version: number }>(`select version from ${ident(schema)}.version`);
  return rows[0]?.version ?? null;
}

/** Up to `limit` tables, views or sequences outside PostgreSQL's own schemas: a fresh database has none. */
export async function existingRelations(
  client: Queryable,
  limit = 3,
): Promise<{ count: number; some: string[] }> {
  const { rows } = await client.query<{ name: string; total: string }>(
    `select n.nspname || '.' || c.relname as name, count(*) over ()::text as total from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and ${userSchemas}
      order by 1 limit $1`,
    [limit],
  );
  return { count: Number(rows[0]?.total ?? 0), some: rows.map((r) => r.name) };
}
