import type { ReactNode } from "react";

// The inputs every record form uses live in web/ui (the portal's forms use them too).
export { AmountField, ChoiceOptions, CurrencyField, TextAreaField } from "../../ui/inputs";

/** A titled group of fields in a form, three to a row on wider screens. */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="grid gap-4 sm:grid-cols-3">{children}</div>
    </fieldset>
  );
}
