import type { ContractInput, ContractStatus, ContractUpdate } from "../../../contracts/records.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { presentContract } from "./contracts.presenter.js";
import {
  type ContractValues,
  contractExternalIdTaken,
  deleteContractRow,
  findContractRow,
  insertContract,
  isActiveLine,
  listActiveLines,
  listContractRows,
  updateContractRow,
} from "./contracts.queries.js";
import { firmOf, isUniqueViolation, recordNotFound } from "./records.scope.js";
import { blankToNull, checkCurrency, FieldProblems, parseMoney } from "./records.validation.js";

const audited = { entityType: "contract" } as const;

function externalIdConflict(): AppError {
  return new AppError(
    "conflict",
    "records.external_id_taken",
    {},
    { fields: [{ field: "externalId", message: "records.external_id_taken" }] },
  );
}

/** The stored values an input or a patch sets (only the keys it carries), with its format problems. */
function valuesOf(input: ContractUpdate, problems: FieldProblems): Partial<ContractValues> {
  const values: Partial<ContractValues> = {};
  const texts = ["number", "productName", "risk", "externalId"] as const;
  for (const key of texts) if (input[key] !== undefined) values[key] = blankToNull(input[key]);
  if (input.insurer !== undefined) values.insurer = input.insurer;
  if (input.status !== undefined) values.status = input.status;
  if (input.lineOfBusinessId !== undefined) values.lineOfBusinessId = input.lineOfBusinessId ?? null;
  const dates = ["offerDate", "applicationDate", "documentDate", "startDate", "endDate"] as const;
  for (const key of dates) if (input[key] !== undefined) values[key] = input[key] ?? null;
  if (input.premium !== undefined)
    values.premium =
      input.premium === null || input.premium === ""
        ? null
        : parseMoney(problems, "premium", input.premium, "not_negative");
  if (input.premiumFrequency !== undefined) values.premiumFrequency = input.premiumFrequency ?? null;
  if (input.currency !== undefined) {
    checkCurrency(problems, "currency", input.currency);
    values.currency = input.currency;
  }
  return values;
}

/** Checks what depends on the whole contract and on the firm's data; throws `invalid` or `conflict`. */
async function checkContract(
  work: StaffWork,
  merged: ContractValues,
  changed: Partial<ContractValues>,
  problems: FieldProblems,
  contractId: string | null,
) {
  const firmId = firmOf(work.tx);
  if (changed.lineOfBusinessId && !(await isActiveLine(work.tx, firmId, changed.lineOfBusinessId)))
    problems.add("lineOfBusinessId", "records.line_of_business_unknown");
  if (merged.startDate && merged.endDate && merged.endDate < merged.startDate)
    problems.add("endDate", "records.end_before_start");
  problems.throwIfAny();
  if (changed.externalId && (await contractExternalIdTaken(work.tx, firmId, changed.externalId, contractId)))
    throw externalIdConflict();
}

async function writeGuarded(write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    // Two writers racing for one external ID: the index decides, the loser hears 409 like everyone else.
    if (isUniqueViolation(error, "contracts_external_id_idx")) throw externalIdConflict();
    throw error;
  }
}

async function loadContract(work: StaffWork, fileId: string, id: string) {
  const row = await findContractRow(work.tx, firmOf(work.tx), fileId, id);
  if (!row) throw recordNotFound();
  return row;
}

/** The file's contracts, sorted by line of business then insurer, optionally of one status. */
export async function listContracts(work: StaffWork, fileId: string, status?: ContractStatus) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const rows = await listContractRows(work.tx, firmOf(work.tx), fileId, status);
  return rows.map(presentContract);
}

/** One contract of the file. */
export async function getContract(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  return presentContract(await loadContract(work, fileId, id));
}

/** The firm's active lines of business, offered for a contract of the file. */
export async function listLinesForFile(work: StaffWork, fileId: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  return listActiveLines(work.tx, firmOf(work.tx));
}

/** Adds a contract to the file (audited). */
export async function createContract(work: StaffWork, fileId: string, input: ContractInput) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const problems = new FieldProblems();
  const changed = valuesOf(input, problems);
  const values: ContractValues = {
    number: null,
    productName: null,
    risk: null,
    lineOfBusinessId: null,
    offerDate: null,
    applicationDate: null,
    documentDate: null,
    startDate: null,
    endDate: null,
    premium: null,
    premiumFrequency: null,
    currency: "EUR",
    externalId: null,
    ...changed,
    insurer: input.insurer,
    status: input.status,
    updatedAt: work.audit.at,
  };
  await checkContract(work, values, changed, problems, null);
  const id = newId(work.audit.at.getTime());
  const firmId = firmOf(work.tx);
  await writeGuarded(() =>
    insertContract(work.tx, { ...values, firmId, id, clientFileId: fileId, createdAt: work.audit.at }),
  );
  const after = presentContract(await loadContract(work, fileId, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "contract.create",
    entityId: id,
    clientFileId: fileId,
    before: null,
    after,
  });
  return after;
}

/** Changes the fields a patch carries (audited with before and after). */
export async function updateContract(work: StaffWork, fileId: string, id: string, patch: ContractUpdate) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadContract(work, fileId, id);
  const problems = new FieldProblems();
  const changed = valuesOf(patch, problems);
  const {
    line: _line,
    firmId: _firm,
    id: _id,
    clientFileId: _file,
    createdAt: _created,
    portalCategory: _category,
    ...current
  } = row;
  const values: ContractValues = { ...current, ...changed, updatedAt: work.audit.at };
  if (changed.externalId === row.externalId) delete changed.externalId;
  if (changed.lineOfBusinessId === row.lineOfBusinessId) delete changed.lineOfBusinessId;
  await checkContract(work, values, changed, problems, id);
  await writeGuarded(() => updateContractRow(work.tx, firmOf(work.tx), id, values));
  const before = presentContract(row);
  const after = presentContract(await loadContract(work, fileId, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "contract.update",
    entityId: id,
    clientFileId: fileId,
    before,
    after,
  });
  return after;
}

/** Removes a contract from the file (audited); its claims stay, without a contract. */
export async function deleteContract(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadContract(work, fileId, id);
  await deleteContractRow(work.tx, firmOf(work.tx), id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "contract.delete",
    entityId: id,
    clientFileId: fileId,
    before: presentContract(row),
    after: null,
  });
}
