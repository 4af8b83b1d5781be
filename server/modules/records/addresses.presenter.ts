import type { Address, ContractSummary } from "../../../contracts/records.js";
import type { AddressRow } from "./addresses.queries.js";

/** An address row and its linked contracts → the API's reference address. */
export function presentAddress(row: AddressRow, contracts: ContractSummary[]): Address {
  return {
    id: row.id,
    clientFileId: row.clientFileId,
    label: row.label,
    street: row.street,
    postalCode: row.postalCode,
    city: row.city,
    country: row.country,
    contracts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
