import type { DonationInput, DonationUpdate } from "../../../contracts/records.js";
import type { DonationValues } from "./donations.queries.js";
import { blankToNull, checkCurrency, type FieldProblems, parseMoney } from "./records.validation.js";

// A donation's validation, shared by the back office and the portal (PORTAL-8).

/** The columns a donation input or patch sets, with its amount and currency checked. */
export function donationValuesOf(input: DonationUpdate, problems: FieldProblems): Partial<DonationValues> {
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
 * Each side is exactly one of a person or a name; a person must be among `personIds` (the file's
 * persons for staff, the persons the grant shows for a client, who cannot name or probe for others).
 */
export function checkDonationParties(
  merged: DonationValues,
  personIds: ReadonlySet<string>,
  problems: FieldProblems,
) {
  for (const side of ["donor", "beneficiary"] as const) {
    const personId = merged[`${side}PersonId`];
    const name = merged[`${side}Name`];
    if (personId && name) {
      problems.add(`${side}PersonId`, "records.party_both");
      problems.add(`${side}Name`, "records.party_both");
    } else if (!personId && !name) {
      problems.add(`${side}PersonId`, "records.party_missing");
      problems.add(`${side}Name`, "records.party_missing");
    } else if (personId && !personIds.has(personId)) {
      problems.add(`${side}PersonId`, "records.person_not_on_file");
    }
  }
}

/** A new donation's values from its input (back office or portal): defaults, then what was given. */
export function newDonationValues(input: DonationInput, at: Date, problems: FieldProblems): DonationValues {
  return {
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
    updatedAt: at,
  };
}
