import type { Language } from "../../../contracts/common.js";
import type { ImportKind } from "../../../contracts/imports.js";
import type { SyncBatchResult, SyncKind } from "../../../contracts/sync.js";
import type { ApiKeyWork } from "../api-keys/api-key-scope.js";
import { type BatchOutcome, writeBatch } from "../imports/imports.jobs.js";
import { rowChecks } from "../imports/validate.js";
import { idsByExternalId } from "./sync.queries.js";
import { syncFields } from "./sync.schemas.js";
import { recordSyncBatch } from "./sync-audit.js";
import { writeClaims } from "./sync-claims.js";
import { countResults, itemResults, readItems, type SyncItem } from "./sync-items.js";

/** The CSV import kind behind a sync kind, where there is one. */
const importKindOf: Partial<Record<SyncKind, ImportKind>> = {
  "client-files": "client_files",
  persons: "persons",
  contracts: "contracts",
};

const tableOf: Record<Exclude<SyncKind, "documents">, string> = {
  "client-files": "client_files",
  persons: "persons",
  contracts: "contracts",
  claims: "claims",
};

/** Fields whose mere presence in an item changes how it is written (an absent one keeps the stored value). */
const presenceFields = ["lineOfBusiness", "role"];

/**
 * Writes items of an import kind through the CSV import's own batch writer. Items are grouped by which
 * presence-sensitive fields they carry, as a CSV file's rows all carry the same columns.
 */
async function writeImportKind(work: ApiKeyWork, kind: ImportKind, rows: ReturnType<typeof readItems>) {
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = presenceFields.map((f) => (f in row.values ? "1" : "0")).join("");
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const total: Pick<BatchOutcome, "problems" | "createdRows" | "updatedRows"> = {
    problems: [],
    createdRows: [],
    updatedRows: [],
  };
  for (const [key, group] of groups) {
    const outcome = await writeBatch(work.tx, kind, group, {
      defaultOwnerId: work.key.createdBy,
      now: work.audit.at,
      columnOf: (field) => field,
      presentFields: new Set(presenceFields.filter((_, i) => key[i] === "1")),
    });
    total.problems.push(...outcome.problems);
    total.createdRows.push(...outcome.createdRows);
    total.updatedRows.push(...outcome.updatedRows);
  }
  return total;
}

/**
 * PUT /api/sync/v1/<kind>: upserts a batch by external id. Each item stands alone: a bad one is
 * answered `invalid` with its fields named, the others are written; sending the same batch again
 * writes nothing and answers `unchanged` for each item.
 */
export async function upsertBatch(
  work: ApiKeyWork,
  kind: Exclude<SyncKind, "documents">,
  items: SyncItem[],
  language: Language,
): Promise<SyncBatchResult> {
  const importKind = importKindOf[kind];
  const rows = readItems(
    syncFields[kind],
    items,
    importKind ? rowChecks[importKind] : undefined,
    kind === "client-files" ? ["number"] : [],
  );
  const outcome = importKind
    ? await writeImportKind(work, importKind, rows)
    : await writeClaims(work.tx, rows, work.audit.at);
  const externalIds = rows.flatMap((r) =>
    typeof r.values.externalId === "string" ? [r.values.externalId] : [],
  );
  const idOf = await idsByExternalId(work.tx, tableOf[kind], externalIds);
  const ids = new Map<number, string>();
  for (const r of rows) {
    const id = typeof r.values.externalId === "string" ? idOf.get(r.values.externalId) : undefined;
    if (id) ids.set(r.row, id);
  }
  const results = itemResults(items, { ...outcome, ids }, language);
  const counts = countResults(results);
  await recordSyncBatch(work, kind, counts);
  return { results, counts };
}
