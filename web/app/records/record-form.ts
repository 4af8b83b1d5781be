import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { z } from "zod";
import type { Language } from "../../../contracts/common";
import { ApiError } from "../../ui/api";
import { applyApiError } from "../../ui/form";
import { isAmount, normalizeAmount } from "./record-format";

/**
 * Places an API error on a record form: `invalid` and `conflict` field messages under their fields
 * (`contractIds.0` under `contractIds`); returns the message for an alert when none could be placed.
 */
export function applyRecordError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | undefined {
  if (!(error instanceof ApiError)) return applyApiError(error, setError, fields);
  const details = error.details as { fields?: Array<{ field: string; message: string }> } | undefined;
  const renamed = (details?.fields ?? []).map((f) => ({ ...f, field: f.field.replace(/\.\d+$/, "") }));
  const asInvalid = new ApiError(error.status, "invalid", error.message, { fields: renamed });
  return error.code === "invalid" || (error.code === "conflict" && renamed.length > 0)
    ? applyApiError(asInvalid, setError, fields)
    : error.message;
}

/** An amount typed in the form: empty allowed only when `optional`; checked as the API will. */
export function amountField(language: Language, optional: boolean) {
  return z.string().refine((value) => {
    const trimmed = value.trim();
    if (trimmed === "") return optional;
    return isAmount(normalizeAmount(trimmed, language));
  }, "records.validation.amount");
}

/** A currency code typed in the form (upper-cased before sending). */
export const currencyField = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "records.validation.currency");

/** Optional text as the API takes it: empty means none. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** An amount typed in the form as the API takes it, or null when left empty. */
export function amountOrNull(value: string, language: Language): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : normalizeAmount(trimmed, language);
}

/** The currencies offered first; any other ISO code can be typed. */
export const commonCurrencies = ["EUR", "CHF", "USD", "GBP"] as const;
