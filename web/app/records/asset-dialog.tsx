import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type Asset, type AssetInput, assetKinds } from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { DialogActions } from "./record-dialog";
import { amountField, applyRecordError, currencyField } from "./record-form";
import { normalizeAmount, useRecordFormat } from "./record-format";
import { CurrencyOptions, currencyListId } from "./record-inputs";
import { useRecordMutations } from "./records-api";

function formSchema(language: Parameters<typeof amountField>[0]) {
  return z.object({
    kind: z.enum(assetKinds),
    description: z.string().trim().min(1, "records.validation.required"),
    value: amountField(language, false),
    currency: currencyField,
    valuationDate: z.string(),
  });
}
type AssetForm = z.infer<ReturnType<typeof formSchema>>;
const fields = ["kind", "description", "value", "currency", "valuationDate"] as const;

/** The add/edit form of an asset, in a dialog body. */
export function AssetForm({
  fileId,
  asset,
  onDone,
}: {
  fileId: string;
  asset: Asset | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const { save } = useRecordMutations(fileId, "assets");
  const [alert, setAlert] = useState<string>();
  const schema = useMemo(() => formSchema(format.language), [format.language]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AssetForm>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: asset?.kind ?? "real_estate",
      description: asset?.description ?? "",
      value: format.amountForInput(asset?.value ?? null),
      currency: asset?.currency ?? "EUR",
      valuationDate: asset?.valuationDate ?? "",
    },
  });

  const onSubmit = handleSubmit(async (v) => {
    setAlert(undefined);
    const body: AssetInput = {
      kind: v.kind,
      description: v.description.trim(),
      value: normalizeAmount(v.value.trim(), format.language),
      currency: v.currency.trim().toUpperCase(),
      valuationDate: v.valuationDate || null,
    };
    try {
      await save.mutateAsync({ id: asset?.id, body });
      onDone();
    } catch (error) {
      setAlert(applyRecordError(error, setError, fields));
    }
  });

  const error = (name: keyof AssetForm) => fieldErrorText(t, errors[name]);
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("records.assets.kind")} error={error("kind")} {...register("kind")}>
          {assetKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`records.assetKind.${kind}`)}
            </option>
          ))}
        </Select>
        <TextField
          type="date"
          label={t("records.assets.valuationDate")}
          error={error("valuationDate")}
          {...register("valuationDate")}
        />
        <TextField
          className="sm:col-span-2"
          label={t("records.assets.description")}
          error={error("description")}
          {...register("description")}
        />
        <TextField
          label={t("records.assets.value")}
          hint={t("records.common.amountHint")}
          inputMode="decimal"
          autoComplete="off"
          error={error("value")}
          {...register("value")}
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
        <CurrencyOptions />
      </div>
      <DialogActions busy={save.isPending} onCancel={onDone} />
    </form>
  );
}
