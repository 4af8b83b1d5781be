import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Controller } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Address } from "../../../contracts/records";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { RecordFormShell } from "./record-dialog";
import { type RecordFormProps, useRecordForm } from "./record-form";
import { useRecordFormat } from "./record-format";
import { ContractWithLine } from "./record-table";
import { contractsQuery } from "./records-api";

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

/** The add/edit form of a reference address with the contracts of the file that cover it. */
export function AddressForm({ fileId, record: address, onDone }: RecordFormProps<Address>) {
  const { t } = useTranslation();
  const { language } = useRecordFormat();
  const contracts = useQuery(contractsQuery(fileId));
  const { form, field, error, shell } = useRecordForm({
    fileId,
    kind: "reference-addresses",
    id: address?.id,
    schema: () => formSchema,
    onDone,
    defaultValues: () => ({
      label: address?.label ?? "",
      street: address?.street ?? "",
      postalCode: address?.postalCode ?? "",
      city: address?.city ?? "",
      country: address?.country ?? "DE",
      contractIds: address?.contracts.map((c) => c.id) ?? [],
    }),
    toBody: (v) => ({
      label: v.label.trim(),
      street: v.street.trim(),
      postalCode: v.postalCode.trim(),
      city: v.city.trim(),
      country: v.country,
      contractIds: v.contractIds,
    }),
  });

  const countryOptions = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: "region" });
    const codes = new Set(commonCountries);
    if (address) codes.add(address.country);
    return [...codes]
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
  }, [language, address]);

  const contractsError = error("contractIds");
  return (
    <RecordFormShell {...shell}>
      <div className="grid gap-4 sm:grid-cols-6">
        <TextField
          className="sm:col-span-6"
          label={t("records.addresses.label")}
          hint={t("records.addresses.labelHint")}
          {...field("label")}
        />
        <TextField
          className="sm:col-span-6"
          label={t("records.addresses.street")}
          autoComplete="off"
          {...field("street")}
        />
        <TextField
          className="sm:col-span-2"
          label={t("records.addresses.postalCode")}
          autoComplete="off"
          {...field("postalCode")}
        />
        <TextField
          className="sm:col-span-4"
          label={t("records.addresses.city")}
          autoComplete="off"
          {...field("city")}
        />
        <Select className="sm:col-span-3" label={t("records.addresses.country")} {...field("country")}>
          {countryOptions.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </div>

      <Controller
        control={form.control}
        name="contractIds"
        render={({ field: chosen }) => (
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
                  const checked = chosen.value.includes(c.id);
                  return (
                    <li key={c.id}>
                      <label className="flex min-h-9 cursor-pointer items-center gap-2 rounded-md px-2 text-sm hover:bg-slate-50">
                        <input
                          type="checkbox"
                          className="size-4 accent-brand-700"
                          checked={checked}
                          onChange={() =>
                            chosen.onChange(
                              checked ? chosen.value.filter((id) => id !== c.id) : [...chosen.value, c.id],
                            )
                          }
                        />
                        <span>
                          <ContractWithLine contract={c} />
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
    </RecordFormShell>
  );
}
