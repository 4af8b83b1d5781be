import { z } from "zod";

/** What a CSV import brings in (FILE-5). */
export const importKinds = ["client_files", "persons", "contracts"] as const;
export const importKindSchema = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKindSchema>;

/** Column separators; named so they travel safely in a query string. */
export const csvSeparators = ["semicolon", "comma", "tab"] as const;
/** "comma": 1.234,56 (German, French); "point": 1,234.56. */
export const decimalMarks = ["comma", "point"] as const;
export const dateFormats = ["dd.mm.yyyy", "yyyy-mm-dd", "dd/mm/yyyy"] as const;
export const csvEncodings = ["utf-8", "windows-1252"] as const;

/** How to read a CSV file; every option is detected from the data unless chosen here. */
export const importOptionsSchema = z.object({
  separator: z.enum(csvSeparators).optional(),
  decimal: z.enum(decimalMarks).optional(),
  dateFormat: z.enum(dateFormats).optional(),
  encoding: z.enum(csvEncodings).optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** The options an import actually uses (detected, then overridden by the user's choice). */
export const resolvedImportOptionsSchema = z.object({
  separator: z.enum(csvSeparators),
  decimal: z.enum(decimalMarks),
  dateFormat: z.enum(dateFormats),
  encoding: z.enum(csvEncodings),
});
export type ResolvedImportOptions = z.infer<typeof resolvedImportOptionsSchema>;

/** POST /api/imports?kind=…&fileName=…&separator=… — the body is the CSV file itself. */
export const createImportQuerySchema = importOptionsSchema.extend({
  kind: importKindSchema,
  fileName: z.string().trim().min(1).max(200).optional(),
});
export type CreateImportQuery = z.infer<typeof createImportQuerySchema>;

/** POST /api/imports/:id/preview — read the stored file again with other options. */
export const repreviewImportSchema = importOptionsSchema.strict();

export const importIdParamsSchema = z.object({ id: z.uuid() });

/** One problem of one row: the row as numbered in the file (header = 1), the column, the reason. */
export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  reason: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** How one column of the file was understood. */
export const importColumnSchema = z.object({
  header: z.string(),
  /** The field it fills, or null when the column is unknown (ignored). */
  field: z.string().nullable(),
});

export const importStatuses = ["previewed", "running", "done", "failed"] as const;

/** An import run with its progress and counts. */
export const importRunSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  status: z.enum(importStatuses),
  fileName: z.string(),
  options: resolvedImportOptionsSchema,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  createdRows: z.number().int(),
  updatedRows: z.number().int(),
  unchangedRows: z.number().int(),
  errorRows: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRun = z.infer<typeof importRunSchema>;

/** GET /api/imports/:id — the run and its first 1,000 row errors. */
export const importRunDetailSchema = importRunSchema.extend({
  errors: z.array(importRowErrorSchema),
});
export type ImportRunDetail = z.infer<typeof importRunDetailSchema>;

/** The preview answered on upload: what was detected, how columns map, sample rows, all row errors. */
export const importPreviewSchema = importRunDetailSchema.extend({
  detected: resolvedImportOptionsSchema,
  columns: z.array(importColumnSchema),
  unknownColumns: z.array(z.string()),
  /** Fields of this kind that no column fills. */
  missingFields: z.array(z.string()),
  /** Problems of the whole file (e.g. required columns missing); while any is present it cannot run. */
  problems: z.array(z.string()),
  /** The first 20 data rows as understood, keyed by field. */
  sampleRows: z.array(
    z.object({
      row: z.number().int(),
      values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** GET /api/imports — the firm's recent runs. */
export const importRunListSchema = z.object({ items: z.array(importRunSchema) });
export type ImportRunList = z.infer<typeof importRunListSchema>;
