import { z } from "zod";
import type { ImportKind, ImportOptions } from "../../../contracts/imports.js";
import type { AppDeps } from "../../deps.js";
import type { Clock } from "../../platform/clock.js";
import type { Database } from "../../platform/db/pool.js";
import { inFirm, type ScopedTx } from "../../platform/db/scope.js";
import { defineJob, type JobDefinition } from "../../platform/jobs/queue.js";
import type { FileStore } from "../../platform/storage/storage.js";
import { recordAudit, systemAuditContext } from "../audit/audit.service.js";
import { refreshSearchText } from "../clients/search-text.js";
import { MAX_STORED_ERRORS } from "./imports.presenter.js";
import { findImportRun, updateImportRun } from "./imports.queries.js";
import { readStored } from "./stored-file.js";
import { type ColumnNamer, loadReferences, prepareRecords, upsertRecords } from "./upserts.js";
import { columnNamer, type ReadFile, type RowProblem, readImportFile } from "./validate.js";

/** Rows written per transaction: large enough to be set-based, small enough to show progress. */
export const IMPORT_BATCH_SIZE = 1000;

const importPayload = z.object({ firmId: z.uuid(), importId: z.uuid() });

// Declared once for enqueueing; the worker binds its handler with createImportJobs.
const processImportJob = defineJob({
  name: "import.process",
  payload: importPayload,
  retryLimit: 3,
  retryDelay: 5,
  retryBackoff: true,
  handler: async () => {
    throw new Error("import.process is handled by the worker's createImportJobs()");
  },
});

/** Enqueues an import's work in the caller's transaction (the one that marked it running). */
export async function enqueueImport(
  tx: ScopedTx,
  deps: Pick<AppDeps, "queue">,
  payload: z.infer<typeof importPayload>,
) {
  await deps.queue.enqueue(tx, processImportJob, payload, { singletonKey: payload.importId });
}

/** What the import job needs from the process. */
export interface ImportJobDeps {
  database: Database;
  files: FileStore;
  clock: Clock;
}

/** The import jobs with their handlers bound to this process's dependencies. */
export function createImportJobs(deps: ImportJobDeps): JobDefinition[] {
  const processImport: JobDefinition<typeof importPayload> = {
    ...processImportJob,
    handler: async (payload, run) => {
      try {
        await processImportRun(deps, payload);
      } catch (error) {
        // The last attempt leaves a visible state instead of a run that stays "running" forever.
        if (run.retryCount >= run.retryLimit) {
          await inFirm(deps.database, payload.firmId, (tx) =>
            updateImportRun(tx, payload.importId, { status: "failed", finishedAt: deps.clock.now() }),
          );
        }
        throw error;
      }
    },
  };
  return [processImport];
}

/** What one written batch did, counted and by row (the sync API answers per item). */
export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
  errorRows: number;
  createdRows: number[];
  updatedRows: number[];
}

/**
 * Writes one batch: rows with a problem are skipped whole; the others are checked against what they
 * refer to and upserted set-based. If the set-based write fails (data changed meanwhile), each row is
 * retried alone under a savepoint so one bad row cannot take the others down.
 */
