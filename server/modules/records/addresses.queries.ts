import { and, asc, eq, inArray } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { referenceAddressContracts, referenceAddresses } from "./records.tables.js";

/** A reference address row as read. */
export type AddressRow = typeof referenceAddresses.$inferSelect;
/** The columns an address's use cases write. */
export type AddressValues = Pick<
  AddressRow,
  "label" | "street" | "postalCode" | "city" | "country" | "updatedAt"
>;

/** The file's reference addresses, by label. */
export async function listAddressRows(tx: ScopedTx, firmId: string, fileId: string) {
  return tx.db
    .select()
    .from(referenceAddresses)
    .where(and(eq(referenceAddresses.firmId, firmId), eq(referenceAddresses.clientFileId, fileId)))
    .orderBy(asc(referenceAddresses.label), asc(referenceAddresses.id));
}

/** One reference address of the file, or undefined. */
export async function findAddressRow(tx: ScopedTx, firmId: string, fileId: string, id: string) {
  const [row] = await tx.db
    .select()
    .from(referenceAddresses)
    .where(
      and(
        eq(referenceAddresses.firmId, firmId),
        eq(referenceAddresses.clientFileId, fileId),
        eq(referenceAddresses.id, id),
      ),
    );
  return row;
}

/** The linked contract ids of the given addresses, in one query. */
export async function linksOf(tx: ScopedTx, firmId: string, addressIds: string[]) {
  if (addressIds.length === 0) return [];
  return tx.db
    .select({
      addressId: referenceAddressContracts.addressId,
      contractId: referenceAddressContracts.contractId,
    })
    .from(referenceAddressContracts)
    .where(
      and(
        eq(referenceAddressContracts.firmId, firmId),
        inArray(referenceAddressContracts.addressId, addressIds),
      ),
    );
}

/** Inserts an address. */
export async function insertAddress(tx: ScopedTx, row: typeof referenceAddresses.$inferInsert) {
  await tx.db.insert(referenceAddresses).values(row);
}

/** Overwrites an address's values. */
export async function updateAddressRow(tx: ScopedTx, firmId: string, id: string, values: AddressValues) {
  await tx.db
    .update(referenceAddresses)
    .set(values)
    .where(and(eq(referenceAddresses.firmId, firmId), eq(referenceAddresses.id, id)));
}

/** Makes `contractIds` the address's linked contracts. */
export async function replaceLinks(tx: ScopedTx, firmId: string, addressId: string, contractIds: string[]) {
  await tx.db
    .delete(referenceAddressContracts)
    .where(
      and(eq(referenceAddressContracts.firmId, firmId), eq(referenceAddressContracts.addressId, addressId)),
    );
  if (contractIds.length > 0)
    await tx.db
      .insert(referenceAddressContracts)
      .values(contractIds.map((contractId) => ({ firmId, addressId, contractId })));
}

/** Deletes an address (its links go with it). */
export async function deleteAddressRow(tx: ScopedTx, firmId: string, id: string) {
  await tx.db
    .delete(referenceAddresses)
    .where(and(eq(referenceAddresses.firmId, firmId), eq(referenceAddresses.id, id)));
}
