import type { ComponentProps } from "react";
import { cn } from "../../ui/cn";
import { controlClass, Field, type FieldProps } from "../../ui/field";
import { commonCurrencies } from "./record-form";

/** The id of the shared list of suggested currencies (render CurrencyOptions once per form). */
export const currencyListId = "records-currency-options";

/** Suggestions for currency inputs (`list={currencyListId}`); any other code can still be typed. */
export function CurrencyOptions() {
  return (
    <datalist id={currencyListId}>
      {commonCurrencies.map((code) => (
        <option key={code} value={code} />
      ))}
    </datalist>
  );
}

/** A labelled multi-line text input, wired like TextField. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  id,
  ...textarea
}: FieldProps & Omit<ComponentProps<"textarea">, "className">) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id}>
      {(control) => <textarea rows={3} {...control} {...textarea} className={cn(controlClass, "min-h-20")} />}
    </Field>
  );
}
