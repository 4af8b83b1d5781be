import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { commonCurrencies } from "./amounts";
import { cn } from "./cn";
import { controlClass, Field, type FieldProps } from "./field";
import { TextField, type TextFieldProps } from "./text-field";

const currencyListId = "records-currency-options";

/**
 * The currency input of a record form, with the common currencies suggested (any other code can still
 * be typed). It carries the suggestion list's fixed id, so a form has at most one.
 */
export function CurrencyField(props: Omit<TextFieldProps, "label">) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t("records.common.currency")}
        list={currencyListId}
        maxLength={3}
        autoComplete="off"
        autoCapitalize="characters"
        {...props}
      />
      <datalist id={currencyListId}>
        {commonCurrencies.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
    </>
  );
}

/** An amount input: decimal keyboard on phones and the hint that a decimal comma works too. */
export function AmountField(props: Omit<TextFieldProps, "hint">) {
  const { t } = useTranslation();
  return (
    <TextField hint={t("records.common.amountHint")} inputMode="decimal" autoComplete="off" {...props} />
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

/** The <option>s of a select over fixed values (statuses, kinds), each named by `labelOf`. */
export function ChoiceOptions<T extends string>({
  values,
  labelOf,
}: {
  values: readonly T[];
  labelOf: (value: T) => string;
}) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labelOf(value)}
    </option>
  ));
}
