import type { ImportKind } from "../../../contracts/imports.js";
import type { FieldDef } from "./field-kit.js";
import { clientFileFields } from "./fields-client-files.js";
import { contractFields } from "./fields-contracts.js";
import { personFields } from "./fields-persons.js";

export type { FieldDef, FieldType } from "./field-kit.js";

/** The fields each import kind reads. */
export const fieldsByKind: Record<ImportKind, FieldDef[]> = {
  client_files: clientFileFields,
  persons: personFields,
  contracts: contractFields,
};

/** The column name shown for a field whose column is missing: its canonical (first) alias. */
export function canonicalColumn(field: FieldDef): string {
  return field.aliases[0] ?? field.key;
}
