import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { type UseFormRegister, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  type Donation,
  type DonationInput,
  type DonationPerson,
  donationKinds,
} from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { DialogActions } from "./record-dialog";
import { amountField, applyRecordError, currencyField, textOrNull } from "./record-form";
import { normalizeAmount, useRecordFormat } from "./record-format";
import { CurrencyOptions, currencyListId, TextAreaField } from "./record-inputs";
import { useRecordMutations } from "./records-api";

const sides = ["donor", "beneficiary"] as const;
type Side = (typeof sides)[number];

function formSchema(language: Parameters<typeof amountField>[0]) {
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
const fields = [
  "donorPersonId",
  "donorName",
  "beneficiaryPersonId",
  "beneficiaryName",
  "donationDate",
  "amount",
  "currency",
  "kind",
  "notes",
] as const;

/** The add/edit form of a donation; each side a person of the file or someone named. */
export function DonationForm({
  fileId,
  donation,
  persons,
  onDone,
}: {
  fileId: string;
  donation: Donation | null;
  persons: DonationPerson[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const { save } = useRecordMutations(fileId, "donations");
  const [alert, setAlert] = useState<string>();
  const schema = useMemo(() => formSchema(format.language), [format.language]);
  const defaultType = (side: Side) => {
    const party = donation?.[side];
    if (party) return party.personId ? "person" : "name";
    return persons.length > 0 ? "person" : "name";
  };
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<DonationForm>({
    resolver: zodResolver(schema),
    defaultValues: {
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
    },
  });

  // A person removed from the file since stays selectable on the donation that names them.
  const personOptions = [...persons];
  for (const side of sides) {
    const id = donation?.[side].personId;
    if (id && !personOptions.some((p) => p.id === id))
      personOptions.push({ id, name: t("records.donations.removedPerson") });
  }

  const onSubmit = handleSubmit(async (v) => {
    setAlert(undefined);
    const party = (side: Side) =>
      v[`${side}Type`] === "person"
        ? { personId: v[`${side}PersonId`] || null, name: null }
        : { personId: null, name: textOrNull(v[`${side}Name`]) };
    const donor = party("donor");
    const beneficiary = party("beneficiary");
    const body: DonationInput = {
      donorPersonId: donor.personId,
      donorName: donor.name,
      beneficiaryPersonId: beneficiary.personId,
      beneficiaryName: beneficiary.name,
      donationDate: v.donationDate,
      amount: normalizeAmount(v.amount.trim(), format.language),
      currency: v.currency.trim().toUpperCase(),
      kind: v.kind,
      notes: textOrNull(v.notes),
    };
    try {
      await save.mutateAsync({ id: donation?.id, body });
      onDone();
    } catch (error) {
      setAlert(applyRecordError(error, setError, fields));
    }
  });

  const error = (name: keyof DonationForm) => fieldErrorText(t, errors[name]);
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        {sides.map((side) => (
          <PartyFields
            key={side}
            side={side}
            register={register}
            usesPerson={watch(`${side}Type`) === "person"}
            persons={personOptions}
            personError={error(`${side}PersonId`)}
            nameError={error(`${side}Name`)}
          />
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          type="date"
          label={t("records.donations.donationDate")}
          error={error("donationDate")}
          {...register("donationDate")}
        />
        <Select label={t("records.donations.kind")} error={error("kind")} {...register("kind")}>
          {donationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`records.donationKind.${kind}`)}
            </option>
          ))}
        </Select>
        <TextField
          label={t("records.donations.amount")}
          hint={t("records.common.amountHint")}
          inputMode="decimal"
          autoComplete="off"
          error={error("amount")}
          {...register("amount")}
        />
        <TextField
          label={t("records.common.currency")}
          list={currencyListId}
          maxLength={3}
          autoComplete="off"
          autoCapitalize="characters"
          error={error("currency")}
          {...register("currency")}
        />
        <TextAreaField
          className="sm:col-span-2"
          label={t("records.donations.notes")}
          error={error("notes")}
          {...register("notes")}
        />
        <CurrencyOptions />
      </div>
      <DialogActions busy={save.isPending} onCancel={onDone} />
    </form>
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
