import type { UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../contracts/common";
import type { PortalDonation } from "../../contracts/portal";
import { donationKinds } from "../../contracts/records";
import {
  amountField,
  amountValue,
  currencyCode,
  currencyField,
  textOrNull,
} from "../app/records/record-form";
import { AmountField, ChoiceOptions, CurrencyField, TextAreaField } from "../app/records/record-inputs";
import { Select } from "../ui/select";
import { TextField } from "../ui/text-field";
import { usePortalForm } from "./portal-form";
import { usePortalFormat } from "./portal-format";
import { DialogForm } from "./portal-ui";

const sides = ["donor", "beneficiary"] as const;
type Side = (typeof sides)[number];

/** A person of the file who may be chosen as donor or beneficiary. */
export interface PartyChoice {
  id: string;
  name: string;
}

function donationSchema(language: Language) {
  return z
    .object({
      donorType: z.enum(["person", "name"]),
      donorPersonId: z.string(),
      donorName: z.string(),
      beneficiaryType: z.enum(["person", "name"]),
      beneficiaryPersonId: z.string(),
      beneficiaryName: z.string(),
      donationDate: z.string().min(1, "validation.required"),
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
            message: "validation.required",
          });
      }
    });
}
type DonationValues = z.infer<ReturnType<typeof donationSchema>>;

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
  const typeOf = (side: Side): "person" | "name" => {
    const party = donation?.[side];
    if (party) return party.personId ? "person" : "name";
    return persons.length > 0 ? "person" : "name";
  };
  const { form, field, error, shell } = usePortalForm({
    schema: donationSchema,
    onDone,
    defaultValues: {
      donorType: typeOf("donor"),
      donorPersonId: donation?.donor.personId ?? "",
      donorName: donation?.donor.personId ? "" : (donation?.donor.name ?? ""),
      beneficiaryType: typeOf("beneficiary"),
      beneficiaryPersonId: donation?.beneficiary.personId ?? "",
      beneficiaryName: donation?.beneficiary.personId ? "" : (donation?.beneficiary.name ?? ""),
      donationDate: donation?.donationDate ?? "",
      amount: format.amountForInput(donation?.amount ?? null),
      currency: donation?.currency ?? "EUR",
      kind: donation?.kind ?? "cash",
      notes: donation?.notes ?? "",
    },
    toChange: (v, language) => {
      const party = (side: Side) =>
        v[`${side}Type`] === "person"
          ? { personId: v[`${side}PersonId`] || null, name: null }
          : { personId: null, name: textOrNull(v[`${side}Name`]) };
      const donor = party("donor");
      const beneficiary = party("beneficiary");
      return {
        path: donation ? `donations/${donation.id}` : "donations",
        method: donation ? "PATCH" : "POST",
        body: {
          donorPersonId: donor.personId,
          donorName: donor.name,
          beneficiaryPersonId: beneficiary.personId,
          beneficiaryName: beneficiary.name,
          donationDate: v.donationDate,
          amount: amountValue(v.amount, language),
          currency: currencyCode(v.currency),
          kind: v.kind,
          notes: textOrNull(v.notes),
        },
      };
    },
  });

  // A person the viewer no longer sees stays selectable on the donation that names them.
  const choices = [...persons];
  for (const side of sides) {
    const party = donation?.[side];
    if (party?.personId && !choices.some((p) => p.id === party.personId))
      choices.push({ id: party.personId, name: party.name ?? t("portal.donations.someone") });
  }

  return (
    <DialogForm {...shell}>
      <div className="grid gap-5 sm:grid-cols-2">
        {sides.map((side) => (
          <PartyFields
            key={side}
            side={side}
            register={form.register}
            usesPerson={form.watch(`${side}Type`) === "person"}
            persons={choices}
            personError={error(`${side}PersonId`)}
            nameError={error(`${side}Name`)}
          />
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField type="date" label={t("portal.donations.date")} {...field("donationDate")} />
        <Select label={t("portal.donations.kind")} {...field("kind")}>
          <ChoiceOptions values={donationKinds} labelOf={(kind) => t(`records.donationKind.${kind}`)} />
        </Select>
        <AmountField label={t("portal.donations.amount")} {...field("amount")} />
        <CurrencyField {...field("currency")} />
        <TextAreaField className="sm:col-span-2" label={t("portal.donations.notes")} {...field("notes")} />
      </div>
    </DialogForm>
  );
}

/** One side of the donation: a person of the file or a name, then that field. */
function PartyFields({
  side,
  register,
  usesPerson,
  persons,
  personError,
  nameError,
}: {
  side: Side;
  register: UseFormRegister<DonationValues>;
  usesPerson: boolean;
  persons: PartyChoice[];
  personError: string | undefined;
  nameError: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-base font-semibold text-slate-900">{t(`portal.donations.${side}`)}</legend>
      <div className="flex flex-col gap-1 text-base">
        {(["person", "name"] as const).map((type) => (
          <label key={type} className="flex min-h-11 cursor-pointer items-center gap-3">
            <input
              type="radio"
              value={type}
              className="size-5 accent-brand-700"
              {...register(`${side}Type`)}
            />
            {type === "person" ? t("portal.donations.partyPerson") : t("portal.donations.partyName")}
          </label>
        ))}
      </div>
      {usesPerson ? (
        <Select label={t("portal.donations.person")} error={personError} {...register(`${side}PersonId`)}>
          <option value="">{t("portal.donations.choosePerson")}</option>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      ) : (
        <TextField
          label={t("portal.donations.name")}
          error={nameError}
          autoComplete="off"
          {...register(`${side}Name`)}
        />
      )}
    </fieldset>
  );
}
