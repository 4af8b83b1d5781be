import type { AddressInput, AddressUpdate, ContractSummary } from "../../../contracts/records.js";
import { newId } from "../../platform/ids.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { presentAddress } from "./addresses.presenter.js";
import {
  type AddressRow,
  type AddressValues,
  deleteAddressRow,
  findAddressRow,
  insertAddress,
  linksOf,
  listAddressRows,
  replaceLinks,
  updateAddressRow,
} from "./addresses.queries.js";
import { presentContractSummary } from "./contracts.presenter.js";
import { findContractRowsOfFile } from "./contracts.queries.js";
import { firmOf, recordNotFound } from "./records.scope.js";
import { checkCountry, FieldProblems } from "./records.validation.js";

const audited = { entityType: "reference_address" } as const;

function valuesOf(input: AddressUpdate, problems: FieldProblems): Partial<AddressValues> {
  const values: Partial<AddressValues> = {};
  for (const key of ["label", "street", "postalCode", "city"] as const)
    if (input[key] !== undefined) values[key] = input[key];
  if (input.country !== undefined) {
    checkCountry(problems, "country", input.country);
    values.country = input.country;
  }
  return values;
}

/** The contracts linked to each address (in the contracts' list order), with two queries for all of them. */
async function linkedContracts(work: StaffWork, fileId: string, rows: AddressRow[]) {
  const firmId = firmOf(work.tx);
  const links = await linksOf(
    work.tx,
    firmId,
    rows.map((r) => r.id),
  );
  const contracts = await findContractRowsOfFile(work.tx, firmId, fileId, [
    ...new Set(links.map((l) => l.contractId)),
  ]);
  const byAddress = new Map<string, ContractSummary[]>();
  for (const contract of contracts)
    for (const link of links)
      if (link.contractId === contract.id) {
        const list = byAddress.get(link.addressId) ?? [];
        list.push(presentContractSummary(contract));
        byAddress.set(link.addressId, list);
      }
  return byAddress;
}

async function present(work: StaffWork, fileId: string, row: AddressRow) {
  return presentAddress(row, (await linkedContracts(work, fileId, [row])).get(row.id) ?? []);
}

/** The distinct contract ids to link, refusing any that is not a contract of this file. */
async function checkContractIds(work: StaffWork, fileId: string, ids: string[], problems: FieldProblems) {
  const unique = [...new Set(ids)];
  const found = new Set(
    (await findContractRowsOfFile(work.tx, firmOf(work.tx), fileId, unique)).map((c) => c.id),
  );
  if (unique.some((id) => !found.has(id))) problems.add("contractIds", "records.contract_not_on_file");
  return unique;
}

async function loadAddress(work: StaffWork, fileId: string, id: string) {
  const row = await findAddressRow(work.tx, firmOf(work.tx), fileId, id);
  if (!row) throw recordNotFound();
  return row;
}

/** The file's reference addresses with their linked contracts. */
export async function listAddresses(work: StaffWork, fileId: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const rows = await listAddressRows(work.tx, firmOf(work.tx), fileId);
  const contracts = await linkedContracts(work, fileId, rows);
  return rows.map((row) => presentAddress(row, contracts.get(row.id) ?? []));
}

/** One reference address of the file. */
export async function getAddress(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  return present(work, fileId, await loadAddress(work, fileId, id));
}

/** Adds a reference address, linked to contracts of the file (audited). */
export async function createAddress(work: StaffWork, fileId: string, input: AddressInput) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const problems = new FieldProblems();
  valuesOf(input, problems);
  const contractIds = await checkContractIds(work, fileId, input.contractIds ?? [], problems);
  problems.throwIfAny();
  const firmId = firmOf(work.tx);
  const id = newId(work.audit.at.getTime());
  await insertAddress(work.tx, {
    firmId,
    id,
    clientFileId: fileId,
    label: input.label,
    street: input.street,
    postalCode: input.postalCode,
    city: input.city,
    country: input.country ?? "DE",
    createdAt: work.audit.at,
    updatedAt: work.audit.at,
  });
  await replaceLinks(work.tx, firmId, id, contractIds);
  const after = await present(work, fileId, await loadAddress(work, fileId, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "reference_address.create",
    entityId: id,
    clientFileId: fileId,
    before: null,
    after,
  });
  return after;
}

/** Changes the fields a patch carries; `contractIds`, when sent, replaces the links (audited). */
export async function updateAddress(work: StaffWork, fileId: string, id: string, patch: AddressUpdate) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadAddress(work, fileId, id);
  const problems = new FieldProblems();
  const changed = valuesOf(patch, problems);
  const contractIds =
    patch.contractIds === undefined
      ? undefined
      : await checkContractIds(work, fileId, patch.contractIds, problems);
  problems.throwIfAny();
  const before = await present(work, fileId, row);
  const firmId = firmOf(work.tx);
  const { firmId: _firm, id: _id, clientFileId: _file, createdAt: _created, ...current } = row;
  await updateAddressRow(work.tx, firmId, id, { ...current, ...changed, updatedAt: work.audit.at });
  if (contractIds) await replaceLinks(work.tx, firmId, id, contractIds);
  const after = await present(work, fileId, await loadAddress(work, fileId, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "reference_address.update",
    entityId: id,
    clientFileId: fileId,
    before,
    after,
  });
  return after;
}

/** Removes a reference address and its links (audited). */
export async function deleteAddress(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadAddress(work, fileId, id);
  const before = await present(work, fileId, row);
  await deleteAddressRow(work.tx, firmOf(work.tx), id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "reference_address.delete",
    entityId: id,
    clientFileId: fileId,
    before,
    after: null,
  });
}
