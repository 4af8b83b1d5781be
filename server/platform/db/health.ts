import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./pool.js";

const journalFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../db/migrations/meta/_journal.json",
);

/** How many migrations this build ships. */
export function expectedMigrationCount(): number {
  return (JSON.parse(readFileSync(journalFile, "utf8")) as { entries: unknown[] }).entries.length;
}

/** True when the app role can query and every shipped migration has been applied. */
export async function isDatabaseReady(
  database: Database,
  expected = expectedMigrationCount(),
): Promise<boolean> {
  try {
    await database.app.query("select 1");
    const { rows } = await database.owner.query<{ applied: number }>(
      "select count(*)::int as applied from drizzle.__drizzle_migrations",
    );
    return (rows[0]?.applied ?? 0) >= expected;
  } catch {
    return false;
  }
}
