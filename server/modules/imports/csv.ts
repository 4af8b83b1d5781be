import { parse } from "csv-parse/sync";
import type { csvEncodings, csvSeparators, dateFormats, decimalMarks } from "../../../contracts/imports.js";

export type CsvSeparator = (typeof csvSeparators)[number];
export type DecimalMark = (typeof decimalMarks)[number];
export type DateFormat = (typeof dateFormats)[number];
export type CsvEncoding = (typeof csvEncodings)[number];

const separatorChar: Record<CsvSeparator, string> = { semicolon: ";", comma: ",", tab: "\t" };

/**
 * Decodes the file's bytes: UTF-8 (BOM stripped) unless the bytes are not valid UTF-8, then
 * Windows-1252 — what German spreadsheet exports usually are. A chosen encoding wins.
 */
export function decodeCsv(bytes: Uint8Array, chosen?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  let encoding: CsvEncoding = chosen ?? "utf-8";
  let text: string;
  if (chosen) {
    // The user's choice is obeyed even where bytes do not fit: they show as replacement characters.
    text = new TextDecoder(chosen).decode(bytes);
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      encoding = "windows-1252";
      text = new TextDecoder("windows-1252").decode(bytes);
    }
  }
  return { text: text.replace(/^\uFEFF/, ""), encoding };
}

/** The first physical lines of the text, quotes ignored: enough to guess the separator. */
function firstLines(text: string, count: number): string[] {
  return text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== "")
    .slice(0, count);
}

/** Counts a character outside double-quoted parts of a line. */
function countOutsideQuotes(line: string, char: string): number {
  let inQuotes = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === char) count++;
  }
  return count;
}

/**
 * Guesses the separator from the header and the next lines: the candidate that appears on the header
 * and most consistently after it. Ties go to ";" (German and French exports), then tab, then ",".
 */
export function detectSeparator(text: string): CsvSeparator {
  const lines = firstLines(text, 6);
  const header = lines[0] ?? "";
  let best: CsvSeparator = "semicolon";
  let bestScore = -1;
  for (const candidate of ["semicolon", "tab", "comma"] as const) {
    const char = separatorChar[candidate];
    const inHeader = countOutsideQuotes(header, char);
    if (inHeader === 0) continue;
    const consistent = lines.slice(1).filter((l) => countOutsideQuotes(l, char) === inHeader).length;
    const score = consistent * 1000 + inHeader;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** One data record: the line it starts on (the header is line 1) and its raw cell values. */
export interface CsvRecord {
  line: number;
  values: string[];
}

/** A record the parser could not read (e.g. an unclosed quote), with the line it starts on. */
export interface CsvProblem {
  line: number;
  reason: "imports.reason.malformed_row";
}

/** The parsed table: header cells, data records, and records that could not be read. */
export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
  problems: CsvProblem[];
}

const newlines = (s: string) => (s.match(/\r\n|\n|\r/g) ?? []).length;

/** Where a record begins, from the line it ends on and its raw text (leading empty lines skipped). */
function startLine(endLine: number, raw: string | undefined): number {
  if (!raw) return endLine;
  const body = raw.replace(/^(\r\n|\n|\r)+/, "").replace(/(\r\n|\n|\r)$/, "");
  return endLine - newlines(body);
}

/**
 * Parses CSV text with quotes, embedded newlines and uneven rows; a record the parser cannot read is
 * reported with its line and skipped instead of failing the whole file.
 */
export function parseCsv(text: string, separator: CsvSeparator): CsvTable {
  const problems: CsvProblem[] = [];
  const parsed = parse(text, {
    delimiter: separatorChar[separator],
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      const endLine = typeof error?.lines === "number" ? error.lines : 0;
      problems.push({ line: startLine(endLine, raw), reason: "imports.reason.malformed_row" });
      return undefined;
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
  const [head, ...rest] = parsed;
  const headers = (head?.record ?? []).map((h) => h.trim());
  const records = rest
    .map((r) => ({ line: startLine(r.info.lines, r.raw), values: r.record }))
    // A row of only separators is an empty row in a spreadsheet export, not data.
    .filter((r) => r.values.some((v) => v.trim() !== ""));
  return { headers, records, problems };
}

/** A header cell reduced for matching: lower case, no accents, no spaces, dashes, dots or underscores. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[\s_\-./()]+/g, "");
}

const commaDecimal = /^-?\d{1,3}(\.\d{3})+,\d+$|^-?\d+,\d+$/;
const pointDecimal = /^-?\d{1,3}(,\d{3})+\.\d+$|^-?\d+\.\d+$/;
// "1.234" or "1,234" alone could be either: a thousand or a decimal; these do not vote.
const ambiguous = /^-?\d{1,3}[.,]\d{3}$/;

const cleanNumber = (value: string) => value.replace(/[\s\u00a0€$£]|EUR|CHF/g, "");

/** Votes for the decimal mark over sample values; null when nothing tells them apart. */
export function detectDecimal(values: readonly string[]): DecimalMark | null {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const v = cleanNumber(raw);
    if (v === "" || ambiguous.test(v)) continue;
    if (commaDecimal.test(v)) comma++;
    else if (pointDecimal.test(v)) point++;
  }
  if (comma === 0 && point === 0) return null;
  return comma >= point ? "comma" : "point";
}

/**
 * Reads an amount written with the given decimal mark ("1.234,56" / "1,234.56", currency signs and
 * spaces allowed) into a canonical decimal string ("1234.56"); null when it is not a number.
 */
export function parseDecimal(value: string, mark: DecimalMark): string | null {
  const v = cleanNumber(value);
  const pattern =
    mark === "comma" ? /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/ : /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
  if (!pattern.test(v)) return null;
  const canonical = mark === "comma" ? v.replaceAll(".", "").replace(",", ".") : v.replaceAll(",", "");
  return canonical.replace(/^(-?)0+(?=\d)/, "$1");
}

const datePatterns: Record<DateFormat, RegExp> = {
  "dd.mm.yyyy": /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
  "dd/mm/yyyy": /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  "yyyy-mm-dd": /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
};

/** Votes for the date format over sample values; null when none matches. */
export function detectDateFormat(values: readonly string[]): DateFormat | null {
  const votes: Record<DateFormat, number> = { "dd.mm.yyyy": 0, "dd/mm/yyyy": 0, "yyyy-mm-dd": 0 };
  for (const raw of values) {
    const v = raw.trim();
    for (const format of Object.keys(datePatterns) as DateFormat[]) {
      if (datePatterns[format].test(v)) votes[format]++;
    }
  }
  const [format, count] = Object.entries(votes).sort((a, b) => b[1] - a[1])[0] ?? [];
  return count ? (format as DateFormat) : null;
}

/**
 * Reads a date in the given format into ISO "yyyy-mm-dd"; ISO dates are always understood since they
 * cannot be mistaken. Null when it is not a real calendar date.
 */
export function parseDate(value: string, format: DateFormat): string | null {
  const v = value.trim().replace(/[T ]00:00(:00)?$/, "");
  let parts: [number, number, number] | null = null;
  const iso = datePatterns["yyyy-mm-dd"].exec(v);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const m = format === "yyyy-mm-dd" ? null : datePatterns[format].exec(v);
    if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  }
  if (!parts) return null;
  const [y, mo, d] = parts;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  if (y < 1800 || y > 2200) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
