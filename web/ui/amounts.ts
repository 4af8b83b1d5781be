import { z } from "zod";
import type { Language } from "../../contracts/common";

// Amounts, currencies and optional text as people type them in a form, and as the API takes them:
// one set of rules for the back office and the portal. The messages are the records catalog's.

/**
 * Turns what a person types as an amount into the API's form with a decimal point: "1.250,50" and
 * "1,250.50" both become "1250.50"; a lone comma followed by one or two digits is a decimal comma.
 */
export function normalizeAmount(raw: string, language: Language): string {
  let s = raw.replace(/[\s\u00a0\u202f'’]/g, "");
  const comma = s.lastIndexOf(",");
  const dot = s.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? "," : ".";
    const group = decimal === "," ? "." : ",";
    s = s.split(group).join("").replace(decimal, ".");
  } else if (comma >= 0) {
    s = /^-?\d+,\d{1,2}$/.test(s) ? s.replace(",", ".") : s.split(",").join("");
  } else if (dot >= 0 && language !== "en" && /^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    // "1.250" in German or French is one thousand two hundred and fifty.
    s = s.split(".").join("");
  }
  return s;
}

/** Whether the normalized text is an amount the API takes (at most 12 + 2 digits). */
export function isAmount(normalized: string): boolean {
  return /^-?\d{1,12}(\.\d{1,2})?$/.test(normalized);
}

/** An amount typed in the form: empty allowed only when `optional`; checked as the API will. */
export function amountField(language: Language, optional: boolean) {
  return z.string().refine((value) => {
    const trimmed = value.trim();
    if (trimmed === "") return optional;
    return isAmount(normalizeAmount(trimmed, language));
  }, "records.validation.amount");
}

/** A required amount typed in the form as the API takes it. */
export function amountValue(value: string, language: Language): string {
  return normalizeAmount(value.trim(), language);
}

/** An amount typed in the form as the API takes it, or null when left empty. */
export function amountOrNull(value: string, language: Language): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : normalizeAmount(trimmed, language);
}

/** A currency code typed in the form (upper-cased before sending). */
export const currencyField = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "records.validation.currency");

/** A currency code typed in the form as the API takes it. */
export function currencyCode(value: string): string {
  return value.trim().toUpperCase();
}

/** The currencies offered first; any other ISO code can be typed. */
export const commonCurrencies = ["EUR", "CHF", "USD", "GBP"] as const;

/** Optional text as the API takes it: empty means none. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
