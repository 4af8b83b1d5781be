import { type CountryCode, isValidPhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js";
import type { ImportKind, ImportOptions, ResolvedImportOptions } from "../../../contracts/imports.js";
import {
  type CsvTable,
  decodeCsv,
  detectDateFormat,
  detectDecimal,
  detectSeparator,
  normalizeHeader,
  parseCsv,
  parseDate,
  parseDecimal,
} from "./csv.js";
import { canonicalColumn, type FieldDef, fieldsByKind } from "./fields.js";

/** A cell as understood: text, a canonical decimal string, a boolean, or empty (null). */
export type CellValue = string | boolean | null;

/** A problem of one row, with a message key translated when shown. */
export interface RowProblem {
  row: number;
  column: string | null;
  key: string;
  params?: Record<string, string | number>;
}

/** How the file's columns map to the kind's fields. */
export interface ColumnMapping {
  columns: Array<{ header: string; field: string | null }>;
  /** Field key → index of the column that fills it. */
  indexOf: Map<string, number>;
  unknownColumns: string[];
  missingFields: string[];
  /** Required fields without a column: the file cannot be imported. */
  missingRequired: string[];
}

/** One row ready to write: its line in the file and its values by field (absent columns left out). */
export interface ValidRow {
  row: number;
  values: Record<string, CellValue>;
}

/** A fully read file: options, mapping, the rows that passed and the problems of the others. */
export interface ReadFile {
  options: ResolvedImportOptions;
  detected: ResolvedImportOptions;
  mapping: ColumnMapping;
  totalRows: number;
  /** Rows in file order; `problems` is non-empty for the ones that are skipped. */
  rows: Array<ValidRow & { problems: RowProblem[] }>;
  /** Problems of records the parser could not read at all. */
  unreadable: RowProblem[];
}

const aliasIndexCache = new Map<ImportKind, Map<string, FieldDef>>();

function aliasIndex(kind: ImportKind): Map<string, FieldDef> {
  let index = aliasIndexCache.get(kind);
  if (!index) {
    index = new Map();
    for (const field of fieldsByKind[kind]) {
      for (const alias of [field.key, ...field.aliases]) {
        const key = normalizeHeader(alias);
        if (!index.has(key)) index.set(key, field);
      }
    }
    aliasIndexCache.set(kind, index);
  }
  return index;
}

/** Maps header cells to fields (German, French and English names, case and spacing ignored). */
export function mapHeaders(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const index = aliasIndex(kind);
  const indexOf = new Map<string, number>();
  const columns = headers.map((header, i) => {
    const field = index.get(normalizeHeader(header));
    // A second column for the same field is ignored rather than silently mixed with the first.
    if (!field || indexOf.has(field.key)) return { header, field: null };
    indexOf.set(field.key, i);
    return { header, field: field.key };
  });
  const fields = fieldsByKind[kind];
  return {
    columns,
    indexOf,
    unknownColumns: columns.filter((c) => c.field === null && c.header !== "").map((c) => c.header),
    missingFields: fields.filter((f) => !indexOf.has(f.key)).map((f) => f.key),
    missingRequired: fields.filter((f) => f.required && !indexOf.has(f.key)).map((f) => f.key),
  };
}

/** Sample cells of the columns of one type, for detecting number and date formats. */
function samplesOfType(table: CsvTable, mapping: ColumnMapping, kind: ImportKind, type: FieldDef["type"]) {
  const indexes = fieldsByKind[kind]
    .filter((f) => f.type === type && mapping.indexOf.has(f.key))
    .map((f) => mapping.indexOf.get(f.key) as number);
  const values: string[] = [];
  for (const record of table.records.slice(0, 2000)) {
    for (const i of indexes) {
      const v = record.values[i]?.trim();
      if (v) values.push(v);
    }
  }
  return values;
}

/** Reads one cell of a field; an error key when the value is not acceptable (CSV cells and sync items). */
export function readCell(
  field: FieldDef,
  raw: string,
  options: ResolvedImportOptions,
): { value: CellValue } | { error: string; params?: Record<string, string | number> } {
  const v = raw.trim();
  if (v === "") {
    return field.required ? { error: "imports.reason.required" } : { value: null };
  }
  if (field.max && v.length > field.max)
    return { error: "imports.reason.too_long", params: { max: field.max } };
  switch (field.type) {
    case "text":
      return { value: v };
    case "choice":
    case "bool": {
      const choice = field.choices?.[normalizeHeader(v)];
      if (choice === undefined) {
        const accepted =
          field.type === "bool"
            ? "ja/nein, oui/non, yes/no"
            : [...new Set(Object.values(field.choices ?? {}))].filter((c) => !c.includes(":")).join(", ");
        return { error: "imports.reason.choice", params: { value: v, options: accepted } };
      }
      return { value: field.type === "bool" ? choice === "true" : choice };
    }
    case "date": {
      const date = parseDate(v, options.dateFormat);
      return date
        ? { value: date }
        : { error: "imports.reason.date", params: { value: v, format: options.dateFormat } };
    }
    case "decimal": {
      const amount = parseDecimal(v, options.decimal);
      if (amount === null || Math.abs(Number(amount)) >= 1e12) {
        return { error: "imports.reason.decimal", params: { value: v } };
      }
      return { value: amount };
    }
    case "email": {
      const email = v.toLowerCase();
      const ok = email.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email);
      return ok ? { value: email } : { error: "imports.reason.email", params: { value: v } };
    }
    case "phone":
      return { value: v };
    case "country": {
      const code = v.toUpperCase();
      return /^[A-Z]{2}$/.test(code)
        ? { value: code }
        : { error: "imports.reason.country", params: { value: v } };
    }
    case "currency": {
      const code = v.toUpperCase();
      return /^[A-Z]{3}$/.test(code)
        ? { value: code }
        : { error: "imports.reason.currency", params: { value: v } };
    }
  }
}

