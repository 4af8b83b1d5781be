import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import type { BatchOutcome } from "../imports/imports.jobs.js";
import { type TableSpec, upsertIntoTable } from "../imports/upserts.js";
import type { ReadFile, RowProblem } from "../imports/validate.js";

/** How a claim is written by the import's generic upsert (one set-based statement per batch). */
const claimSpec: TableSpec = {
  table: "claims",
  columns: [
    { name: "client_file_id", type: "uuid" },
    { name: "contract_id", type: "uuid" },
    { name: "claim_date", type: "date", field: "claimDate", keepIfEmpty: true },
    { name: "description", type: "text", field: "description", keepIfEmpty: true },
    { name: "status", type: "text", field: "status", keepIfEmpty: true, insertDefault: "open" },
    { name: "amount", type: "numeric", field: "amount" },
    { name: "currency", type: "text", field: "currency", keepIfEmpty: true, insertDefault: "EUR" },
    { name: "insurer_reference", type: "text", field: "insurerReference" },
  ],
};

const texts = (rows: ReadFile["rows"], field: string) => [
  ...new Set(rows.map((r) => r.values[field]).filter((v): v is string => typeof v === "string")),
];

/**
 * Writes a batch of claims: each refers to its client file (and optionally a contract of the same
 * file) by external id; rows with problems are skipped, the others upserted where something changed.
 */
export async function writeClaims(tx: ScopedTx, batch: ReadFile["rows"], now: Date): Promise<BatchOutcome> {
  const firmId = tx.scope.firmId as string;
  const problems: RowProblem[] = batch.flatMap((r) => r.problems);
  const clean = batch.filter((r) => r.problems.length === 0);
  const q = (sql: string, ids: string[]) => tx.client.query(sql, [firmId, ids]);
  const existing = new Map(
    (
      await q(
        `select id, external_id, client_file_id, contract_id, claim_date::text as claim_date, description, status,
                amount::text as amount, currency, insurer_reference
           from claims where firm_id = $1 and external_id = any($2::text[]) for update`,
        texts(clean, "externalId"),
      )
    ).rows.map((r) => [r.external_id as string, r as Record<string, unknown>]),
  );
  const files = new Map(
    (
      await q(
        "select external_id, id from client_files where firm_id = $1 and external_id = any($2::text[])",
        texts(clean, "clientFileExternalId"),
      )
    ).rows.map((r) => [r.external_id as string, r.id as string]),
  );
  const contracts = new Map(
    (
      await q(
        "select external_id, id, client_file_id from contracts where firm_id = $1 and external_id = any($2::text[])",
        texts(clean, "contractExternalId"),
      )
    ).rows.map((r) => [r.external_id as string, r as { id: string; client_file_id: string }]),
  );

  const records: Array<{ row: number; record: Record<string, unknown> }> = [];
  for (const { row, values } of clean) {
    const externalId = values.externalId as string;
    const before = existing.get(externalId);
    const fileId = files.get(values.clientFileExternalId as string);
    const own: RowProblem[] = [];
    if (!fileId) {
      own.push({
        row,
        column: "clientFileExternalId",
        key: "imports.reason.unknown_client_file",
        params: { value: String(values.clientFileExternalId) },
      });
    }
    const record: Record<string, unknown> = { id: before?.id ?? newId(), external_id: externalId };
    record.client_file_id = fileId;
    if ("contractExternalId" in values) {
      const ext = values.contractExternalId;
      const contract = typeof ext === "string" ? contracts.get(ext) : undefined;
      if (typeof ext === "string" && (!contract || contract.client_file_id !== fileId)) {
        own.push({ row, column: "contractExternalId", key: "sync.unknown_contract", params: { value: ext } });
      }
      record.contract_id = contract?.id ?? null;
    } else record.contract_id = before?.contract_id ?? null;
    if (own.length > 0) {
      problems.push(...own);
      continue;
    }
    for (const column of claimSpec.columns) {
      if (!column.field) continue;
      let value: unknown = column.field in values ? values[column.field] : undefined;
      if (value === undefined || (value === null && column.keepIfEmpty)) {
        value = before ? before[column.name] : (column.insertDefault ?? null);
      }
      record[column.name] = value;
    }
    records.push({ row, record });
  }

  const { inserted, updated } = await upsertIntoTable(
    tx,
    claimSpec,
    records.map((r) => r.record),
    now,
  );
  const rowsOf = (ids: string[]) => {
    const set = new Set(ids);
    return records.filter((r) => set.has(r.record.id as string)).map((r) => r.row);
  };
  const errorRows = new Set(problems.map((p) => p.row)).size;
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
