import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../contracts/common";
import { type AssetInput, type AssetKind, assetKinds } from "../../contracts/records";
import { amountField, amountValue, currencyCode, currencyField } from "./amounts";
import type { useApiForm } from "./form";
import { AmountField, ChoiceOptions, CurrencyField } from "./inputs";
import { Select } from "./select";
import { TextField } from "./text-field";

// The asset form's fields, schema and body, for the back office and the portal alike; only the words
// differ ("records.assets.*" or "portal.assets.*").

/** The schema of the asset form, in the UI language (amounts are typed in its number format). */
export function assetFormSchema(language: Language) {
  return z.object({
    kind: z.enum(assetKinds),
    description: z.string().trim().min(1, "records.validation.required"),
    value: amountField(language, false),
    currency: currencyField,
    valuationDate: z.string(),
  });
}
/** The values of the asset form. */
export type AssetFormValues = z.infer<ReturnType<typeof assetFormSchema>>;

/** An asset as the form starts from it (the back office's or the portal's shape). */
export interface AssetToEdit {
  kind: AssetKind;
  description: string;
  value: string;
  currency: string;
  valuationDate: string | null;
}

/** The form's starting values: the asset's, or a new one of `newKind`. */
export function assetFormDefaults(
  asset: AssetToEdit | null,
  newKind: AssetKind,
  amountForInput: (amount: string | null) => string,
): AssetFormValues {
  return {
    kind: asset?.kind ?? newKind,
    description: asset?.description ?? "",
    value: amountForInput(asset?.value ?? null),
    currency: asset?.currency ?? "EUR",
    valuationDate: asset?.valuationDate ?? "",
  };
}

/** The form's values as the API takes them. */
export function assetFormBody(v: AssetFormValues, language: Language): AssetInput {
  return {
    kind: v.kind,
    description: v.description.trim(),
    value: amountValue(v.value, language),
    currency: currencyCode(v.currency),
    valuationDate: v.valuationDate || null,
  };
}

/** The fields of the asset form: kind, valuation date, description, value and currency. */
export function AssetFields({
  area,
  field,
}: Pick<ReturnType<typeof useApiForm<AssetFormValues>>, "field"> & { area: "records" | "portal" }) {
  const { t } = useTranslation();
  const words = `${area}.assets` as const;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Select label={t(`${words}.kind`)} {...field("kind")}>
        <ChoiceOptions values={assetKinds} labelOf={(kind) => t(`records.assetKind.${kind}`)} />
      </Select>
      <TextField type="date" label={t(`${words}.valuationDate`)} {...field("valuationDate")} />
      <TextField className="sm:col-span-2" label={t(`${words}.description`)} {...field("description")} />
      <AmountField label={t(`${words}.value`)} {...field("value")} />
      <CurrencyField {...field("currency")} />
    </div>
  );
}
