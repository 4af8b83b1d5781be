import type { PortalDonation } from "../../../contracts/portal.js";
import type { DonationInput, DonationUpdate } from "../../../contracts/records.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { FileAccess } from "../access/portal-access.js";
import {
  assertStillChangeable,
  editGrantIds,
  requireChangeable,
  requireCreatable,
} from "../access/portal-edits.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { presentDonation } from "../records/donations.presenter.js";
import {
  type DonationRow,
  type DonationValues,
  deleteDonationRow,
  findDonationRow,
  insertDonation,
  updateDonationRow,
} from "../records/donations.queries.js";
import { blankToNull, checkCurrency, FieldProblems, parseMoney } from "../records/records.validation.js";
import { presentPortalDonation } from "./portal.presenter.js";
import { listShownDonations, listShownPersons } from "./portal-lists.queries.js";

// PORTAL-8: donations (seed 003's inventory), changed by read_write grantees whose role allows it.

const audited = { entityType: "donation" } as const;

function valuesOf(input: DonationUpdate, problems: FieldProblems): Partial<DonationValues> {
  const values: Partial<DonationValues> = {};
  for (const key of ["donorPersonId", "beneficiaryPersonId"] as const)
    if (input[key] !== undefined) values[key] = input[key] ?? null;
  if (input.donationDate !== undefined) values.donationDate = input.donationDate;
  for (const key of ["donorName", "beneficiaryName", "notes"] as const)
    if (input[key] !== undefined) values[key] = blankToNull(input[key]);
  if (input.amount !== undefined) {
    const amount = parseMoney(problems, "amount", input.amount, "positive");
    if (amount !== null) values.amount = amount;
  }
  if (input.currency !== undefined) {
    checkCurrency(problems, "currency", input.currency);
    values.currency = input.currency;
  }
  if (input.kind !== undefined) values.kind = input.kind;
  return values;
}

/**
 * Each side is exactly one of a person or a name; a person must be one the viewer sees on this file
 * (a client cannot name, or probe for, persons the grant does not show).
 */
function checkParties(merged: DonationValues, known: ReadonlySet<string>, problems: FieldProblems) {
  for (const side of ["donor", "beneficiary"] as const) {
    const personId = merged[`${side}PersonId`];
    const name = merged[`${side}Name`];
    if (personId && name) {
      problems.add(`${side}PersonId`, "records.party_both");
      problems.add(`${side}Name`, "records.party_both");
    } else if (!personId && !name) {
      problems.add(`${side}PersonId`, "records.party_missing");
      problems.add(`${side}Name`, "records.party_missing");
    } else if (personId && !known.has(personId)) {
      problems.add(`${side}PersonId`, "records.person_not_on_file");
    }
  }
}

async function shownPersonIds(work: PortalWork, access: FileAccess) {
  return new Set((await listShownPersons(work.tx, access, [])).map((r) => r.person.id));
}

async function loadRow(work: PortalWork, fileId: string, id: string) {
  const row = await findDonationRow(work.tx, work.firmId, fileId, id);
  if (!row) throw new AppError("not_found");
  return row;
}

async function presentShown(work: PortalWork, access: FileAccess, id: string): Promise<PortalDonation> {
  const [row] = await listShownDonations(work.tx, access, editGrantIds(access, "donation"), id);
  if (!row) throw new AppError("not_found");
  return presentPortalDonation(row);
}

/** The audit shape: the back office's, so the file's history reads the same whoever changed it. */
function auditState(row: DonationRow) {
  return presentDonation(row, new Map());
}

/** Adds a donation to the file from the portal (audited as the client's). */
export async function createPortalDonation(work: PortalWork, fileId: string, input: DonationInput) {
  const access = await requirePortalFile(work, fileId);
  requireCreatable(access, "donation");
  const problems = new FieldProblems();
  const values: DonationValues = {
    donorPersonId: null,
    donorName: null,
    beneficiaryPersonId: null,
    beneficiaryName: null,
    notes: null,
    currency: "EUR",
    amount: "0.00",
    ...valuesOf(input, problems),
    donationDate: input.donationDate,
    kind: input.kind,
    updatedAt: work.now,
  };
  checkParties(values, await shownPersonIds(work, access), problems);
  problems.throwIfAny();
  const id = newId(work.now.getTime());
  await insertDonation(work.tx, {
    ...values,
    firmId: work.firmId,
    id,
    clientFileId: fileId,
    createdAt: work.now,
  });
  await assertStillChangeable(work.tx, access, "donation", id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "portal.donation.create",
    entityId: id,
    clientFileId: fileId,
    before: null,
    after: auditState(await loadRow(work, fileId, id)),
  });
  return presentShown(work, access, id);
}

/** Changes a donation the viewer may change, checking both sides again as a whole (audited). */
export async function updatePortalDonation(
  work: PortalWork,
  fileId: string,
  id: string,
  patch: DonationUpdate,
) {
  const access = await requirePortalFile(work, fileId);
  await requireChangeable(work.tx, access, "donation", id);
  const row = await loadRow(work, fileId, id);
  const problems = new FieldProblems();
  const { firmId: _firm, id: _id, clientFileId: _file, createdAt: _created, ...current } = row;
  const values: DonationValues = { ...current, ...valuesOf(patch, problems), updatedAt: work.now };
  // A side left as it was stays acceptable, even naming a person the viewer does not see.
  const known = await shownPersonIds(work, access);
  if (row.donorPersonId && values.donorPersonId === row.donorPersonId) known.add(row.donorPersonId);
  if (row.beneficiaryPersonId && values.beneficiaryPersonId === row.beneficiaryPersonId)
    known.add(row.beneficiaryPersonId);
  checkParties(values, known, problems);
  problems.throwIfAny();
  await updateDonationRow(work.tx, work.firmId, id, values);
  await assertStillChangeable(work.tx, access, "donation", id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "portal.donation.update",
    entityId: id,
    clientFileId: fileId,
    before: auditState(row),
    after: auditState(await loadRow(work, fileId, id)),
  });
  return presentShown(work, access, id);
}

/** Removes a donation the viewer may change (audited). */
export async function deletePortalDonation(work: PortalWork, fileId: string, id: string) {
  const access = await requirePortalFile(work, fileId);
  await requireChangeable(work.tx, access, "donation", id);
  const row = await loadRow(work, fileId, id);
  await deleteDonationRow(work.tx, work.firmId, id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "portal.donation.delete",
    entityId: id,
    clientFileId: fileId,
    before: auditState(row),
    after: null,
  });
}
