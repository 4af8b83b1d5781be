import { readFileSync } from "node:fs";
import path from "node:path";
import { migrationsFolder } from "../paths.js";
import type { Database } from "./pool.js";

const journalFile = path.join(migrationsFolder, "meta/_journal.json");

let shipped: number | undefined;

/** How many migrations this build ships (read once). */
export function expectedMigrationCount(): number {
  shipped ??= (JSON.parse(readFileSync(journalFile, "utf8")) as { entries: unknown[] }).entries.length;
  return shipped;
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