export async function writeBatch(
  tx: ScopedTx,
  kind: ImportKind,
  batch: ReadFile["rows"],
  ctx: { defaultOwnerId: string; now: Date; columnOf: ColumnNamer; presentFields: ReadonlySet<string> },
): Promise<BatchOutcome> {
  const problems: RowProblem[] = batch.flatMap((r) => r.problems);
  const clean = batch.filter((r) => r.problems.length === 0);
  const refs = await loadReferences(tx, kind, clean, true);
  const prepared = prepareRecords(kind, clean, refs, ctx);
  problems.push(...prepared.problems);

  let inserted: string[] = [];
  let updated: string[] = [];
  await tx.client.query("savepoint import_batch");
  try {
    ({ inserted, updated } = await upsertRecords(
      tx,
      kind,
      prepared.records.map((r) => r.record),
      ctx.now,
    ));
    await tx.client.query("release savepoint import_batch");
  } catch {
    await tx.client.query("rollback to savepoint import_batch");
    for (const { row, record } of prepared.records) {
      await tx.client.query("savepoint import_row");
      try {
        const one = await upsertRecords(tx, kind, [record], ctx.now);
        inserted.push(...one.inserted);
        updated.push(...one.updated);
        await tx.client.query("release savepoint import_row");
      } catch {
        await tx.client.query("rollback to savepoint import_row");
        problems.push({ row, column: null, key: "imports.reason.conflict" });
      }
    }
  }

  const touchedFiles = new Set<string>();
  const written = new Set([...inserted, ...updated]);
  if (kind === "client_files") for (const id of written) touchedFiles.add(id);
  if (kind === "persons") {
    for (const { record } of prepared.records) {
      if (!written.has(record.id as string)) continue;
      touchedFiles.add(record.client_file_id as string);
      const before = refs.existing.get(record.external_id as string);
      if (before) touchedFiles.add(before.client_file_id as string);
    }
  }
  await refreshSearchText(tx, [...touchedFiles]);

  problems.sort((a, b) => a.row - b.row);
  const errorRows = new Set(problems.map((p) => p.row)).size;
  const rowsOf = (ids: string[]) => {
    const set = new Set(ids);
    return prepared.records.filter((r) => set.has(r.record.id as string)).map((r) => r.row);
  };
  return {
    created: inserted.length,
    updated: updated.length,
    unchanged: batch.length - errorRows - inserted.length - updated.length,
    problems,
    errorRows,
    createdRows: rowsOf(inserted),
    updatedRows: rowsOf(updated),
  };
}

/**
 * Runs an import: reads the stored file with the run's options and writes it in batches of
 * IMPORT_BATCH_SIZE rows, each in its own transaction together with the run's progress. Safe to run
 * again after a crash: it resumes after the last committed batch, and upserts are idempotent.
 */
export async function processImportRun(
  deps: ImportJobDeps,
  { firmId, importId }: z.infer<typeof importPayload>,
) {
  const run = await inFirm(deps.database, firmId, (tx) => findImportRun(tx, importId));
  if (run?.status !== "running") return;
  const kind = run.kind as ImportKind;
  const bytes = await readStored(deps.files, run.storageKey);
  const file = readImportFile(bytes, kind, run.options as ImportOptions);

  let errors = run.errors as RowProblem[];
  let done = run.processedRows;
  // The unreadable records are accounted for with the first batch.
  const startIndex = done === 0 ? 0 : done - file.unreadable.length;
  for (
    let index = startIndex;
    index < file.rows.length || (index === 0 && done === 0);
    index += IMPORT_BATCH_SIZE
  ) {
    const batch = file.rows.slice(index, index + IMPORT_BATCH_SIZE);
    const first = done === 0;
    await inFirm(deps.database, firmId, async (tx) => {
      const outcome = await writeBatch(tx, kind, batch, {
        defaultOwnerId: run.createdBy,
        now: deps.clock.now(),
        columnOf: columnNamer(kind, file.mapping),
        presentFields: new Set(file.mapping.indexOf.keys()),
      });
      const newProblems = first ? [...file.unreadable, ...outcome.problems] : outcome.problems;
      errors = [...errors, ...newProblems].slice(0, MAX_STORED_ERRORS);
      const current = await findImportRun(tx, importId, true);
      if (!current) throw new Error(`import run ${importId} vanished`);
      done = current.processedRows + batch.length + (first ? file.unreadable.length : 0);
      await updateImportRun(tx, importId, {
        processedRows: done,
        createdRows: current.createdRows + outcome.created,
        updatedRows: current.updatedRows + outcome.updated,
        unchangedRows: current.unchangedRows + outcome.unchanged,
        errorRows: current.errorRows + outcome.errorRows + (first ? file.unreadable.length : 0),
        errors,
      });
    });
    if (batch.length === 0) break;
  }

  await inFirm(deps.database, firmId, async (tx) => {
    const final = await updateImportRun(tx, importId, { status: "done", finishedAt: deps.clock.now() });
    await recordAudit(tx, systemAuditContext(deps.clock, run.createdBy), {
      action: "import.run",
      entityType: "import_run",
      entityId: importId,
      after: {
        kind,
        fileName: final.fileName,
        totalRows: final.totalRows,
        createdRows: final.createdRows,
        updatedRows: final.updatedRows,
        unchangedRows: final.unchangedRows,
        errorRows: final.errorRows,
      },
    });
  });
}
