import type { AssetInput, AssetUpdate } from "../../../contracts/records.js";
import type { AssetValues } from "./assets.queries.js";
import type { assets } from "./records.tables.js";
import { checkCurrency, type FieldProblems, parseMoney } from "./records.validation.js";

// An asset's validation, shared by the back office and the portal (PORTAL-8).

/** The columns an asset input or patch sets, with its value and currency checked. */
export function assetValuesOf(input: AssetUpdate, problems: FieldProblems): Partial<AssetValues> {
  const values: Partial<AssetValues> = {};
  if (input.kind !== undefined) values.kind = input.kind;
  if (input.description !== undefined) values.description = input.description;
  if (input.value !== undefined) {
    const value = parseMoney(problems, "value", input.value, "not_negative");
    if (value !== null) values.value = value;
  }
  if (input.currency !== undefined) {
    checkCurrency(problems, "currency", input.currency);
    values.currency = input.currency;
  }
  if (input.valuationDate !== undefined) values.valuationDate = input.valuationDate ?? null;
  return values;
}

/** A new asset's row from its input (back office or portal), or field problems collected in `problems`. */
export function newAssetRow(
  input: AssetInput,
  where: { firmId: string; clientFileId: string; id: string; at: Date },
  problems: FieldProblems,
): typeof assets.$inferInsert {
  const changed = assetValuesOf(input, problems);
  return {
    firmId: where.firmId,
    id: where.id,
    clientFileId: where.clientFileId,
    kind: input.kind,
    description: input.description,
    value: changed.value ?? "0.00",
    currency: input.currency ?? "EUR",
    valuationDate: input.valuationDate ?? null,
    createdAt: where.at,
    updatedAt: where.at,
  };
}
