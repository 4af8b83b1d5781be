import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Address, AddressInput } from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { DialogActions } from "./record-dialog";
import { applyRecordError } from "./record-form";
import { contractName, useRecordFormat } from "./record-format";
import { contractsQuery, useRecordMutations } from "./records-api";

// Countries offered in the list; an address elsewhere keeps its code (see countryOptions).
const commonCountries = [
  "DE",
  "AT",
  "CH",
  "FR",
  "BE",
  "LU",
  "NL",
  "IT",
  "ES",
  "PT",
  "PL",
  "CZ",
  "DK",
  "SE",
  "NO",
  "FI",
  "GB",
  "IE",
  "HU",
  "HR",
  "SI",
  "SK",
  "GR",
  "LI",
  "MC",
  "US",
  "CA",
];

const formSchema = z.object({
  label: z.string().trim().min(1, "records.validation.required"),
  street: z.string().trim().min(1, "records.validation.required"),
  postalCode: z.string().trim().min(1, "records.validation.required"),
  city: z.string().trim().min(1, "records.validation.required"),
  country: z.string().length(2, "records.validation.required"),
  contractIds: z.array(z.string()),
});
type AddressForm = z.infer<typeof formSchema>;
const fields = ["label", "street", "postalCode", "city", "country", "contractIds"] as const;

/** The add/edit form of a reference address with the contracts of the file that cover it. */
export function AddressForm({
  fileId,
  address,
  onDone,
}: {
  fileId: string;
  address: Address | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useRecordFormat();
  const contracts = useQuery(contractsQuery(fileId));
  const { save } = useRecordMutations(fileId, "reference-addresses");
  const [alert, setAlert] = useState<string>();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AddressForm>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      label: address?.label ?? "",
      street: address?.street ?? "",
      postalCode: address?.postalCode ?? "",
      city: address?.city ?? "",
      country: address?.country ?? "DE",
      contractIds: address?.contracts.map((c) => c.id) ?? [],
    },
  });

  const countryOptions = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: "region" });
    const codes = new Set(commonCountries);
    if (address) codes.add(address.country);
    return [...codes]
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
  }, [language, address]);

  const onSubmit = handleSubmit(async (v) => {
    setAlert(undefined);
    const body: AddressInput = {
      label: v.label.trim(),
      street: v.street.trim(),
      postalCode: v.postalCode.trim(),
      city: v.city.trim(),
      country: v.country,
      contractIds: v.contractIds,
    };
    try {
      await save.mutateAsync({ id: address?.id, body });
      onDone();
    } catch (error) {
      setAlert(applyRecordError(error, setError, fields));
    }
  });

  const error = (name: keyof AddressForm) => fieldErrorText(t, errors[name] as never);
  const contractsError = error("contractIds");
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-6">
        <TextField
          className="sm:col-span-6"
          label={t("records.addresses.label")}
          hint={t("records.addresses.labelHint")}
          error={error("label")}
          {...register("label")}
        />
        <TextField
          className="sm:col-span-6"
          label={t("records.addresses.street")}
          autoComplete="off"
          error={error("street")}
          {...register("street")}
        />
        <TextField
          className="sm:col-span-2"
          label={t("records.addresses.postalCode")}
          autoComplete="off"
          error={error("postalCode")}
          {...register("postalCode")}
        />
        <TextField
          className="sm:col-span-4"
          label={t("records.addresses.city")}
          autoComplete="off"
          error={error("city")}
          {...register("city")}
        />
        <Select
          className="sm:col-span-3"
          label={t("records.addresses.country")}
          error={error("country")}
          {...register("country")}
        >
          {countryOptions.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </div>

      <Controller
        control={control}
        name="contractIds"
        render={({ field }) => (
          <fieldset
            aria-describedby={contractsError ? "address-contracts-error" : undefined}
            className="flex flex-col gap-2"
          >
            <legend className="text-sm font-medium text-slate-800">{t("records.addresses.contracts")}</legend>
            <p className="text-sm text-slate-600">{t("records.addresses.contractsHint")}</p>
            {(contracts.data ?? []).length === 0 ? (
              <p className="text-sm text-slate-600">{t("records.addresses.noContractsOnFile")}</p>
            ) : (
              <ul className="grid max-h-56 gap-1 overflow-y-auto rounded-lg border border-slate-200 p-2 sm:grid-cols-2">
                {(contracts.data ?? []).map((c) => {
                  const checked = field.value.includes(c.id);
                  return (
                    <li key={c.id}>
                      <label className="flex min-h-9 cursor-pointer items-center gap-2 rounded-md px-2 text-sm hover:bg-slate-50">
                        <input
                          type="checkbox"
                          className="size-4 accent-brand-700"
                          checked={checked}
                          onChange={() =>
                            field.onChange(
                              checked ? field.value.filter((id) => id !== c.id) : [...field.value, c.id],
                            )
                          }
                        />
                        <span>
                          {c.lineOfBusiness ? (
                            <span className="font-medium">{c.lineOfBusiness.code} · </span>
                          ) : null}
                          {contractName(c)}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            )}
            {contractsError ? (
              <p
                id="address-contracts-error"
                className="flex items-start gap-1.5 text-sm font-medium text-red-700"
              >
                <span aria-hidden="true">⚠</span>
                <span>{contractsError}</span>
              </p>
            ) : null}
          </fieldset>
        )}
      />
      <DialogActions busy={save.isPending} onCancel={onDone} />
    </form>
  );
}
