import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { visibleClientFilesCondition } from "../access/client-files.access.js";
import type { StaffActor } from "../access/staff.policy.js";
import { clientFiles, persons } from "./clients.tables.js";

export type PersonRecord = typeof persons.$inferSelect;

function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("person queries need a firm scope");
  return firmId;
}

/** The persons of one file, holders first, then by name. */
export async function listPersonsOfFile(tx: ScopedTx, fileId: string) {
  return tx.db
    .select()
    .from(persons)
    .where(and(eq(persons.firmId, firmOf(tx)), eq(persons.clientFileId, fileId)))
    .orderBy(
      sql`case ${persons.role} when 'holder' then 0 when 'co_holder' then 1 when 'partner' then 2
        when 'child' then 3 when 'relative' then 4 when 'contact' then 5 else 6 end`,
      asc(persons.lastName),
      asc(persons.firstName),
      asc(persons.id),
    );
}

/** One person of one file, or undefined. */
export async function findPersonOfFile(tx: ScopedTx, fileId: string, personId: string) {
  const [row] = await tx.db
    .select()
    .from(persons)
    .where(and(eq(persons.firmId, firmOf(tx)), eq(persons.clientFileId, fileId), eq(persons.id, personId)));
  return row;
}

/** The current holder of a file, or undefined. */
export async function findHolder(tx: ScopedTx, fileId: string) {
  const [row] = await tx.db
    .select()
    .from(persons)
    .where(and(eq(persons.firmId, firmOf(tx)), eq(persons.clientFileId, fileId), eq(persons.role, "holder")))
    .limit(1);
  return row;
}

/** Inserts a person. */
export async function insertPerson(tx: ScopedTx, values: Omit<typeof persons.$inferInsert, "firmId">) {
  const [row] = await tx.db
    .insert(persons)
    .values({ ...values, firmId: firmOf(tx) })
    .returning();
  if (!row) throw new Error("insert returned no person");
  return row;
}

/** Updates a person and returns the new row. */
export async function updatePersonRow(
  tx: ScopedTx,
  personId: string,
  values: Partial<Omit<typeof persons.$inferInsert, "firmId" | "id" | "clientFileId">>,
) {
  const [row] = await tx.db
    .update(persons)
    .set(values)
    .where(and(eq(persons.firmId, firmOf(tx)), eq(persons.id, personId)))
    .returning();
  if (!row) throw new Error("update found no person");
  return row;
}

/** Deletes a person. */
export async function deletePersonRow(tx: ScopedTx, personId: string) {
  await tx.db.delete(persons).where(and(eq(persons.firmId, firmOf(tx)), eq(persons.id, personId)));
}

/** Whether another person of the firm already has this external id. */
export async function isPersonExternalIdTaken(tx: ScopedTx, externalId: string, exceptPersonId?: string) {
  const conditions = [eq(persons.firmId, firmOf(tx)), eq(persons.externalId, externalId)];
  if (exceptPersonId) conditions.push(ne(persons.id, exceptPersonId));
  const rows = await tx.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(...conditions))
    .limit(1);
  return rows.length > 0;
}

/**
 * For each of `personIds`, the other persons of the firm with the same email, in one query over the
 * email index, each marked whether the actor may see its file.
 */
export async function findSharedEmails(tx: ScopedTx, actor: StaffActor, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  const firmId = firmOf(tx);
  const visible = visibleClientFilesCondition(actor) ?? sql`true`;
  const mine = tx.db
    .select({ id: persons.id, email: persons.email })
    .from(persons)
    .where(and(eq(persons.firmId, firmId), inArray(persons.id, [...personIds])))
    .as("mine");
  return tx.db
    .select({
      personId: mine.id,
      otherId: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      clientFileId: persons.clientFileId,
      clientFileName: clientFiles.displayName,
      visible: sql<boolean>`coalesce(${visible}, false)`,
    })
    .from(mine)
    .innerJoin(
      persons,
      and(eq(persons.firmId, firmId), eq(persons.email, mine.email), ne(persons.id, mine.id)),
    )
    .innerJoin(clientFiles, and(eq(clientFiles.firmId, firmId), eq(clientFiles.id, persons.clientFileId)))
    .orderBy(persons.lastName, persons.firstName, persons.id);
}
