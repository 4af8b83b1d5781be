import type { UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../contracts/common";
import { type DonationInput, type DonationParty, donationKinds } from "../../contracts/records";
import { amountField, amountValue, currencyCode, currencyField, textOrNull } from "./amounts";
import { cn } from "./cn";
import type { useApiForm } from "./form";
import { AmountField, ChoiceOptions, CurrencyField, TextAreaField } from "./inputs";
import { Select } from "./select";
import { TextField } from "./text-field";

// The donation form's fields, schema and body, for the back office and the portal alike: each side of
// a donation is a person of the file or someone named. Only the words and the size of the type differ.

const sides = ["donor", "beneficiary"] as const;
type Side = (typeof sides)[number];

/** A person of the file who may be chosen as donor or beneficiary. */
export interface PartyChoice {
  id: string;
  name: string;
}

/** The schema of the donation form, in the UI language (amounts are typed in its number format). */
export function donationFormSchema(language: Language) {
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
/** The values of the donation form. */
export type DonationFormValues = z.infer<ReturnType<typeof donationFormSchema>>;

/** A donation as the form starts from it (the back office's or the portal's shape). */
export interface DonationToEdit {
  donor: DonationParty;
  beneficiary: DonationParty;
  donationDate: string;
  amount: string;
  currency: string;
  kind: (typeof donationKinds)[number];
  notes: string | null;
}

/**
 * The form's starting values: the donation's, or a new one's. A new side starts as a person of the
 * file when there is one to choose, else as a name.
 */
export function donationFormDefaults(
  donation: DonationToEdit | null,
  hasPersons: boolean,
  amountForInput: (amount: string | null) => string,
): DonationFormValues {
  const typeOf = (side: Side): "person" | "name" => {
    const party = donation?.[side];
    if (party) return party.personId ? "person" : "name";
    return hasPersons ? "person" : "name";
  };
  return {
    donorType: typeOf("donor"),
    donorPersonId: donation?.donor.personId ?? "",
    donorName: donation?.donor.personId ? "" : (donation?.donor.name ?? ""),
    beneficiaryType: typeOf("beneficiary"),
    beneficiaryPersonId: donation?.beneficiary.personId ?? "",
    beneficiaryName: donation?.beneficiary.personId ? "" : (donation?.beneficiary.name ?? ""),
    donationDate: donation?.donationDate ?? "",
    amount: amountForInput(donation?.amount ?? null),
    currency: donation?.currency ?? "EUR",
    kind: donation?.kind ?? "cash",
    notes: donation?.notes ?? "",
  };
}

/** The form's values as the API takes them: each side a person's id or a name, never both. */
export function donationFormBody(v: DonationFormValues, language: Language): DonationInput {
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
}

/**
 * The persons to choose from: a person the donation names who is not among them (removed from the
 * file, or not shown to this viewer) stays selectable under `nameOf(party)`.
 */
export function partyChoices(
  persons: readonly PartyChoice[],
  donation: DonationToEdit | null,
  nameOf: (party: DonationParty) => string,
): PartyChoice[] {
  const choices = [...persons];
  for (const side of sides) {
    const party = donation?.[side];
    if (party?.personId && !choices.some((p) => p.id === party.personId))
      choices.push({ id: party.personId, name: nameOf(party) });
  }
  return choices;
}

/** What the fields need of the form's state (useApiForm). */
type DonationFormState = Pick<ReturnType<typeof useApiForm<DonationFormValues>>, "form" | "field" | "error">;

/** Where the fields stand: the back office (compact, its words) or the portal (larger, clients' words). */
export type DonationFieldsArea = "records" | "portal";

/** The fields of the donation form: both sides, then date, kind, amount, currency and notes. */
export function DonationFields({
  area,
  form,
  field,
  error,
  persons,
}: DonationFormState & { area: DonationFieldsArea; persons: PartyChoice[] }) {
  const { t } = useTranslation();
  const words = `${area}.donations` as const;
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        {sides.map((side) => (
          <PartyFields
            key={side}
            area={area}
            side={side}
            register={form.register}
            usesPerson={form.watch(`${side}Type`) === "person"}
            persons={persons}
            personError={error(`${side}PersonId`)}
            nameError={error(`${side}Name`)}
          />
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField type="date" label={t(`${words}.donationDate`)} {...field("donationDate")} />
        <Select label={t(`${words}.kind`)} {...field("kind")}>
          <ChoiceOptions values={donationKinds} labelOf={(kind) => t(`records.donationKind.${kind}`)} />
        </Select>
        <AmountField label={t(`${words}.amount`)} {...field("amount")} />
        <CurrencyField {...field("currency")} />
        <TextAreaField className="sm:col-span-2" label={t(`${words}.notes`)} {...field("notes")} />
      </div>
    </>
  );
}

const partyLook = {
  records: {
    legend: "text-sm",
    choices: "flex-row flex-wrap gap-x-4 gap-y-1 text-sm",
    choice: "min-h-9 gap-2",
    radio: "size-4",
  },
  portal: {
    legend: "text-base",
    choices: "flex-col gap-1 text-base",
    choice: "min-h-11 gap-3",
    radio: "size-5",
  },
} as const;

/** One side of the donation: a choice between a person of the file and a name, then that field. */
function PartyFields({
  area,
  side,
  register,
  usesPerson,
  persons,
  personError,
  nameError,
}: {
  area: DonationFieldsArea;
  side: Side;
  register: UseFormRegister<DonationFormValues>;
  usesPerson: boolean;
  persons: PartyChoice[];
  personError: string | undefined;
  nameError: string | undefined;
}) {
  const { t } = useTranslation();
  const words = `${area}.donations` as const;
  const look = partyLook[area];
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
      <legend className={cn("px-1 font-semibold text-slate-900", look.legend)}>
        {t(`${words}.${side}`)}
      </legend>
      <div className={cn("flex", look.choices)}>
        {(["person", "name"] as const).map((type) => (
          <label key={type} className={cn("flex cursor-pointer items-center", look.choice)}>
            <input
              type="radio"
              value={type}
              className={cn("accent-brand-700", look.radio)}
              {...register(`${side}Type`)}
            />
            {type === "person" ? t(`${words}.partyPerson`) : t(`${words}.partyName`)}
          </label>
        ))}
      </div>
      {usesPerson ? (
        <Select label={t(`${words}.person`)} error={personError} {...register(`${side}PersonId`)}>
          <option value="">{t(`${words}.choosePerson`)}</option>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      ) : (
        <TextField
          label={t(`${words}.name`)}
          error={nameError}
          autoComplete="off"
          {...register(`${side}Name`)}
        />
      )}
    </fieldset>
  );
}
