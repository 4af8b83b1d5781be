import type { DonationInput, DonationUpdate } from "../../../contracts/records.js";
import { newId } from "../../platform/ids.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { presentDonation, presentDonationPerson } from "./donations.presenter.js";
import {
  type DonationRow,
  type DonationValues,
  deleteDonationRow,
  findDonationRow,
  insertDonation,
  listDonationRows,
  personsOfFile,
  updateDonationRow,
} from "./donations.queries.js";
import { checkDonationParties, donationValuesOf, newDonationValues } from "./donations.rules.js";
import { firmOf, recordNotFound } from "./records.scope.js";
import { FieldProblems } from "./records.validation.js";

const audited = { entityType: "donation" } as const;

async function people(work: StaffWork, fileId: string) {
  const list = (await personsOfFile(work.tx, firmOf(work.tx), fileId)).map(presentDonationPerson);
  return { list, names: new Map(list.map((p) => [p.id, p.name])) };
}

async function loadDonation(work: StaffWork, fileId: string, id: string) {
  const row = await findDonationRow(work.tx, firmOf(work.tx), fileId, id);
  if (!row) throw recordNotFound();
  return row;
}

function valuesOfRow(row: DonationRow): DonationValues {
  const { firmId: _firm, id: _id, clientFileId: _file, createdAt: _created, ...values } = row;
  return values;
}

/** The file's donations, newest first, and the persons the form offers as donor or beneficiary. */
export async function listDonations(work: StaffWork, fileId: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const rows = await listDonationRows(work.tx, firmOf(work.tx), fileId);
  const { list, names } = await people(work, fileId);
  return { donations: rows.map((row) => presentDonation(row, names)), persons: list };
}

/** One donation of the file. */
export async function getDonation(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const row = await loadDonation(work, fileId, id);
  return presentDonation(row, (await people(work, fileId)).names);
}

/** Adds a donation to the file (audited). */
export async function createDonation(work: StaffWork, fileId: string, input: DonationInput) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const problems = new FieldProblems();
  const values = newDonationValues(input, work.audit.at, problems);
  const { names } = await people(work, fileId);
  checkDonationParties(values, new Set(names.keys()), problems);
  problems.throwIfAny();
  const id = newId(work.audit.at.getTime());
  await insertDonation(work.tx, {
    ...values,
    firmId: firmOf(work.tx),
    id,
    clientFileId: fileId,
    createdAt: work.audit.at,
  });
  const after = presentDonation(await loadDonation(work, fileId, id), names);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "donation.create",
    entityId: id,
    clientFileId: fileId,
    before: null,
    after,
  });
  return after;
}

/** Changes the fields a patch carries, checking both sides again as a whole (audited). */
export async function updateDonation(work: StaffWork, fileId: string, id: string, patch: DonationUpdate) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadDonation(work, fileId, id);
  const problems = new FieldProblems();
  const changed = donationValuesOf(patch, problems);
  const { names } = await people(work, fileId);
  const values: DonationValues = { ...valuesOfRow(row), ...changed, updatedAt: work.audit.at };
  // A person removed from the file since stays acceptable on an unchanged side.
  const known = new Set(names.keys());
  if (row.donorPersonId && values.donorPersonId === row.donorPersonId) known.add(row.donorPersonId);
  if (row.beneficiaryPersonId && values.beneficiaryPersonId === row.beneficiaryPersonId)
    known.add(row.beneficiaryPersonId);
  checkDonationParties(values, known, problems);
  problems.throwIfAny();
  await updateDonationRow(work.tx, firmOf(work.tx), id, values);
  const after = presentDonation(await loadDonation(work, fileId, id), names);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "donation.update",
    entityId: id,
    clientFileId: fileId,
    before: presentDonation(row, names),
    after,
  });
  return after;
}

/** Removes a donation from the file (audited). */
export async function deleteDonation(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadDonation(work, fileId, id);
  const { names } = await people(work, fileId);
  await deleteDonationRow(work.tx, firmOf(work.tx), id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "donation.delete",
    entityId: id,
    clientFileId: fileId,
    before: presentDonation(row, names),
    after: null,
  });
}