type RowCheck = (values: Record<string, CellValue>, problem: (field: string, key: string) => void) => void;

/** Rules across the cells of one row, per kind (the cells themselves are already read). */
export const rowChecks: Record<ImportKind, RowCheck> = {
  client_files(values, problem) {
    if (!values.displayName && !values.holderLastName) problem("displayName", "imports.reason.name_needed");
  },
  persons(values, problem) {
    const role = values.role;
    if (typeof role === "string" && role.startsWith("contact:")) {
      const flag = role.slice("contact:".length);
      values.role = "contact";
      if (flag === "commercial") values.isCommercialContact = true;
      if (flag === "operational") values.isOperationalContact = true;
      if (flag === "employee") values.isEmployee = true;
    }
    const isContact = values.role === "contact";
    for (const flag of ["isCommercialContact", "isOperationalContact", "isEmployee"]) {
      if (values[flag] === true && !isContact) problem(flag, "imports.reason.flag_needs_contact");
    }
    if (values.advisorKind && values.role !== "external_advisor") {
      problem("advisorKind", "imports.reason.advisor_kind_needs_advisor");
    }
    if (typeof values.phone === "string") {
      // Without a country, a French-speaking person's national number is read as French, else German.
      const fallback = values.language === "fr" ? "FR" : "DE";
      const country = (
        typeof values.phoneCountry === "string" ? values.phoneCountry : fallback
      ) as CountryCode;
      const parsed = parsePhoneNumberFromString(values.phone, country);
      if (!parsed || !isValidPhoneNumber(values.phone, country)) problem("phone", "imports.reason.phone");
      else {
        values.phone = parsed.number;
        values.phoneCountry = parsed.country ?? country;
      }
    }
  },
  contracts(values) {
    if (typeof values.lineOfBusiness === "string")
      values.lineOfBusiness = values.lineOfBusiness.toUpperCase();
  },
};

