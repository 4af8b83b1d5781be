import { useTranslation } from "react-i18next";
import type { Donation, DonationPerson } from "../../../contracts/records";
import {
  DonationFields,
  donationFormBody,
  donationFormDefaults,
  donationFormSchema,
  partyChoices,
} from "../../ui/donation-fields";
import { RecordFormShell } from "./record-dialog";
import { type RecordFormProps, useRecordForm } from "./record-form";

/** The add/edit form of a donation; each side a person of the file or someone named. */
export function DonationForm({
  fileId,
  record: donation,
  persons,
  onDone,
}: RecordFormProps<Donation> & { persons: DonationPerson[] }) {
  const { t } = useTranslation();
  const state = useRecordForm({
    fileId,
    kind: "donations",
    id: donation?.id,
    schema: donationFormSchema,
    onDone,
    defaultValues: (format) => donationFormDefaults(donation, persons.length > 0, format.amountForInput),
    toBody: donationFormBody,
  });
  // A person removed from the file since stays selectable on the donation that names them.
  const choices = partyChoices(persons, donation, () => t("records.donations.removedPerson"));
  return (
    <RecordFormShell {...state.shell}>
      <DonationFields
        area="records"
        form={state.form}
        field={state.field}
        error={state.error}
        persons={choices}
      />
    </RecordFormShell>
  );
}
