import type { Language } from "../../../contracts/common.js";
import type {
  ImportKind,
  ImportRowError,
  ImportRun,
  ImportRunDetail,
  ResolvedImportOptions,
} from "../../../contracts/imports.js";
import { translate } from "../../platform/i18n/translate.js";
import type { ImportRunRow } from "./imports.queries.js";
import type { RowProblem } from "./validate.js";

/** How many row errors are kept and shown; all of them are counted. */
export const MAX_STORED_ERRORS = 1000;

/** Translates stored row problems into the reader's language. */
export function presentRowErrors(problems: readonly RowProblem[], language: Language): ImportRowError[] {
  return problems.map((p) => ({
    row: p.row,
    column: p.column,
    reason: translate(language, p.key, p.params),
  }));
}

/** An import run as the API shows it (without its errors). */
export function presentImportRun(row: ImportRunRow): ImportRun {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    status: row.status as ImportRun["status"],
    fileName: row.fileName,
    options: row.options as ResolvedImportOptions,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdRows: row.createdRows,
    updatedRows: row.updatedRows,
    unchangedRows: row.unchangedRows,
    errorRows: row.errorRows,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** An import run with its first row errors, translated. */
export function presentImportRunDetail(row: ImportRunRow, language: Language): ImportRunDetail {
  return {
    ...presentImportRun(row),
    errors: presentRowErrors((row.errors as RowProblem[]).slice(0, MAX_STORED_ERRORS), language),
  };
}
