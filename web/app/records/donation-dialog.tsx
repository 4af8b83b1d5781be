import type { UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../../contracts/common";
import { type Donation, type DonationPerson, donationKinds } from "../../../contracts/records";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { RecordFormShell } from "./record-dialog";
import {
  amountField,
  amountValue,
  currencyCode,
  currencyField,
  type RecordFormProps,
  textOrNull,
  useRecordForm,
} from "./record-form";
import { AmountField, ChoiceOptions, CurrencyField, TextAreaField } from "./record-inputs";

const sides = ["donor", "beneficiary"] as const;
type Side = (typeof sides)[number];

function formSchema(language: Language) {
  return z
    .object({
      donorType: z.enum(["person", "name"]),
      donorPersonId: z.string(),
      donorName: z.string(),
      beneficiaryType: z.enum(["person", "name"]),
      beneficiaryPersonId: z.string(),
      beneficiaryName: z.string(),
      donationDate: z.string().min(1, "records.validation.required"),
      amount: amountField(language, false),
      currency: currencyField,
      kind: z.enum(donationKinds),
      notes: z.string(),
    })
    .superRefine((v, ctx) => {
      // Each side is a person of the file or a name: whichever is chosen must be filled in.
      for (const side of sides) {
        const usesPerson = v[`${side}Type`] === "person";
        const value = usesPerson ? v[`${side}PersonId`] : v[`${side}Name`].trim();
        if (!value)
          ctx.addIssue({
            code: "custom",
            path: [usesPerson ? `${side}PersonId` : `${side}Name`],
            message: "records.validation.required",
          });
      }
    });
}
type DonationForm = z.infer<ReturnType<typeof formSchema>>;

/** The add/edit form of a donation; each side a person of the file or someone named. */
export function DonationForm({
  fileId,
  record: donation,
  persons,
  onDone,
}: RecordFormProps<Donation> & { persons: DonationPerson[] }) {
  const { t } = useTranslation();
  const defaultType = (side: Side): "person" | "name" => {
    const party = donation?.[side];
    if (party) return party.personId ? "person" : "name";
    return persons.length > 0 ? "person" : "name";
  };
  const { form, field, error, shell } = useRecordForm({
    fileId,
    kind: "donations",
    id: donation?.id,
    schema: formSchema,
    onDone,
    defaultValues: (format) => ({
      donorType: defaultType("donor"),
      donorPersonId: donation?.donor.personId ?? "",
      donorName: donation?.donor.personId ? "" : (donation?.donor.name ?? ""),
      beneficiaryType: defaultType("beneficiary"),
      beneficiaryPersonId: donation?.beneficiary.personId ?? "",
      beneficiaryName: donation?.beneficiary.personId ? "" : (donation?.beneficiary.name ?? ""),
      donationDate: donation?.donationDate ?? "",
      amount: format.amountForInput(donation?.amount ?? null),
      currency: donation?.currency ?? "EUR",
      kind: donation?.kind ?? "cash",
      notes: donation?.notes ?? "",
    }),
    toBody: (v, language) => {
      const party = (side: Side) =>
        v[`${side}Type`] === "person"
          ? { personId: v[`${side}PersonId`] || null, name: null }
          : { personId: null, name: textOrNull(v[`${side}Name`]) };
      const donor = party("donor");
      const beneficiary = party("beneficiary");
      return {
        donorPersonId: donor.personId,
        donorName: donor.name,
        beneficiaryPersonId: beneficiary.personId,
        beneficiaryName: beneficiary.name,
        donationDate: v.donationDate,
        amount: amountValue(v.amount, language),
        currency: currencyCode(v.currency),
        kind: v.kind,
        notes: textOrNull(v.notes),
      };
    },
  });

  // A person removed from the file since stays selectable on the donation that names them.
  const personOptions = [...persons];
  for (const side of sides) {
    const id = donation?.[side].personId;
    if (id && !personOptions.some((p) => p.id === id))
      personOptions.push({ id, name: t("records.donations.removedPerson") });
  }

  return (
    <RecordFormShell {...shell}>
      <div className="grid gap-5 sm:grid-cols-2">
        {sides.map((side) => (
          <PartyFields
            key={side}
            side={side}
            register={form.register}
            usesPerson={form.watch(`${side}Type`) === "person"}
            persons={personOptions}
            personError={error(`${side}PersonId`)}
            nameError={error(`${side}Name`)}
          />
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField type="date" label={t("records.donations.donationDate")} {...field("donationDate")} />
        <Select label={t("records.donations.kind")} {...field("kind")}>
          <ChoiceOptions values={donationKinds} labelOf={(kind) => t(`records.donationKind.${kind}`)} />
        </Select>
        <AmountField label={t("records.donations.amount")} {...field("amount")} />
        <CurrencyField {...field("currency")} />
        <TextAreaField className="sm:col-span-2" label={t("records.donations.notes")} {...field("notes")} />
      </div>
    </RecordFormShell>
  );
}

/** One side of the donation: a choice between a person of the file and a name, then that field. */
function PartyFields({
  side,
  register,
  usesPerson,
  persons,
  personError,
  nameError,
}: {
  side: Side;
  register: UseFormRegister<DonationForm>;
  usesPerson: boolean;
  persons: DonationPerson[];
  personError: string | undefined;
  nameError: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">{t(`records.donations.${side}`)}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {(["person", "name"] as const).map((type) => (
          <label key={type} className="flex min-h-9 cursor-pointer items-center gap-2">
            <input
              type="radio"
              value={type}
              className="size-4 accent-brand-700"
              {...register(`${side}Type`)}
            />
            {type === "person" ? t("records.donations.partyPerson") : t("records.donations.partyName")}
          </label>
        ))}
      </div>
      {usesPerson ? (
        <Select label={t("records.donations.person")} error={personError} {...register(`${side}PersonId`)}>
          <option value="">{t("records.donations.choosePerson")}</option>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      ) : (
        <TextField
          label={t("records.donations.name")}
          error={nameError}
          autoComplete="off"
          {...register(`${side}Name`)}
        />
      )}
    </fieldset>
  );
}