/** Picks the options: the user's choices first, then what the data shows, then the customs of the separator. */
export function resolveOptions(
  bytes: Uint8Array,
  kind: ImportKind,
  chosen: ImportOptions,
): {
  text: string;
  table: CsvTable;
  mapping: ColumnMapping;
  options: ResolvedImportOptions;
  detected: ResolvedImportOptions;
} {
  const decoded = decodeCsv(bytes);
  const text =
    chosen.encoding && chosen.encoding !== decoded.encoding
      ? decodeCsv(bytes, chosen.encoding).text
      : decoded.text;
  const detectedSeparator = detectSeparator(decoded.text);
  const separator = chosen.separator ?? detectedSeparator;
  const table = parseCsv(text, separator);
  const mapping = mapHeaders(kind, table.headers);
  const europe = separator !== "comma";
  const detected: ResolvedImportOptions = {
    encoding: decoded.encoding,
    separator: detectedSeparator,
    decimal: detectDecimal(samplesOfType(table, mapping, kind, "decimal")) ?? (europe ? "comma" : "point"),
    dateFormat:
      detectDateFormat(samplesOfType(table, mapping, kind, "date")) ?? (europe ? "dd.mm.yyyy" : "yyyy-mm-dd"),
  };
  const options: ResolvedImportOptions = {
    encoding: chosen.encoding ?? detected.encoding,
    separator,
    decimal: chosen.decimal ?? detected.decimal,
    dateFormat: chosen.dateFormat ?? detected.dateFormat,
  };
  return { text, table, mapping, options, detected };
}

/**
 * Reads and checks a whole file: each cell by its field's type, each row by its kind's rules, and
 * external ids (and file numbers) that repeat within the file. Problems never stop the reading: a row
 * with any problem is skipped whole, the others are imported.
 */
export function readImportFile(bytes: Uint8Array, kind: ImportKind, chosen: ImportOptions): ReadFile {
  const { table, mapping, options, detected } = resolveOptions(bytes, kind, chosen);
  const fields = fieldsByKind[kind].filter((f) => mapping.indexOf.has(f.key) || f.required);
  const headerOf = (field: FieldDef) => {
    const i = mapping.indexOf.get(field.key);
    return i === undefined ? canonicalColumn(field) : (mapping.columns[i]?.header ?? canonicalColumn(field));
  };
  const byKey = new Map(fieldsByKind[kind].map((f) => [f.key, f]));
  const width = table.headers.length;
  const firstSeen = new Map<string, number>();
  const numberSeen = new Map<string, number>();

  const rows = table.records.map((record) => {
    const problems: RowProblem[] = [];
    const values: Record<string, CellValue> = {};
    if (record.values.length > width) {
      problems.push({
        row: record.line,
        column: null,
        key: "imports.reason.too_many_cells",
        params: { expected: width, found: record.values.length },
      });
    }
    for (const field of fields) {
      const i = mapping.indexOf.get(field.key);
      const read = readCell(field, i === undefined ? "" : (record.values[i] ?? ""), options);
      if ("error" in read) {
        problems.push({ row: record.line, column: headerOf(field), key: read.error, params: read.params });
      } else if (i !== undefined) values[field.key] = read.value;
    }
    rowChecks[kind](values, (fieldKey, key) => {
      const field = byKey.get(fieldKey);
      problems.push({ row: record.line, column: field ? headerOf(field) : fieldKey, key });
    });
    const ext = values.externalId;
    if (typeof ext === "string") {
      const first = firstSeen.get(ext);
      if (first !== undefined) {
        problems.push({
          row: record.line,
          column: headerOf(byKey.get("externalId") as FieldDef),
          key: "imports.reason.duplicate_external_id",
          params: { value: ext, row: first },
        });
      } else if (problems.length === 0) firstSeen.set(ext, record.line);
    }
    const number = values.number;
    if (kind === "client_files" && typeof number === "string" && problems.length === 0) {
      const first = numberSeen.get(number);
      if (first !== undefined) {
        problems.push({
          row: record.line,
          column: headerOf(byKey.get("number") as FieldDef),
          key: "imports.reason.duplicate_number",
          params: { value: number, row: first },
        });
      } else numberSeen.set(number, record.line);
    }
    return { row: record.line, values, problems };
  });
  const unreadable = table.problems.map((p) => ({ row: p.line, column: null, key: p.reason }));
  return { options, detected, mapping, totalRows: rows.length + unreadable.length, rows, unreadable };
}

/** The header shown for a field in this file: its column's header, else the canonical column name. */
export function columnNamer(kind: ImportKind, mapping: ColumnMapping) {
  const byKey = new Map(fieldsByKind[kind].map((f) => [f.key, f]));
  return (fieldKey: string) => {
    const i = mapping.indexOf.get(fieldKey);
    if (i !== undefined) return mapping.columns[i]?.header ?? fieldKey;
    const field = byKey.get(fieldKey);
    return field ? canonicalColumn(field) : fieldKey;
  };
}
