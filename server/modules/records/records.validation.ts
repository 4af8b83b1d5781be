import { AppError, type FieldProblem } from "../../platform/errors.js";

/** Collects the field problems of one input, so a form learns about all of them at once. */
export class FieldProblems {
  readonly list: FieldProblem[] = [];

  /** Notes that `field` is wrong, with a message key of the server catalog. */
  add(field: string, message: string, params?: Record<string, string | number>): void {
    this.list.push({ field, message, params });
  }

  /** Throws one `invalid` error naming every field noted so far. */
  throwIfAny(): void {
    if (this.list.length > 0) throw new AppError("invalid", "errors.invalid", {}, { fields: this.list });
  }
}

/** An optional text as stored: trimmed by the schema, an empty one means "none". */
export function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === "" ? null : value;
}

const moneyPattern = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;
// numeric(14, 2): twelve digits before the decimal point.
const moneyLimit = 1e12;

/**
 * Reads an amount given as a JSON number or a string with a decimal point into the exact decimal string
 * stored ("1250.5" → "1250.50"); notes a problem and returns null when it is malformed or out of range.
 */
export function parseMoney(
  problems: FieldProblems,
  field: string,
  input: number | string,
  rule: "not_negative" | "positive",
): string | null {
  let negative: boolean;
  let text: string;
  if (typeof input === "number") {
    const cents = input * 100;
    if (
      !Number.isFinite(input) ||
      Math.abs(input) >= moneyLimit ||
      Math.abs(cents - Math.round(cents)) > 1e-6
    ) {
      problems.add(field, "records.money_format");
      return null;
    }
    negative = input < 0;
    text = Math.abs(input).toFixed(2);
  } else {
    const match = moneyPattern.exec(input);
    if (!match) {
      problems.add(field, "records.money_format");
      return null;
    }
    negative = match[1] === "-";
    text = `${match[2]}.${(match[3] ?? "").padEnd(2, "0")}`;
  }
  const isZero = /^0+\.00$/.test(text);
  if (negative && !isZero) {
    problems.add(field, "records.money_negative");
    return null;
  }
  if (rule === "positive" && isZero) {
    problems.add(field, "records.money_positive");
    return null;
  }
  return text.replace(/^0+(?=\d)/, "");
}

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** Notes a problem unless `code` is an ISO 4217 currency. */
export function checkCurrency(problems: FieldProblems, field: string, code: string): void {
  if (!currencies.has(code)) problems.add(field, "records.currency_unknown");
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
// Codes ICU names that are not countries (unknown region, EU, eurozone, UN, outlying Oceania, pseudo-locales).
const notCountries = new Set(["ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"]);

/** Notes a problem unless `code` is an ISO 3166-1 alpha-2 country. */
export function checkCountry(problems: FieldProblems, field: string, code: string): void {
  const name = regionNames.of(code);
  if (!name || name === code || notCountries.has(code)) problems.add(field, "records.country_unknown");
}

/**
 * The latest calendar date anywhere on earth at `now` (UTC+14): a date after it lies in the future for
 * everyone, so a claim from a client east of the server is never refused as "in the future".
 */
export function latestToday(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}
