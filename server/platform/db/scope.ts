import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { Database } from "./pool.js";

/** Whose data a transaction may touch; row-level security reads these settings. */
export interface Scope {
  firmId?: string;
  userId?: string;
}

/** One transaction bound to a scope: Drizzle and the raw client share it (pg-boss enqueues through it). */
export interface ScopedTx {
  db: NodePgDatabase;
  client: pg.PoolClient;
  scope: Scope;
}

// One Drizzle instance per pooled connection, kept as long as the connection lives: building it for
// every transaction costs more than many a query, and prepared statements (preparedOn) hang off it.
const drizzleOfClient = new WeakMap<pg.PoolClient, NodePgDatabase>();

function drizzleOf(client: pg.PoolClient): NodePgDatabase {
  let db = drizzleOfClient.get(client);
  if (!db) {
    db = drizzle({ client });
    drizzleOfClient.set(client, db);
  }
  return db;
}

const preparedOfDb = new WeakMap<NodePgDatabase, Map<string, unknown>>();

/**
 * A named prepared statement on the transaction's connection, built by `build` the first time this
 * connection needs it and then only executed: no query building in the server, no planning in the
 * database. `name` must stand for exactly one SQL text (node-postgres refuses a second text).
 */
export function preparedOn<Q>(tx: ScopedTx, name: string, build: (db: NodePgDatabase) => Q): Q {
  let statements = preparedOfDb.get(tx.db);
  if (!statements) {
    statements = new Map();
    preparedOfDb.set(tx.db, statements);
  }
  let query = statements.get(name) as Q | undefined;
  if (query === undefined) {
    query = build(tx.db);
    statements.set(name, query);
  }
  return query;
}

/**
 * Runs `work` in one transaction with `app.firm_id` / `app.user_id` set LOCAL,
 * so the settings vanish at commit and cannot leak to the next user of the connection.
 */
export async function inScope<T>(database: Database, scope: Scope, work: (tx: ScopedTx) => Promise<T>) {
  const opened = await inScopeOpenedBy(
    database,
    (literal) =>
      `select set_config('app.firm_id', ${literal(scope.firmId ?? "")}, true), set_config('app.user_id', ${literal(scope.userId ?? "")}, true)`,
    () => ({ scope, value: null }),
    (tx) => work(tx),
  );
  // The opening above always opens.
  return (opened as { result: T }).result;
}

/**
 * A transaction whose scope comes from its opening statements, sent in BEGIN's own round trip (the
 * simple query protocol takes no parameters: `opening` puts values in through `literal`). The first
 * statement sets app.firm_id / app.user_id LOCAL itself, so any further ones already run in that
 * scope; `decide` reads the rows of each statement into the scope and a value for `work` — or null,
 * and the transaction is rolled back and the answer is null.
 */
export async function inScopeOpenedBy<V, T>(
  database: Database,
  opening: (literal: (value: string) => string) => string,
  decide: (results: Array<Array<Record<string, unknown>>>) => { scope: Scope; value: V } | null,
  work: (tx: ScopedTx, value: V) => Promise<T>,
): Promise<{ result: T } | null> {
  const client = await database.app.connect();
  let broken = false;
  try {
    const results = (await client.query(
      `begin; ${opening((value) => client.escapeLiteral(value))}`,
    )) as unknown as pg.QueryResult[];
    const opened = decide(results.slice(1).map((result) => result.rows));
    if (!opened) {
      await client.query("rollback");
      return null;
    }
    const result = await work({ db: drizzleOf(client), client, scope: opened.scope }, opened.value);
    await client.query("commit");
    return { result };
  } catch (error) {
    await client.query("rollback").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Runs `work` for one firm (the common case for staff requests and firm jobs). */
export function inFirm<T>(database: Database, firmId: string, work: (tx: ScopedTx) => Promise<T>) {
  return inScope(database, { firmId }, work);
}
