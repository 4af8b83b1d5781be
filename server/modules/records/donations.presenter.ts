import type { Donation, DonationKind, DonationParty, DonationPerson } from "../../../contracts/records.js";
import type { DonationRow } from "./donations.queries.js";

/** A person of the file as the donation form offers it. */
export function presentDonationPerson(p: {
  id: string;
  firstName: string;
  lastName: string;
}): DonationPerson {
  return { id: p.id, name: `${p.firstName} ${p.lastName}`.trim() };
}

function party(personId: string | null, name: string | null, people: Map<string, string>): DonationParty {
  // A person shows under the name they have now; one removed from the file since keeps only its id.
  return personId ? { personId, name: people.get(personId) ?? null } : { personId: null, name };
}

/** A donation row → the API's donation, naming its persons from `people` (id → name). */
export function presentDonation(row: DonationRow, people: Map<string, string>): Donation {
  return {
    id: row.id,
    clientFileId: row.clientFileId,
    donor: party(row.donorPersonId, row.donorName, people),
    beneficiary: party(row.beneficiaryPersonId, row.beneficiaryName, people),
    donationDate: row.donationDate,
    amount: row.amount,
    currency: row.currency,
    kind: row.kind as DonationKind,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
