import { and, asc, desc, eq } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { persons } from "../clients/clients.tables.js";
import { donations } from "./records.tables.js";

/** A donation row as read. */
export type DonationRow = typeof donations.$inferSelect;
/** The columns a donation's use cases write. */
export type DonationValues = Omit<DonationRow, "firmId" | "id" | "clientFileId" | "createdAt">;

/** The file's donations, newest first. */
export async function listDonationRows(tx: ScopedTx, firmId: string, fileId: string) {
  return tx.db
    .select()
    .from(donations)
    .where(and(eq(donations.firmId, firmId), eq(donations.clientFileId, fileId)))
    .orderBy(desc(donations.donationDate), desc(donations.id));
}

/** One donation of the file, or undefined. */
export async function findDonationRow(tx: ScopedTx, firmId: string, fileId: string, id: string) {
  const [row] = await tx.db
    .select()
    .from(donations)
    .where(and(eq(donations.firmId, firmId), eq(donations.clientFileId, fileId), eq(donations.id, id)));
  return row;
}

/** The persons of the file with their names, by last then first name. */
export async function personsOfFile(tx: ScopedTx, firmId: string, fileId: string) {
  return tx.db
    .select({ id: persons.id, firstName: persons.firstName, lastName: persons.lastName })
    .from(persons)
    .where(and(eq(persons.firmId, firmId), eq(persons.clientFileId, fileId)))
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id));
}

/** Inserts a donation. */
export async function insertDonation(tx: ScopedTx, row: typeof donations.$inferInsert) {
  await tx.db.insert(donations).values(row);
}

/** Overwrites a donation's values. */
export async function updateDonationRow(tx: ScopedTx, firmId: string, id: string, values: DonationValues) {
  await tx.db
    .update(donations)
    .set(values)
    .where(and(eq(donations.firmId, firmId), eq(donations.id, id)));
}

/** Deletes a donation. */
export async function deleteDonationRow(tx: ScopedTx, firmId: string, id: string) {
  await tx.db.delete(donations).where(and(eq(donations.firmId, firmId), eq(donations.id, id)));
}
