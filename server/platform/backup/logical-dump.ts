import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip, gunzipSync } from "node:zlib";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { copyColumns, ident, listSequences, qualified, type TableRef } from "./catalog.js";
import { hashFile } from "./data-files.js";
import type { Manifest, StoredFile } from "./manifest.js";

type Copies = NonNullable<Manifest["copies"]>;
type Sequences = NonNullable<Manifest["sequences"]>;

/**
 * The built-in dump, for a server newer than any pg_dump here (the embedded PostgreSQL ships none):
 * each table's rows as COPY text, gzipped, and each sequence's position. Run inside the caller's
 * REPEATABLE READ transaction, so every table is read in one snapshot. The schema is not dumped: a
 * restore builds it by running the same migrations.
 */
export async function dumpLogical(
  client: pg.Client,
  tables: readonly TableRef[],
  dir: string,
): Promise<{ copies: Copies; sequences: Sequences; dumpFiles: StoredFile[] }> {
  await mkdir(path.join(dir, "database"), { recursive: true, mode: 0o700 });
  const copies: Copies = [];
  const dumpFiles: StoredFile[] = [];
  for (const [index, table] of tables.entries()) {
    const columns = await copyColumns(client, table);
    const file = `database/${String(index + 1).padStart(4, "0")}-${table.schema}.copy.gz`;
    const list = columns.map(ident).join(", ");
    // COPY (SELECT …) also reads a partitioned table (pg-boss's jobs), which plain COPY TO refuses.
    const source = client.query(copyTo(`copy (select ${list} from ${qualified(table)}) to stdout`));
    await pipeline(
      source,
      createGzip(),
      createWriteStream(path.join(dir, file), { flags: "wx", mode: 0o600 }),
    );
    copies.push({ table: table.name, schema: table.schema, file, columns });
    dumpFiles.push({ path: file, ...(await hashFile(path.join(dir, file))) });
  }
  const sequences: Sequences = [];
  for (const sequence of await listSequences(client)) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text, is_called from ${qualified(sequence)}`,
    );
    const row = rows[0];
    if (row) sequences.push({ ...sequence, lastValue: row.last_value, isCalled: row.is_called });
  }
  return { copies, sequences, dumpFiles };
}

/** The values of one column in a COPY text file (used for pg-boss's queue names). */
export async function columnValues(file: string, column: number): Promise<string[]> {
  const text = gunzipSync(await readFile(file)).toString("utf8");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => unescapeCopy(line.split("\t")[column] ?? ""));
}

function unescapeCopy(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r" })[c] ?? c);
}

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/**
 * Loads the dumped rows into the freshly migrated schema in one transaction. Foreign keys are dropped
 * while the rows go in (any table order works, no superuser needed) and added again after, which
 * checks every reference once; the sequences are set to where they were.
 */
export async function loadLogical(client: pg.Client, dir: string, manifest: Manifest): Promise<void> {
  const copies = manifest.copies ?? [];
  await client.query("begin");
  try {
    const { rows: keys } = await client.query<ForeignKey>(`
      select format('%I.%I', n.nspname, c.relname) as table, con.conname as name,
             pg_get_constraintdef(con.oid) as definition
        from pg_constraint con join pg_class c on c.oid = con.conrelid
        join pg_namespace n on n.oid = c.relnamespace
       where con.contype = 'f' and con.conparentid = 0
         and n.nspname not in ('pg_catalog', 'information_schema')`);
    for (const key of keys) await client.query(`alter table ${key.table} drop constraint ${ident(key.name)}`);
    // What the migrations and the queue's start wrote (their own bookkeeping) is replaced by the dump.
    if (copies.length > 0) {
      await client.query(
        `truncate ${copies.map((c) => qualified({ schema: c.schema, name: c.table })).join(", ")}`,
      );
    }
    for (const copy of copies) {
      const target = `${qualified({ schema: copy.schema, name: copy.table })} (${copy.columns.map(ident).join(", ")})`;
      const sink = client.query(copyFrom(`copy ${target} from stdin`));
      await pipeline(createReadStream(path.join(dir, copy.file)), createGunzip(), sink);
    }
    for (const seq of manifest.sequences ?? []) {
      await client.query("select setval($1::regclass, $2::bigint, $3)", [
        qualified(seq),
        seq.lastValue,
        seq.isCalled,
      ]);
    }
    for (const key of keys) {
      await client.query(`alter table ${key.table} add constraint ${ident(key.name)} ${key.definition}`);
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  }
}
