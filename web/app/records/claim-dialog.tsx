import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type Claim, type ClaimInput, claimStatuses } from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { DialogActions } from "./record-dialog";
import { amountField, amountOrNull, applyRecordError, currencyField, textOrNull } from "./record-form";
import { contractName, useRecordFormat } from "./record-format";
import { CurrencyOptions, currencyListId, TextAreaField } from "./record-inputs";
import { contractsQuery, useRecordMutations } from "./records-api";

function formSchema(language: Parameters<typeof amountField>[0]) {
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
type ClaimForm = z.infer<ReturnType<typeof formSchema>>;
const fields = [
  "contractId",
  "claimDate",
  "description",
  "status",
  "amount",
  "currency",
  "insurerReference",
] as const;

/** Today's calendar date where the browser is, the latest date a claim may carry. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** The add/edit form of a claim, with or without one of the file's contracts. */
export function ClaimForm({
  fileId,
  claim,
  onDone,
}: {
  fileId: string;
  claim: Claim | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const contracts = useQuery(contractsQuery(fileId));
  const { save } = useRecordMutations(fileId, "claims");
  const [alert, setAlert] = useState<string>();
  const schema = useMemo(() => formSchema(format.language), [format.language]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ClaimForm>({
    resolver: zodResolver(schema),
    defaultValues: {
      contractId: claim?.contract?.id ?? "",
      claimDate: claim?.claimDate ?? "",
      description: claim?.description ?? "",
      status: claim?.status ?? "open",
      amount: format.amountForInput(claim?.amount ?? null),
      currency: claim?.currency ?? "EUR",
      insurerReference: claim?.insurerReference ?? "",
    },
  });

  const onSubmit = handleSubmit(async (v) => {
    setAlert(undefined);
    const body: ClaimInput = {
      contractId: v.contractId || null,
      claimDate: v.claimDate,
      description: v.description.trim(),
      status: v.status,
      amount: amountOrNull(v.amount, format.language),
      currency: v.currency.trim().toUpperCase(),
      insurerReference: textOrNull(v.insurerReference),
    };
    try {
      await save.mutateAsync({ id: claim?.id, body });
      onDone();
    } catch (error) {
      setAlert(applyRecordError(error, setError, fields));
    }
  });

  const error = (name: keyof ClaimForm) => fieldErrorText(t, errors[name]);
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          className="sm:col-span-2"
          label={t("records.claims.contract")}
          error={error("contractId")}
          {...register("contractId")}
        >
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
          error={error("claimDate")}
          {...register("claimDate")}
        />
        <Select label={t("records.claims.status")} error={error("status")} {...register("status")}>
          {claimStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`records.claimStatus.${status}`)}
            </option>
          ))}
        </Select>
        <TextAreaField
          className="sm:col-span-2"
          label={t("records.claims.description")}
          error={error("description")}
          {...register("description")}
        />
        <TextField
          label={t("records.claims.amount")}
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
        <TextField
          className="sm:col-span-2"
          label={t("records.claims.insurerReference")}
          error={error("insurerReference")}
          {...register("insurerReference")}
        />
        <CurrencyOptions />
      </div>
      <DialogActions busy={save.isPending} onCancel={onDone} />
    </form>
  );
}
