import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../../contracts/common";
import {
  type Contract,
  type ContractInput,
  contractStatuses,
  premiumFrequencies,
} from "../../../contracts/records";
import { amountField, amountOrNull, currencyCode, currencyField, textOrNull } from "../../ui/amounts";
import { LineOfBusinessSelect } from "../../ui/line-select";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { RecordFormShell } from "./record-dialog";
import { type RecordFormProps, useRecordForm } from "./record-form";
import { AmountField, ChoiceOptions, CurrencyField, FieldGroup, TextAreaField } from "./record-inputs";
import { linesOfBusinessQuery } from "./records-api";

const dateKeys = ["offerDate", "applicationDate", "documentDate", "startDate", "endDate"] as const;

function formSchema(language: Language) {
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

/** The add/edit form of a contract, in a dialog body. */
export function ContractForm({ fileId, record: contract, onDone }: RecordFormProps<Contract>) {
  const { t } = useTranslation();
  const lines = useQuery(linesOfBusinessQuery(fileId));
  const { field, shell } = useRecordForm({
    fileId,
    kind: "contracts",
    id: contract?.id,
    schema: formSchema,
    onDone,
    defaultValues: (format) => ({
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
    }),
    toBody: (v, language) => ({
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
      premium: amountOrNull(v.premium, language),
      premiumFrequency: (v.premiumFrequency || null) as ContractInput["premiumFrequency"],
      currency: currencyCode(v.currency),
      externalId: textOrNull(v.externalId),
    }),
  });

  return (
    <RecordFormShell {...shell}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("records.contracts.insurer")} {...field("insurer")} />
        <TextField label={t("records.contracts.number")} {...field("number")} />
        <LineOfBusinessSelect
          label={t("records.contracts.line")}
          noneLabel={t("records.contracts.noLine")}
          lines={lines.data}
          current={contract?.lineOfBusiness ?? null}
          {...field("lineOfBusinessId")}
        />
        <Select
          label={t("records.contracts.status")}
          hint={t("records.contracts.categoryHint")}
          {...field("status")}
        >
          <ChoiceOptions values={contractStatuses} labelOf={(s) => t(`records.contractStatus.${s}`)} />
        </Select>
        <TextField label={t("records.contracts.productName")} {...field("productName")} />
        <TextField
          label={t("records.contracts.externalId")}
          hint={t("records.contracts.externalIdHint")}
          {...field("externalId")}
        />
      </div>
      <TextAreaField label={t("records.contracts.risk")} rows={2} {...field("risk")} />

      <FieldGroup legend={t("records.contracts.datesSection")}>
        {dateKeys.map((key) => (
          <TextField key={key} type="date" label={t(`records.contracts.${key}`)} {...field(key)} />
        ))}
      </FieldGroup>

      <FieldGroup legend={t("records.contracts.premiumSection")}>
        <AmountField label={t("records.contracts.premium")} {...field("premium")} />
        <Select label={t("records.contracts.frequency")} {...field("premiumFrequency")}>
          <option value="">{t("records.contracts.noFrequency")}</option>
          <ChoiceOptions values={premiumFrequencies} labelOf={(f) => t(`records.frequency.${f}`)} />
        </Select>
        <CurrencyField {...field("currency")} />
      </FieldGroup>
    </RecordFormShell>
  );
}
