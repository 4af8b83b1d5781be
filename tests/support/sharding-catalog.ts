import pg from "pg";

/**
 * The scale plan's rule for Citus (distributed PostgreSQL, sharded by firm_id), read from the
 * catalog: every firm table's primary key leads with firm_id, and every foreign key between firm
 * tables leads with firm_id on both sides, so a firm's rows co-locate on one shard. Foreign keys
 * from a firm table to a global table (accounts) are allowed: global tables become reference
 * tables. Answers the problems found; empty is good.
 */
export async function findShardingProblems(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string; pk_first: string | null }>(`
      select c.relname as name,
             (select a.attname from pg_constraint k
                join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
               where k.conrelid = c.oid and k.contype = 'p') as pk_first
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')
         and exists (select 1 from pg_attribute a
                      where a.attrelid = c.oid and a.attname = 'firm_id' and not a.attisdropped)
       order by 1`);
    const problems: string[] = [];
    if (tables.rows.length === 0) problems.push("no firm tables found (is the schema migrated?)");
    const firmTables = new Set(tables.rows.map((t) => t.name));
    for (const t of tables.rows) {
      if (t.pk_first === null) problems.push(`${t.name}: no primary key`);
      else if (t.pk_first !== "firm_id") problems.push(`${t.name}: primary key leads with ${t.pk_first}`);
    }
    const keys = await client.query<{
      name: string;
      source: string;
      target: string;
      from_first: string;
      to_first: string;
    }>(`
      select k.conname as name, s.relname as source, d.relname as target,
             (select attname from pg_attribute where attrelid = k.conrelid and attnum = k.conkey[1]) as from_first,
             (select attname from pg_attribute where attrelid = k.confrelid and attnum = k.confkey[1]) as to_first
        from pg_constraint k
        join pg_class s on s.oid = k.conrelid
        join pg_class d on d.oid = k.confrelid
        join pg_namespace n on n.oid = s.relnamespace
       where k.contype = 'f' and n.nspname = 'public'
       order by 1`);
    for (const k of keys.rows) {
      if (!firmTables.has(k.source) || !firmTables.has(k.target)) continue;
      if (k.from_first !== "firm_id" || k.to_first !== "firm_id")
        problems.push(`${k.source}.${k.name}: foreign key to ${k.target} does not lead with firm_id`);
    }
    return problems;
  } finally {
    await client.end();
  }
}
