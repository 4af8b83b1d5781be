import pg from "pg";
import { APP_ROLE } from "../../server/platform/db/pool.js";

/** The reviewed SECURITY DEFINER functions (schema.name), each with its ADR. */
const knownDefinerFunctions = [
  // ADR 0005: the client list's search through the trigram index, filtered to app.firm_id.
  "public.client_file_search",
];

/**
 * SEC-10: reads the catalog and lists every way tenant isolation is not set up right; empty is good.
 * Firm tables are all tables with a firm_id column.
 */
export async function findRlsProblems(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const problems: string[] = [];
  try {
    const role = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      "select rolsuper, rolbypassrls from pg_roles where rolname = $1",
      [APP_ROLE],
    );
    const r = role.rows[0];
    if (!r) problems.push(`role ${APP_ROLE} does not exist`);
    else {
      if (r.rolsuper) problems.push(`${APP_ROLE} is a superuser`);
      if (r.rolbypassrls) problems.push(`${APP_ROLE} has BYPASSRLS`);
    }
    const owned = await client.query<{ relname: string }>(
      "select c.relname from pg_class c join pg_roles o on o.oid = c.relowner where o.rolname = $1",
      [APP_ROLE],
    );
    for (const { relname } of owned.rows) problems.push(`${APP_ROLE} owns ${relname}`);

    const tables = await client.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'firm_id' and not a.attisdropped)`);
    if (tables.rows.length === 0) problems.push("no firm tables found (is the schema migrated?)");
    for (const t of tables.rows) {
      if (!t.relrowsecurity) problems.push(`${t.relname}: row-level security not enabled`);
      if (!t.relforcerowsecurity) problems.push(`${t.relname}: row-level security not forced`);
      const policies = await client.query<{ qual: string | null }>(
        "select qual from pg_policies where schemaname = 'public' and tablename = $1 and policyname = 'firm_isolation'",
        [t.relname],
      );
      const qual = policies.rows[0]?.qual ?? "";
      if (!/current_setting\('app\.firm_id'/.test(qual) || !/nullif/i.test(qual)) {
        problems.push(`${t.relname}: no firm_isolation policy on app.firm_id`);
      }
    }

    // A view runs with its owner's rights unless security_invoker is set; over firm tables that bypasses RLS.
    const views = await client.query<{ relname: string }>(`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('v', 'm')
        and not coalesce(c.reloptions::text[] @> array['security_invoker=true'], false)`);
    for (const { relname } of views.rows) problems.push(`view ${relname} does not use security_invoker`);

    // A SECURITY DEFINER function runs with its owner's rights, which may bypass RLS: each one is
    // reviewed (and has an ADR), pins its search_path with pg_temp last, and only the app role calls it.
    const definers = await client.query<{ name: string; config: string[] | null; anyone: boolean }>(`
      select n.nspname || '.' || p.proname as name, p.proconfig as config,
             p.proacl is null or exists (
               select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE'
             ) as anyone
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')
      order by 1`);
    for (const f of definers.rows) {
      if (!knownDefinerFunctions.includes(f.name))
        problems.push(`function ${f.name} is an unknown SECURITY DEFINER`);
      const path = f.config?.find((c) => c.startsWith("search_path="));
      if (!path || !/pg_temp\s*$/.test(path))
        problems.push(`function ${f.name} runs as its owner without a fixed search_path ending in pg_temp`);
      if (f.anyone) problems.push(`function ${f.name} runs as its owner and PUBLIC may execute it`);
    }

    // With no firm set, the app role sees nothing of any firm table.
    await client.query("begin");
    await client.query(`set local role ${APP_ROLE}`);
    for (const t of tables.rows) {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from "${t.relname}"`);
      if ((rows[0]?.n ?? 0) > 0) problems.push(`${t.relname}: ${rows[0]?.n} rows visible with no firm set`);
    }
    await client.query("rollback");
  } finally {
    await client.end();
  }
  return problems;
}
