import { useTranslation } from "react-i18next";
import type { PortalDonation } from "../../contracts/portal";
import {
  DonationFields,
  donationFormBody,
  donationFormDefaults,
  donationFormSchema,
  type PartyChoice,
  partyChoices,
} from "../ui/donation-fields";
import { usePortalForm } from "./portal-form";
import { usePortalFormat } from "./portal-format";
import { DialogForm } from "./portal-ui";

/** Adds or changes a donation (PORTAL-8); each side a person of the file or someone named. */
export function DonationForm({
  donation,
  persons,
  onDone,
}: {
  donation: PortalDonation | null;
  persons: PartyChoice[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { form, field, error, shell } = usePortalForm({
    schema: donationFormSchema,
    onDone,
    defaultValues: donationFormDefaults(donation, persons.length > 0, format.amountForInput),
    toChange: (v, language) => ({
      path: donation ? `donations/${donation.id}` : "donations",
      method: donation ? "PATCH" : "POST",
      body: donationFormBody(v, language),
    }),
  });
  // A person the viewer no longer sees stays selectable on the donation that names them.
  const choices = partyChoices(persons, donation, (party) => party.name ?? t("portal.donations.someone"));
  return (
    <DialogForm {...shell}>
      <DonationFields area="portal" form={form} field={field} error={error} persons={choices} />
    </DialogForm>
  );
}
