import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../../contracts/common";
import { type Claim, claimStatuses } from "../../../contracts/records";
import { amountField, amountOrNull, currencyCode, currencyField, textOrNull } from "../../ui/amounts";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { RecordFormShell } from "./record-dialog";
import { type RecordFormProps, useRecordForm } from "./record-form";
import { contractName } from "./record-format";
import { AmountField, ChoiceOptions, CurrencyField, TextAreaField } from "./record-inputs";
import { contractsQuery } from "./records-api";

function formSchema(language: Language) {
  return z.object({
    contractId: z.string(),
    claimDate: z.string().min(1, "records.validation.required"),
    description: z.string().trim().min(1, "records.validation.required"),
    status: z.enum(claimStatuses),
    amount: amountField(language, true),
    currency: currencyField,
    insurerReference: z.string(),
  });
}

/** Today's calendar date where the browser is, the latest date a claim may carry. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** The add/edit form of a claim, with or without one of the file's contracts. */
export function ClaimForm({ fileId, record: claim, onDone }: RecordFormProps<Claim>) {
  const { t } = useTranslation();
  const contracts = useQuery(contractsQuery(fileId));
  const { field, shell } = useRecordForm({
    fileId,
    kind: "claims",
    id: claim?.id,
    schema: formSchema,
    onDone,
    defaultValues: (format) => ({
      contractId: claim?.contract?.id ?? "",
      claimDate: claim?.claimDate ?? "",
      description: claim?.description ?? "",
      status: claim?.status ?? "open",
      amount: format.amountForInput(claim?.amount ?? null),
      currency: claim?.currency ?? "EUR",
      insurerReference: claim?.insurerReference ?? "",
    }),
    toBody: (v, language) => ({
      contractId: v.contractId || null,
      claimDate: v.claimDate,
      description: v.description.trim(),
      status: v.status,
      amount: amountOrNull(v.amount, language),
      currency: currencyCode(v.currency),
      insurerReference: textOrNull(v.insurerReference),
    }),
  });

  return (
    <RecordFormShell {...shell}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select className="sm:col-span-2" label={t("records.claims.contract")} {...field("contractId")}>
          <option value="">{t("records.claims.noContract")}</option>
          {(contracts.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.lineOfBusiness ? `${c.lineOfBusiness.code} · ` : ""}
              {contractName(c)}
            </option>
          ))}
        </Select>
        <TextField
          type="date"
          max={localToday()}
          label={t("records.claims.claimDate")}
          {...field("claimDate")}
        />
        <Select label={t("records.claims.status")} {...field("status")}>
          <ChoiceOptions values={claimStatuses} labelOf={(status) => t(`records.claimStatus.${status}`)} />
        </Select>
        <TextAreaField
          className="sm:col-span-2"
          label={t("records.claims.description")}
          {...field("description")}
        />
        <AmountField label={t("records.claims.amount")} {...field("amount")} />
        <CurrencyField {...field("currency")} />
        <TextField
          className="sm:col-span-2"
          label={t("records.claims.insurerReference")}
          {...field("insurerReference")}
        />
      </div>
    </RecordFormShell>
  );
}
