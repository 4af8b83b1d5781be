import * as Label from "@radix-ui/react-label";
import { type ReactNode, useId } from "react";
import { cn } from "./cn";

/** Ids and ARIA wiring a control needs to be announced with its label, hint and error. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

/** Props shared by every labelled form field. */
export interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  className?: string;
}

/** Lays out label, control, hint and error; the control is rendered by `children` with the wiring it needs. */
export function Field({
  label,
  hint,
  error,
  className,
  id: givenId,
  children,
}: FieldProps & { id?: string; children: (control: FieldControlProps) => ReactNode }) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label.Root htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </Label.Root>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** Classes of every text-like control, with a red border when invalid. */
export const controlClass = cn(
  "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm",
  "placeholder:text-slate-400 focus-visible:border-brand-600 focus-visible:outline-brand-600",
  "aria-invalid:border-red-600 disabled:bg-slate-100 sm:text-sm",
);
