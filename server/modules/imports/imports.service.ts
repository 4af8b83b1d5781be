import { Readable } from "node:stream";
import type { Language } from "../../../contracts/common.js";
import type {
  CreateImportQuery,
  ImportKind,
  ImportOptions,
  ImportPreview,
  ResolvedImportOptions,
} from "../../../contracts/imports.js";
import type { AppDeps } from "../../deps.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { translate } from "../../platform/i18n/translate.js";
import { newId } from "../../platform/ids.js";
import { assertStaffCan } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { canonicalColumn, fieldsByKind } from "./fields.js";
import { enqueueImport } from "./imports.jobs.js";
import {
  MAX_STORED_ERRORS,
  presentImportRun,
  presentImportRunDetail,
  presentRowErrors,
} from "./imports.presenter.js";
import {
  findImportRun,
  type ImportRunRow,
  insertImportRun,
  listImportRuns,
  updateImportRun,
} from "./imports.queries.js";
import { IMPORT_LIMIT_BYTES, importStorageKey, readStored } from "./stored-file.js";
import { loadReferences, prepareRecords } from "./upserts.js";
import { columnNamer, type ReadFile, type RowProblem, readImportFile } from "./validate.js";

/** What an import run keeps besides the resolved options: why it may not run. */
interface StoredOptions extends ResolvedImportOptions {
  missingRequired: string[];
}

/** Every problem of a read file, including what the rows refer to (checked against the database). */
async function checkWholeFile(tx: ScopedTx, kind: ImportKind, file: ReadFile, defaultOwnerId: string) {
  const clean = file.rows.filter((r) => r.problems.length === 0);
  const refs = await loadReferences(tx, kind, clean, false);
  const { problems: refProblems } = prepareRecords(kind, clean, refs, {
    defaultOwnerId,
    columnOf: columnNamer(kind, file.mapping),
    presentFields: new Set(file.mapping.indexOf.keys()),
  });
  const problems: RowProblem[] = [
    ...file.unreadable,
    ...file.rows.flatMap((r) => r.problems),
    ...refProblems,
  ];
  problems.sort((a, b) => a.row - b.row);
  return { problems, errorRows: new Set(problems.map((p) => p.row)).size };
}

function fileProblems(file: ReadFile, kind: ImportKind, language: Language): string[] {
  if (file.mapping.missingRequired.length === 0) return [];
  const byKey = new Map(fieldsByKind[kind].map((f) => [f.key, f]));
  const columns = file.mapping.missingRequired.map((k) =>
    canonicalColumn(byKey.get(k) ?? { key: k, aliases: [], type: "text" }),
  );
  return [translate(language, "imports.missing_columns", { columns: columns.join(", ") })];
}

/** Reads the file with the options, checks it whole, stores the findings on the run, answers the preview. */
async function previewStored(
  work: StaffWork,
  run: { id: string; kind: ImportKind; fileName: string; storageKey: string; isNew: boolean },
  bytes: Buffer,
  chosen: ImportOptions,
  language: Language,
): Promise<ImportPreview> {
  const { tx, actor } = work;
  const file = readImportFile(bytes, run.kind, chosen);
  if (file.mapping.columns.length === 0) throw invalidField("body", "imports.empty_file");
  const { problems, errorRows } = await checkWholeFile(tx, run.kind, file, actor.user.id);
  const options: StoredOptions = { ...file.options, missingRequired: file.mapping.missingRequired };
  const values = {
    options,
    totalRows: file.totalRows,
    errorRows,
    errors: problems.slice(0, MAX_STORED_ERRORS),
  };
  const row: ImportRunRow = run.isNew
    ? await insertImportRun(tx, {
        firmId: actor.staff.firmId,
        id: run.id,
        kind: run.kind,
        status: "previewed",
        fileName: run.fileName,
        storageKey: run.storageKey,
        createdBy: actor.user.id,
        createdAt: work.audit.at,
        ...values,
      })
    : await updateImportRun(tx, run.id, values);
  return {
    ...presentImportRunDetail(row, language),
    errors: presentRowErrors(problems.slice(0, MAX_STORED_ERRORS), language),
    detected: file.detected,
    columns: file.mapping.columns,
    unknownColumns: file.mapping.unknownColumns,
    missingFields: file.mapping.missingFields,
    problems: fileProblems(file, run.kind, language),
    sampleRows: file.rows.slice(0, 20).map((r) => ({ row: r.row, values: r.values })),
  };
}

