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
import { checkDonationParties, donationValuesOf } from "../records/donations.rules.js";
import { FieldProblems } from "../records/records.validation.js";
import { presentPortalDonation } from "./portal.presenter.js";
import { listShownDonations, listShownPersons } from "./portal-lists.queries.js";

// PORTAL-8: donations (seed 003's inventory), changed by read_write grantees whose role allows it.

const audited = { entityType: "donation" } as const;

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
    ...donationValuesOf(input, problems),
    donationDate: input.donationDate,
    kind: input.kind,
    updatedAt: work.now,
  };
  checkDonationParties(values, await shownPersonIds(work, access), problems);
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
  const values: DonationValues = { ...current, ...donationValuesOf(patch, problems), updatedAt: work.now };
  // A side left as it was stays acceptable, even naming a person the viewer does not see.
  const known = await shownPersonIds(work, access);
  if (row.donorPersonId && values.donorPersonId === row.donorPersonId) known.add(row.donorPersonId);
  if (row.beneficiaryPersonId && values.beneficiaryPersonId === row.beneficiaryPersonId)
    known.add(row.beneficiaryPersonId);
  checkDonationParties(values, known, problems);
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
