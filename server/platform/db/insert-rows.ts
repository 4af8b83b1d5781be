import { getTableColumns, getTableName, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { ScopedTx } from "./scope.js";

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts many rows of a table in one statement with a single parameter: the rows as JSON, spread by
 * json_populate_recordset. For set-based work of hundreds of rows (a bulk invitation's chunk), where
 * building a statement with a parameter per value costs more than the insert itself. Columns left out
 * of the rows take their defaults; dates travel as ISO instants. Answers the `returning` columns of
 * the stored rows (match them by key: their order is not promised).
 */
export async function insertRows<T extends PgTable, K extends keyof InferSelectModel<T> & string>(
  tx: ScopedTx,
  table: T,
  rows: ReadonlyArray<InferInsertModel<T>>,
  returning: readonly K[] = [],
): Promise<Array<Pick<InferSelectModel<T>, K>>> {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table));
  // Every row gives the same columns (a missing value is stored as null, not as the default).
  const given = new Set(Object.keys(rows[0] as object));
  const used = columns.filter(([key]) => given.has(key));
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(used.map(([key, column]) => [column.name, (row as never)[key] ?? null])),
    ),
  );
  const names = used.map(([, column]) => quoted(column.name)).join(", ");
  const name = quoted(getTableName(table));
  const answered = columns.filter(([key]) => (returning as readonly string[]).includes(key));
  const { rows: stored } = await tx.client.query(
    `insert into ${name} (${names}) select ${names} from json_populate_recordset(null::${name}, $1::json)${
      answered.length ? ` returning ${answered.map(([, column]) => quoted(column.name)).join(", ")}` : ""
    }`,
    [json],
  );
  // Back to the table's keys and types, as drizzle would answer them.
  return stored.map(
    (raw: Record<string, unknown>) =>
      Object.fromEntries(
        answered.map(([key, column]) => {
          const value = raw[column.name];
          return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
        }),
      ) as Pick<InferSelectModel<T>, K>,
  );
}
