import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  type Contract,
  type ContractInput,
  contractStatuses,
  premiumFrequencies,
} from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { DialogActions } from "./record-dialog";
import { amountField, amountOrNull, applyRecordError, currencyField, textOrNull } from "./record-form";
import { useRecordFormat } from "./record-format";
import { CurrencyOptions, currencyListId, TextAreaField } from "./record-inputs";
import { linesOfBusinessQuery, useRecordMutations } from "./records-api";

const dateKeys = ["offerDate", "applicationDate", "documentDate", "startDate", "endDate"] as const;

function formSchema(language: Parameters<typeof amountField>[0]) {
  return z
    .object({
      number: z.string(),
      insurer: z.string().trim().min(1, "records.validation.required"),
      productName: z.string(),
      risk: z.string(),
      lineOfBusinessId: z.string(),
      status: z.enum(contractStatuses),
      offerDate: z.string(),
      applicationDate: z.string(),
      documentDate: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      premium: amountField(language, true),
      premiumFrequency: z.string(),
      currency: currencyField,
      externalId: z.string(),
    })
    .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
      path: ["endDate"],
      message: "records.validation.endBeforeStart",
    });
}
type ContractForm = z.infer<ReturnType<typeof formSchema>>;
const fields = [
  "number",
  "insurer",
  "productName",
  "risk",
  "lineOfBusinessId",
  "status",
  ...dateKeys,
  "premium",
  "premiumFrequency",
  "currency",
  "externalId",
] as const satisfies readonly (keyof ContractForm)[];

/** The add/edit form of a contract, in a dialog body. */
export function ContractForm({
  fileId,
  contract,
  onDone,
}: {
  fileId: string;
  contract: Contract | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const lines = useQuery(linesOfBusinessQuery(fileId));
  const { save } = useRecordMutations(fileId, "contracts");
  const [alert, setAlert] = useState<string>();
  const schema = useMemo(() => formSchema(format.language), [format.language]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ContractForm>({
    resolver: zodResolver(schema),
    defaultValues: {
      number: contract?.number ?? "",
      insurer: contract?.insurer ?? "",
      productName: contract?.productName ?? "",
      risk: contract?.risk ?? "",
      lineOfBusinessId: contract?.lineOfBusiness?.id ?? "",
      status: contract?.status ?? "own",
      offerDate: contract?.offerDate ?? "",
      applicationDate: contract?.applicationDate ?? "",
      documentDate: contract?.documentDate ?? "",
      startDate: contract?.startDate ?? "",
      endDate: contract?.endDate ?? "",
      premium: format.amountForInput(contract?.premium ?? null),
      premiumFrequency: contract?.premiumFrequency ?? "",
      currency: contract?.currency ?? "EUR",
      externalId: contract?.externalId ?? "",
    },
  });

  // A contract keeps a line the firm has since switched off; offer it so saving does not drop it.
  const lineOptions = [...(lines.data ?? [])];
  if (contract?.lineOfBusiness && !lineOptions.some((l) => l.id === contract.lineOfBusiness?.id))
    lineOptions.push(contract.lineOfBusiness);

  const onSubmit = handleSubmit(async (v) => {
    setAlert(undefined);
    const body: ContractInput = {
      number: textOrNull(v.number),
      insurer: v.insurer.trim(),
      productName: textOrNull(v.productName),
      risk: textOrNull(v.risk),
      lineOfBusinessId: v.lineOfBusinessId || null,
      status: v.status,
      offerDate: v.offerDate || null,
      applicationDate: v.applicationDate || null,
      documentDate: v.documentDate || null,
      startDate: v.startDate || null,
      endDate: v.endDate || null,
      premium: amountOrNull(v.premium, format.language),
      premiumFrequency: (v.premiumFrequency || null) as ContractInput["premiumFrequency"],
      currency: v.currency.trim().toUpperCase(),
      externalId: textOrNull(v.externalId),
    };
    try {
      await save.mutateAsync({ id: contract?.id, body });
      onDone();
    } catch (error) {
      setAlert(applyRecordError(error, setError, fields));
    }
  });

  const error = (name: keyof ContractForm) => fieldErrorText(t, errors[name]);
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("records.contracts.insurer")} error={error("insurer")} {...register("insurer")} />
        <TextField label={t("records.contracts.number")} error={error("number")} {...register("number")} />
        <Select
          label={t("records.contracts.line")}
          error={error("lineOfBusinessId")}
          {...register("lineOfBusinessId")}
        >
          <option value="">{t("records.contracts.noLine")}</option>
          {lineOptions.map((line) => (
            <option key={line.id} value={line.id}>
              {line.code} – {line.name}
            </option>
          ))}
        </Select>
        <Select
          label={t("records.contracts.status")}
          hint={t("records.contracts.categoryHint")}
          error={error("status")}
          {...register("status")}
        >
          {contractStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`records.contractStatus.${status}`)}
            </option>
          ))}
        </Select>
        <TextField
          label={t("records.contracts.productName")}
          error={error("productName")}
          {...register("productName")}
        />
        <TextField
          label={t("records.contracts.externalId")}
          hint={t("records.contracts.externalIdHint")}
          error={error("externalId")}
          {...register("externalId")}
        />
      </div>
      <TextAreaField
        label={t("records.contracts.risk")}
        rows={2}
        error={error("risk")}
        {...register("risk")}
      />

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">
          {t("records.contracts.datesSection")}
        </legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {dateKeys.map((key) => (
            <TextField
              key={key}
              type="date"
              label={t(`records.contracts.${key}`)}
              error={error(key)}
              {...register(key)}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">
          {t("records.contracts.premiumSection")}
        </legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label={t("records.contracts.premium")}
            hint={t("records.common.amountHint")}
            inputMode="decimal"
            autoComplete="off"
            error={error("premium")}
            {...register("premium")}
          />
          <Select
            label={t("records.contracts.frequency")}
            error={error("premiumFrequency")}
            {...register("premiumFrequency")}
          >
            <option value="">{t("records.contracts.noFrequency")}</option>
            {premiumFrequencies.map((f) => (
              <option key={f} value={f}>
                {t(`records.frequency.${f}`)}
              </option>
            ))}
          </Select>
          <TextField
            label={t("records.common.currency")}
            list={currencyListId}
            maxLength={3}
            autoComplete="off"
            autoCapitalize="characters"
            error={error("currency")}
            {...register("currency")}
          />
        </div>
        <CurrencyOptions />
      </fieldset>

      <DialogActions busy={save.isPending} onCancel={onDone} />
    </form>
  );
}
