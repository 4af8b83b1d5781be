import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../../contracts/common";
import { type Asset, assetKinds } from "../../../contracts/records";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { RecordFormShell } from "./record-dialog";
import {
  amountField,
  amountValue,
  currencyCode,
  currencyField,
  type RecordFormProps,
  useRecordForm,
} from "./record-form";
import { AmountField, ChoiceOptions, CurrencyField } from "./record-inputs";

function formSchema(language: Language) {
  return z.object({
    kind: z.enum(assetKinds),
    description: z.string().trim().min(1, "records.validation.required"),
    value: amountField(language, false),
    currency: currencyField,
    valuationDate: z.string(),
  });
}

/** The add/edit form of an asset, in a dialog body. */
export function AssetForm({ fileId, record: asset, onDone }: RecordFormProps<Asset>) {
  const { t } = useTranslation();
  const { field, shell } = useRecordForm({
    fileId,
    kind: "assets",
    id: asset?.id,
    schema: formSchema,
    onDone,
    defaultValues: (format) => ({
      kind: asset?.kind ?? "real_estate",
      description: asset?.description ?? "",
      value: format.amountForInput(asset?.value ?? null),
      currency: asset?.currency ?? "EUR",
      valuationDate: asset?.valuationDate ?? "",
    }),
    toBody: (v, language) => ({
      kind: v.kind,
      description: v.description.trim(),
      value: amountValue(v.value, language),
      currency: currencyCode(v.currency),
      valuationDate: v.valuationDate || null,
    }),
  });

  return (
    <RecordFormShell {...shell}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("records.assets.kind")} {...field("kind")}>
          <ChoiceOptions values={assetKinds} labelOf={(kind) => t(`records.assetKind.${kind}`)} />
        </Select>
        <TextField type="date" label={t("records.assets.valuationDate")} {...field("valuationDate")} />
        <TextField
          className="sm:col-span-2"
          label={t("records.assets.description")}
          {...field("description")}
        />
        <AmountField label={t("records.assets.value")} {...field("value")} />
        <CurrencyField {...field("currency")} />
      </div>
    </RecordFormShell>
  );
}
