import type { PortalDonation } from "../../../contracts/portal.js";
import type { DonationInput, DonationUpdate } from "../../../contracts/records.js";
import type { FileAccess } from "../access/portal-access.js";
import type { PortalWork } from "../access/portal-scope.js";
import { presentDonation } from "../records/donations.presenter.js";
import {
  type DonationRow,
  type DonationValues,
  deleteDonationRow,
  findDonationRow,
  insertDonation,
  updateDonationRow,
} from "../records/donations.queries.js";
import { checkDonationParties, donationValuesOf, newDonationValues } from "../records/donations.rules.js";
import { FieldProblems } from "../records/records.validation.js";
import { presentPortalDonation } from "./portal.presenter.js";
import { listShownDonations, listShownPersons } from "./portal-lists.queries.js";
import {
  createPortalRecord,
  deletePortalRecord,
  type PortalRecordStore,
  updatePortalRecord,
} from "./portal-record-writes.js";

// PORTAL-8: donations (seed 003's inventory), changed by read_write grantees whose role allows it.

const donationStore: PortalRecordStore<DonationRow, PortalDonation> = {
  kind: "donation",
  find: findDonationRow,
  remove: deleteDonationRow,
  // The back office's shape, so the file's history reads the same whoever changed it.
  auditState: (row) => presentDonation(row, new Map()),
  presentShown: async (tx, access, editIds, id) => {
    const [row] = await listShownDonations(tx, access, editIds, id);
    return row && presentPortalDonation(row);
  },
};

async function shownPersonIds(work: PortalWork, access: FileAccess) {
  return new Set((await listShownPersons(work.tx, access, [])).map((r) => r.person.id));
}

/** Adds a donation to the file from the portal (audited as the client's). */
export function createPortalDonation(work: PortalWork, fileId: string, input: DonationInput) {
  return createPortalRecord(work, fileId, donationStore, async (access, id) => {
    const problems = new FieldProblems();
    const values = newDonationValues(input, work.now, problems);
    checkDonationParties(values, await shownPersonIds(work, access), problems);
    problems.throwIfAny();
    await insertDonation(work.tx, {
      ...values,
      firmId: work.firmId,
      id,
      clientFileId: fileId,
      createdAt: work.now,
    });
  });
}

/** Changes a donation the viewer may change, checking both sides again as a whole (audited). */
export function updatePortalDonation(work: PortalWork, fileId: string, id: string, patch: DonationUpdate) {
  return updatePortalRecord(work, fileId, id, donationStore, async (access, row) => {
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
  });
}

/** Removes a donation the viewer may change (audited). */
export function deletePortalDonation(work: PortalWork, fileId: string, id: string) {
  return deletePortalRecord(work, fileId, id, donationStore);
}
