import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";

/** The role every application query runs as: not superuser, not BYPASSRLS, owns nothing. */
export const APP_ROLE = "atrium_app";

/** The two pools of one process: the owner's (migrations, queue maintenance) and the app role's. */
export interface Database {
  /** Connects as the database owner; only migrations, pg-boss and `unsafe…` system code use it. */
  owner: pg.Pool;
  /** Every connection has switched to APP_ROLE, so row-level security applies to each query. */
  app: pg.Pool;
  /** Drizzle over the app pool, for work outside a firm scope (global tables only). */
  appDb: NodePgDatabase;
  close(): Promise<void>;
}

// Timestamps and dates come back as strings the presenters format; bigint counts as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** Opens both pools on one database URL. */
export function openDatabase(url: string, opts: { appPoolSize?: number } = {}): Database {
  const owner = new pg.Pool({ connectionString: url, max: 4, application_name: "atrium-owner" });
  const app = new pg.Pool({
    connectionString: url,
    max: opts.appPoolSize ?? 20,
    application_name: "atrium-app",
    // Set in the startup packet: a connection that cannot take the role fails instead of running as owner.
    // Named statements (the portal's lists, session_actor's queries) keep one generic plan: PostgreSQL's
    // own choice re-plans the contract list on every call (0.7 ms) to save 0.2 ms of execution. Unnamed
    // statements, which most queries are, are planned once with their values as before.
    options: `-c role=${APP_ROLE} -c plan_cache_mode=force_generic_plan`,
  });
  owner.on("error", () => {});
  app.on("error", () => {});
  // A connection cut while checked out (a PostgreSQL restart mid-transaction) emits "error" on its
  // client, where the pool listens only while it is idle: unheard, that ends the process (REL-2). The
  // query in flight rejects anyway, and the broken client is dropped on release.
  for (const pool of [owner, app]) pool.on("connect", (client) => client.on("error", () => {}));
  return {
    owner,
    app,
    appDb: drizzle({ client: app }),
    async close() {
      await Promise.allSettled([owner.end(), app.end()]);
    },
  };
}
