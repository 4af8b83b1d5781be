import type { ClaimInput, ClaimUpdate, ContractSummary } from "../../../contracts/records.js";
import { newId } from "../../platform/ids.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { presentClaim } from "./claims.presenter.js";
import {
  type ClaimRow,
  type ClaimValues,
  deleteClaimRow,
  findClaimRow,
  insertClaim,
  listClaimRows,
  updateClaimRow,
} from "./claims.queries.js";
import { presentContractSummary } from "./contracts.presenter.js";
import { findContractRowsOfFile } from "./contracts.queries.js";
import { firmOf, recordNotFound } from "./records.scope.js";
import { blankToNull, checkCurrency, FieldProblems, latestToday, parseMoney } from "./records.validation.js";

const audited = { entityType: "claim" } as const;

function valuesOf(input: ClaimUpdate, problems: FieldProblems, now: Date): Partial<ClaimValues> {
  const values: Partial<ClaimValues> = {};
  if (input.contractId !== undefined) values.contractId = input.contractId ?? null;
  if (input.claimDate !== undefined) {
    if (input.claimDate > latestToday(now)) problems.add("claimDate", "records.date_in_future");
    values.claimDate = input.claimDate;
  }
  if (input.description !== undefined) values.description = input.description;
  if (input.status !== undefined) values.status = input.status;
  if (input.amount !== undefined)
    values.amount =
      input.amount === null || input.amount === ""
        ? null
        : parseMoney(problems, "amount", input.amount, "not_negative");
  if (input.currency !== undefined) {
    checkCurrency(problems, "currency", input.currency);
    values.currency = input.currency;
  }
  if (input.insurerReference !== undefined) values.insurerReference = blankToNull(input.insurerReference);
  return values;
}

/** The summaries of the claims' contracts, by contract id, in one query. */
async function contractsOf(work: StaffWork, fileId: string, rows: ClaimRow[]) {
  const ids = [...new Set(rows.map((r) => r.contractId).filter((id): id is string => id !== null))];
  const contracts = await findContractRowsOfFile(work.tx, firmOf(work.tx), fileId, ids);
  return new Map<string, ContractSummary>(contracts.map((c) => [c.id, presentContractSummary(c)]));
}

async function present(work: StaffWork, fileId: string, row: ClaimRow) {
  const contracts = await contractsOf(work, fileId, [row]);
  return presentClaim(row, (row.contractId && contracts.get(row.contractId)) || null);
}

/** Refuses a contract that is not on this file (another file's, another firm's, or none at all). */
async function checkContractOnFile(
  work: StaffWork,
  fileId: string,
  contractId: string | null | undefined,
  problems: FieldProblems,
) {
  if (!contractId) return;
  const found = await findContractRowsOfFile(work.tx, firmOf(work.tx), fileId, [contractId]);
  if (found.length === 0) problems.add("contractId", "records.contract_not_on_file");
}

async function loadClaim(work: StaffWork, fileId: string, id: string) {
  const row = await findClaimRow(work.tx, firmOf(work.tx), fileId, id);
  if (!row) throw recordNotFound();
  return row;
}

/** The file's claims, newest first, each with its contract. */
export async function listClaims(work: StaffWork, fileId: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const rows = await listClaimRows(work.tx, firmOf(work.tx), fileId);
  const contracts = await contractsOf(work, fileId, rows);
  return rows.map((row) => presentClaim(row, (row.contractId && contracts.get(row.contractId)) || null));
}

/** One claim of the file. */
export async function getClaim(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  return present(work, fileId, await loadClaim(work, fileId, id));
}

/** Adds a claim to the file, with or without one of its contracts (audited). */
export async function createClaim(work: StaffWork, fileId: string, input: ClaimInput) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const problems = new FieldProblems();
  const changed = valuesOf(input, problems, work.audit.at);
  await checkContractOnFile(work, fileId, changed.contractId, problems);
  problems.throwIfAny();
  const id = newId(work.audit.at.getTime());
  await insertClaim(work.tx, {
    firmId: firmOf(work.tx),
    id,
    clientFileId: fileId,
    contractId: changed.contractId ?? null,
    claimDate: input.claimDate,
    description: input.description,
    status: input.status ?? "open",
    amount: changed.amount ?? null,
    currency: input.currency ?? "EUR",
    insurerReference: changed.insurerReference ?? null,
    createdAt: work.audit.at,
    updatedAt: work.audit.at,
  });
  const after = await present(work, fileId, await loadClaim(work, fileId, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "claim.create",
    entityId: id,
    clientFileId: fileId,
    before: null,
    after,
  });
  return after;
}

/** Changes the fields a patch carries (audited). */
export async function updateClaim(work: StaffWork, fileId: string, id: string, patch: ClaimUpdate) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadClaim(work, fileId, id);
  const problems = new FieldProblems();
  const changed = valuesOf(patch, problems, work.audit.at);
  if (changed.contractId !== row.contractId)
    await checkContractOnFile(work, fileId, changed.contractId, problems);
  problems.throwIfAny();
  const before = await present(work, fileId, row);
  const {
    firmId: _firm,
    id: _id,
    clientFileId: _file,
    createdAt: _created,
    externalId: _ext,
    ...current
  } = row;
  await updateClaimRow(work.tx, firmOf(work.tx), id, { ...current, ...changed, updatedAt: work.audit.at });
  const after = await present(work, fileId, await loadClaim(work, fileId, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "claim.update",
    entityId: id,
    clientFileId: fileId,
    before,
    after,
  });
  return after;
}

/** Removes a claim from the file (audited). */
export async function deleteClaim(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadClaim(work, fileId, id);
  const before = await present(work, fileId, row);
  await deleteClaimRow(work.tx, firmOf(work.tx), id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "claim.delete",
    entityId: id,
    clientFileId: fileId,
    before,
    after: null,
  });
}