/** A file name safe to show and store: no paths, no control characters, bounded. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? "import.csv").split(/[\\/]/).pop() ?? "import.csv";
  // Control characters (line breaks included) would break logs and download headers.
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join("")
    .trim()
    .slice(0, 200);
  return cleaned || "import.csv";
}

/**
 * Whether the upload is evidently not text (SEC-15: the content decides, not the name): a NUL byte in
 * its start, as in spreadsheets (.xlsx is a zip), PDFs and images. Text in any 8-bit encoding has none.
 */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** POST /api/imports: stores the uploaded CSV and answers its preview (nothing is imported yet). */
export async function previewImport(
  deps: AppDeps,
  work: StaffWork,
  query: CreateImportQuery,
  body: unknown,
  language: Language,
): Promise<ImportPreview> {
  assertStaffCan(work.actor, "import.run");
  if (!Buffer.isBuffer(body)) throw invalidField("body", "imports.body_type");
  if (body.length === 0) throw invalidField("body", "imports.empty_file");
  if (looksBinary(body)) throw invalidField("body", "imports.not_csv");
  const { kind, fileName, ...chosen } = query;
  const id = newId();
  const storageKey = importStorageKey(work.actor.staff.firmId, id);
  await deps.files.put(storageKey, Readable.from([body]), { maxBytes: IMPORT_LIMIT_BYTES });
  try {
    return await previewStored(
      work,
      { id, kind, fileName: cleanFileName(fileName), storageKey, isNew: true },
      body,
      chosen,
      language,
    );
  } catch (error) {
    await deps.files.delete(storageKey).catch(() => {});
    throw error;
  }
}

async function findOwnRun(tx: ScopedTx, id: string, forUpdate = false) {
  const run = await findImportRun(tx, id, forUpdate);
  if (!run) throw new AppError("not_found");
  return run;
}

/** POST /api/imports/:id/preview: reads the stored file again with other options (before it runs). */
export async function repreviewImport(
  deps: AppDeps,
  work: StaffWork,
  id: string,
  chosen: ImportOptions,
  language: Language,
): Promise<ImportPreview> {
  assertStaffCan(work.actor, "import.run");
  const run = await findOwnRun(work.tx, id, true);
  if (run.status !== "previewed") throw new AppError("conflict", "imports.already_started");
  const bytes = await readStored(deps.files, run.storageKey);
  return previewStored(
    work,
    { id, kind: run.kind as ImportKind, fileName: run.fileName, storageKey: run.storageKey, isNew: false },
    bytes,
    chosen,
    language,
  );
}

/** POST /api/imports/:id/run: marks the run as running and enqueues its work in the same transaction. */
export async function startImport(deps: AppDeps, work: StaffWork, id: string) {
  assertStaffCan(work.actor, "import.run");
  const run = await findOwnRun(work.tx, id, true);
  if (run.status !== "previewed") throw new AppError("conflict", "imports.already_started");
  const missing = (run.options as StoredOptions).missingRequired ?? [];
  if (missing.length > 0) {
    const columns = missing.join(", ");
    throw new AppError(
      "invalid",
      "imports.not_runnable",
      {},
      {
        fields: [{ field: "body", message: "imports.missing_columns", params: { columns } }],
      },
    );
  }
  const started = await updateImportRun(work.tx, id, {
    status: "running",
    processedRows: 0,
    createdRows: 0,
    updatedRows: 0,
    unchangedRows: 0,
    errorRows: 0,
    errors: [],
  });
  await enqueueImport(work.tx, deps, { firmId: work.actor.staff.firmId, importId: id });
  return presentImportRun(started);
}

/** GET /api/imports/:id: progress, counts and the first 1,000 row errors. */
export async function getImport(work: StaffWork, id: string, language: Language) {
  assertStaffCan(work.actor, "import.run");
  return presentImportRunDetail(await findOwnRun(work.tx, id), language);
}

/** GET /api/imports: the firm's 50 most recent runs. */
export async function listImports(work: StaffWork) {
  assertStaffCan(work.actor, "import.run");
  return { items: (await listImportRuns(work.tx, 50)).map(presentImportRun) };
}
