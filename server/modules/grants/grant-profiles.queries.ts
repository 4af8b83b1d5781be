import { and, asc, eq, sql } from "drizzle-orm";
import type { Language } from "../../../contracts/common.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { defaultGrantProfiles } from "../firms/firm-defaults.js";
import { firmOf } from "./grants.queries.js";
import { grantProfiles } from "./grants.tables.js";

export type GrantProfileRow = typeof grantProfiles.$inferSelect;

/**
 * Writes the grant profiles every firm starts with, named in the firm's language. Safe to run again:
 * a profile whose key exists is left as the firm changed it. Firms created before profiles existed
 * get theirs the first time profiles are listed or a grant is created.
 */
export async function insertDefaultGrantProfiles(tx: ScopedTx, language: Language): Promise<void> {
  const firmId = firmOf(tx);
  await tx.db
    .insert(grantProfiles)
    .values(
      defaultGrantProfiles.map((p) => ({
        firmId,
        id: newId(),
        key: p.key,
        name: p.name[language],
        defaultAccess: p.defaultAccess,
        ...p.settings,
      })),
    )
    .onConflictDoNothing({ target: [grantProfiles.firmId, grantProfiles.key] });
}

/** The firm's profiles: the starting ones first (in their fixed order), then the firm's own by name. */
export async function listGrantProfiles(tx: ScopedTx): Promise<GrantProfileRow[]> {
  const order = defaultGrantProfiles.map((p) => p.key);
  return tx.db
    .select()
    .from(grantProfiles)
    .where(eq(grantProfiles.firmId, firmOf(tx)))
    .orderBy(
      sql`coalesce(array_position(${sql.param(order)}::text[], ${grantProfiles.key}), ${order.length + 1})`,
      asc(grantProfiles.name),
      asc(grantProfiles.id),
    );
}

/** One profile of the firm, or undefined. */
export async function findGrantProfile(tx: ScopedTx, id: string): Promise<GrantProfileRow | undefined> {
  const [row] = await tx.db
    .select()
    .from(grantProfiles)
    .where(and(eq(grantProfiles.firmId, firmOf(tx)), eq(grantProfiles.id, id)));
  return row;
}

/** Inserts a profile. */
export async function insertGrantProfile(tx: ScopedTx, row: typeof grantProfiles.$inferInsert) {
  await tx.db.insert(grantProfiles).values(row);
}

/** Changes a profile. */
export async function updateGrantProfileRow(
  tx: ScopedTx,
  id: string,
  values: Partial<typeof grantProfiles.$inferInsert>,
) {
  await tx.db
    .update(grantProfiles)
    .set(values)
    .where(and(eq(grantProfiles.firmId, firmOf(tx)), eq(grantProfiles.id, id)));
}

/** Deletes a profile (grants made from it keep their settings: they were copied). */
export async function deleteGrantProfileRow(tx: ScopedTx, id: string) {
  await tx.db
    .delete(grantProfiles)
    .where(and(eq(grantProfiles.firmId, firmOf(tx)), eq(grantProfiles.id, id)));
}
