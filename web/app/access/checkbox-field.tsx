import { type ComponentProps, type ReactNode, useId } from "react";
import { cn } from "../../ui/cn";

/** Props of CheckboxField: label, optional hint and error, and every <input> attribute (including ref). */
export type CheckboxFieldProps = {
  label: ReactNode;
  hint?: string;
  error?: string;
  className?: string;
} & Omit<ComponentProps<"input">, "type" | "className">;

/** A checkbox with its label beside it (the whole line is clickable), a hint and an error tied to it. */
export function CheckboxField({ label, hint, error, className, id, ...input }: CheckboxFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={inputId} className="flex min-h-11 cursor-pointer items-start gap-3 py-1.5 text-sm">
        <input
          id={inputId}
          type="checkbox"
          aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
          aria-invalid={error ? true : undefined}
          className="mt-0.5 size-5 shrink-0 accent-brand-700"
          {...input}
        />
        <span className="text-slate-800">{label}</span>
      </label>
      {hint ? (
        <p id={hintId} className="-mt-1 pl-8 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 pl-8 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** A titled group of checkboxes (fieldset + legend), with an optional hint and error under the legend. */
export function CheckboxGroup({
  legend,
  hint,
  error,
  children,
  columns = 2,
}: {
  legend: string;
  hint?: string;
  error?: string;
  children: ReactNode;
  columns?: 1 | 2 | 3;
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-1" aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-semibold text-slate-900">{legend}</legend>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      {error ? (
        <p role="alert" className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
      <div
        className={cn("grid gap-x-4", columns >= 2 && "sm:grid-cols-2", columns === 3 && "lg:grid-cols-3")}
      >
        {children}
      </div>
    </fieldset>
  );
}
