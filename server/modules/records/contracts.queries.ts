import { and, asc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { contracts, linesOfBusiness } from "./records.tables.js";

/** A contract row as read, with its line of business (null when it has none). */
export type ContractRow = typeof contracts.$inferSelect & {
  line: { id: string; code: string; name: string } | null;
};

/** The columns a contract's use cases write. */
export type ContractValues = Omit<
  typeof contracts.$inferSelect,
  "firmId" | "id" | "clientFileId" | "createdAt" | "portalCategory"
>;

const lineJoin = and(
  eq(linesOfBusiness.firmId, contracts.firmId),
  eq(linesOfBusiness.id, contracts.lineOfBusinessId),
);

function selectContracts(tx: ScopedTx, where: SQL | undefined) {
  return tx.db
    .select({
      contract: contracts,
      lineId: linesOfBusiness.id,
      lineCode: linesOfBusiness.code,
      lineName: linesOfBusiness.name,
    })
    .from(contracts)
    .leftJoin(linesOfBusiness, lineJoin)
    .where(where);
}

function toRow(r: {
  contract: typeof contracts.$inferSelect;
  lineId: string | null;
  lineCode: string | null;
  lineName: string | null;
}): ContractRow {
  const line =
    r.lineId && r.lineCode !== null && r.lineName !== null
      ? { id: r.lineId, code: r.lineCode, name: r.lineName }
      : null;
  return { ...r.contract, line };
}

/** The file's contracts, by line of business (code; none last), then insurer, optionally of one status. */
export async function listContractRows(tx: ScopedTx, firmId: string, fileId: string, status?: string) {
  const rows = await selectContracts(
    tx,
    and(
      eq(contracts.firmId, firmId),
      eq(contracts.clientFileId, fileId),
      status ? eq(contracts.status, status) : undefined,
    ),
  ).orderBy(sql`${linesOfBusiness.code} asc nulls last`, asc(contracts.insurer), asc(contracts.id));
  return rows.map(toRow);
}

/** One contract of the file, or undefined (also for another file's or another firm's contract). */
export async function findContractRow(tx: ScopedTx, firmId: string, fileId: string, id: string) {
  const [row] = await selectContracts(
    tx,
    and(eq(contracts.firmId, firmId), eq(contracts.clientFileId, fileId), eq(contracts.id, id)),
  );
  return row ? toRow(row) : undefined;
}

/** The file's contracts among `ids`, with their lines (for claims and reference addresses). */
export async function findContractRowsOfFile(tx: ScopedTx, firmId: string, fileId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await selectContracts(
    tx,
    and(eq(contracts.firmId, firmId), eq(contracts.clientFileId, fileId), inArray(contracts.id, ids)),
  ).orderBy(sql`${linesOfBusiness.code} asc nulls last`, asc(contracts.insurer), asc(contracts.id));
  return rows.map(toRow);
}

/** Inserts a contract. */
export async function insertContract(
  tx: ScopedTx,
  row: ContractValues & { firmId: string; id: string; clientFileId: string; createdAt: Date },
) {
  await tx.db.insert(contracts).values(row);
}

/** Overwrites a contract's values. */
export async function updateContractRow(tx: ScopedTx, firmId: string, id: string, values: ContractValues) {
  await tx.db
    .update(contracts)
    .set(values)
    .where(and(eq(contracts.firmId, firmId), eq(contracts.id, id)));
}

/** Deletes a contract (its claims keep existing without it; address links go with it). */
export async function deleteContractRow(tx: ScopedTx, firmId: string, id: string) {
  // Its claims keep existing without a contract: the foreign key sets only contract_id to null.
  await tx.db.delete(contracts).where(and(eq(contracts.firmId, firmId), eq(contracts.id, id)));
}

/** Whether another contract of the firm already carries `externalId`. */
export async function contractExternalIdTaken(
  tx: ScopedTx,
  firmId: string,
  externalId: string,
  exceptId: string | null,
) {
  const [row] = await tx.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(
        eq(contracts.firmId, firmId),
        eq(contracts.externalId, externalId),
        exceptId ? ne(contracts.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The firm's active lines of business, by code. */
export async function listActiveLines(tx: ScopedTx, firmId: string) {
  return tx.db
    .select({ id: linesOfBusiness.id, code: linesOfBusiness.code, name: linesOfBusiness.name })
    .from(linesOfBusiness)
    .where(and(eq(linesOfBusiness.firmId, firmId), eq(linesOfBusiness.active, true)))
    .orderBy(asc(linesOfBusiness.code));
}

/** Whether `lineId` is an active line of business of the firm. */
export async function isActiveLine(tx: ScopedTx, firmId: string, lineId: string) {
  const [row] = await tx.db
    .select({ id: linesOfBusiness.id })
    .from(linesOfBusiness)
    .where(
      and(
        eq(linesOfBusiness.firmId, firmId),
        eq(linesOfBusiness.id, lineId),
        eq(linesOfBusiness.active, true),
      ),
    );
  return row !== undefined;
}
