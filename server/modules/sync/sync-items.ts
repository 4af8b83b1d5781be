import type { Language } from "../../../contracts/common.js";
import type { ResolvedImportOptions } from "../../../contracts/imports.js";
import type { SyncItemResult } from "../../../contracts/sync.js";
import { translate } from "../../platform/i18n/translate.js";
import type { FieldDef } from "../imports/field-kit.js";
import { type CellValue, type ReadFile, type RowProblem, readCell } from "../imports/validate.js";

/** JSON carries ISO dates and decimal points; these are the CSV options that read them as such. */
const jsonOptions: ResolvedImportOptions = {
  separator: "comma",
  decimal: "point",
  dateFormat: "yyyy-mm-dd",
  encoding: "utf-8",
};

/** A sync item, as the route's schema let it through: field key → scalar or null. */
export type SyncItem = Record<string, unknown>;

/** A JSON value as the cell text the import's readers expect; null clears the field. */
function asCell(value: unknown): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NaN";
  return String(value);
}

/**
 * Reads items like CSV rows, one row per item (its index as the row number): each present field by the
 * import's own cell reader, then `check` across the row. An absent field keeps the stored value, null
 * clears it. External ids (and `unique` fields) repeated within the batch are problems of the later item.
 */
export function readItems(
  fields: readonly FieldDef[],
  items: readonly SyncItem[],
  check?: (values: Record<string, CellValue>, problem: (field: string, key: string) => void) => void,
  unique: readonly string[] = [],
): ReadFile["rows"] {
  const seen = new Map<string, Map<string, number>>();
  return items.map((item, row) => {
    const problems: RowProblem[] = [];
    const values: Record<string, CellValue> = {};
    for (const field of fields) {
      const raw = item[field.key];
      if (raw === undefined && !field.required) continue;
      const read = readCell(field, raw === undefined ? "" : asCell(raw), jsonOptions);
      if ("error" in read) problems.push({ row, column: field.key, key: read.error, params: read.params });
      else values[field.key] = read.value;
    }
    check?.(values, (field, key) => problems.push({ row, column: field, key }));
    for (const field of ["externalId", ...unique]) {
      const value = values[field];
      if (typeof value !== "string" || problems.length > 0) continue;
      const firstOf = seen.get(field) ?? new Map<string, number>();
      seen.set(field, firstOf);
      const first = firstOf.get(value);
      if (first === undefined) firstOf.set(value, row);
      else
        problems.push({
          row,
          column: field,
          key: "sync.duplicate_in_batch",
          params: { value, index: first },
        });
    }
    return { row, values, problems };
  });
}

/** The answer for each item: what happened to it, or its problems translated and naming their field. */
export function itemResults(
  items: readonly SyncItem[],
  outcome: {
    problems: readonly RowProblem[];
    createdRows: readonly number[];
    updatedRows: readonly number[];
    ids: ReadonlyMap<number, string>;
  },
  language: Language,
): SyncItemResult[] {
  const created = new Set(outcome.createdRows);
  const updated = new Set(outcome.updatedRows);
  const problemsOf = new Map<number, RowProblem[]>();
  for (const p of outcome.problems) problemsOf.set(p.row, [...(problemsOf.get(p.row) ?? []), p]);
  return items.map((item, index) => {
    const externalId = typeof item.externalId === "string" ? item.externalId : null;
    const problems = problemsOf.get(index);
    if (problems) {
      return {
        index,
        externalId,
        status: "invalid" as const,
        id: null,
        problems: problems.map((p) => ({
          field: `items.${index}.${p.column ?? "item"}`,
          message: translate(language, p.key, p.params),
        })),
      };
    }
    const status = created.has(index) ? "created" : updated.has(index) ? "updated" : "unchanged";
    return { index, externalId, status, id: outcome.ids.get(index) ?? null, problems: [] };
  });
}

/** Totals of a batch's results, for the answer and the audit row. */
export function countResults(results: readonly SyncItemResult[]) {
  const counts = { created: 0, updated: 0, unchanged: 0, invalid: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}
