import type { AssetUpdate } from "../../../contracts/records.js";
import type { AssetValues } from "./assets.queries.js";
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
