import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import { migrationsFolder } from "../paths.js";
import { createFirmFunction } from "./firm-function.js";
import { APP_ROLE } from "./pool.js";
import { createSessionActorFunction } from "./session-actor.sql.js";

/** Creates (or replaces) one of the modules' database functions, once the tables exist. */
export type DatabaseFunction = (client: pg.PoolClient) => Promise<void>;

/**
 * Applies the committed Drizzle migrations, (re)asserts roles, grants and row-level security, then
 * (re)creates the modules' database `functions`.
 */
export async function migrateDatabase(owner: pg.Pool, functions: readonly DatabaseFunction[]): Promise<void> {
  const client = await owner.connect();
  try {
    // One migrator at a time when several processes start together.
    await client.query("select pg_advisory_lock(hashtext('atrium.migrate'))");
    await migrate(drizzle({ client }), { migrationsFolder, migrationsSchema: "drizzle" });
    await secureDatabase(client);
    for (const create of functions) await create(client);
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('atrium.migrate'))").catch(() => {});
    client.release();
  }
}

const isolationPredicate = "firm_id = nullif(current_setting('app.firm_id', true), '')::uuid";
const sweepPredicate = "nullif(current_setting('app.reminder_sweep', true), '') = 'on'";

/**
 * Tables an account may also read for itself across firms (its own memberships), keyed by user id.
 * Everything else with a firm_id is visible only inside its firm.
 */
const accountReadable: Record<string, string> = {
  staff_members: "user_id",
  // The portal's firm and file switcher (PORTAL-2) starts from the account's grantee rows at every firm.
  grantees: "account_id",
};

/**
 * Idempotent: creates the app role, grants it data rights (never ownership), and puts every table
 * that has a firm_id column under FORCEd row-level security with the firm isolation policy.
 * Done by rule rather than per migration so a new firm table cannot be forgotten.
 */
export async function secureDatabase(client: pg.PoolClient | pg.Client): Promise<void> {
  await client.query(`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
        create role ${APP_ROLE} nologin nosuperuser nobypassrls noinherit;
      end if;
    -- Roles are per server: another database on it may create the role at the same moment.
    exception when duplicate_object or unique_violation then null;
    end $$;`);
  await client.query(`grant ${APP_ROLE} to current_user`);
  await client.query(`grant usage on schema public to ${APP_ROLE}`);
  await client.query(`grant select, insert, update, delete on all tables in schema public to ${APP_ROLE}`);
  await client.query(`grant usage, select on all sequences in schema public to ${APP_ROLE}`);

  const { rows } = await client.query<{ table_name: string }>(`
    select c.table_name from information_schema.columns c
    join information_schema.tables t using (table_schema, table_name)
    where c.table_schema = 'public' and c.column_name = 'firm_id' and t.table_type = 'BASE TABLE'
    order by 1`);
  for (const { table_name: table } of rows) {
    await client.query(`alter table "${table}" enable row level security`);
    await client.query(`alter table "${table}" force row level security`);
    await client.query(`drop policy if exists firm_isolation on "${table}"`);
    await client.query(
      `create policy firm_isolation on "${table}" using (${isolationPredicate}) with check (${isolationPredicate})`,
    );
    const userColumn = accountReadable[table];
    await client.query(`drop policy if exists account_reads_own on "${table}"`);
    if (userColumn) {
      await client.query(
        `create policy account_reads_own on "${table}" for select using ("${userColumn}" = nullif(current_setting('app.user_id', true), ''))`,
      );
    }
  }

  // An emailed link is opened before anyone knows the firm: a transaction that set app.token_hash may
  // read the one token row with that hash (platform/tokens). Changing it still needs the firm scope.
  await client.query("drop policy if exists token_lookup on one_time_tokens");
  await client.query(
    "create policy token_lookup on one_time_tokens for select using (token_hash = nullif(current_setting('app.token_hash', true), ''))",
  );

  // The reminder sweep (INV-4) finds due invitations of every firm at once: a transaction that set
  // app.reminder_sweep may read and advance them; what a reminder then sends runs in its firm's scope.
  for (const command of ["select", "update"] as const) {
    await client.query(`drop policy if exists reminder_sweep_${command} on client_invitations`);
    await client.query(
      `create policy reminder_sweep_${command} on client_invitations for ${command} using (${sweepPredicate})${command === "update" ? ` with check (${sweepPredicate})` : ""}`,
    );
  }

  await createClientFileSearch(client);
  await createSessionActorFunction(client);
}

/**
 * The client list's search (ADR 0005). Under row-level security PostgreSQL will not use the trigram
 * index for LIKE, which is not leakproof, and reads every file of the firm instead. This function
 * runs as its owner: when that role bypasses RLS (a superuser, as the embedded database's owner is)
 * the index serves the search, and the explicit app.firm_id filter is what keeps it to the firm. Under
 * an owner without BYPASSRLS the table's policy applies as well: same answers, without the index.
 * EXECUTE … USING plans each call with the real firm and patterns, which a generic plan cannot weigh
 * (callers pass no pattern without letters or digits: it has no trigrams and would read the whole
 * index).
 */
async function createClientFileSearch(client: pg.PoolClient | pg.Client): Promise<void> {
  await createFirmFunction(client, {
    name: "client_file_search",
    params: "patterns text[]",
    columns: `firm_id uuid, id uuid, kind text, display_name text, number text, case_owner_id text,
              updated_at timestamptz`,
    options: `security definer
      -- The table is read on every search and stays in memory, where reading pages out of order
      -- costs about what reading them in order does (the usual value for memory and SSDs).
      set random_page_cost = 1.1
      -- A plain scan here reads every firm's rows; a firm's range of an index or the trigram index
      -- always does better. Without these two, PostgreSQL 15 and a fresh bulk load both pick it for a
      -- pattern matching a fifth of the files, at two to three times the trigram index's cost.
      set enable_seqscan = off`,
    body: `return query execute
        'select f.firm_id, f.id, f.kind, f.display_name, f.number, f.case_owner_id, f.updated_at
           from public.client_files f
          where f.firm_id = $1 and f.search_text like any ($2)'
        using firm, patterns;`,
  });
}

/** Lets the app role enqueue jobs inside its own transactions (pg-boss's schema exists by now). */
export async function grantQueueAccess(owner: pg.Pool, schema: string): Promise<void> {
  await owner.query(`grant usage on schema ${schema} to ${APP_ROLE}`);
  await owner.query(`grant select, insert on all tables in schema ${schema} to ${APP_ROLE}`);
}
