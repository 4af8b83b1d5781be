import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClass, Field, type FieldProps } from "./field";

/** Props of Select: a field label, hint and error plus every <select> attribute; options are children. */
export type SelectProps = FieldProps & Omit<ComponentProps<"select">, "className">;

/** A labelled native select: the most accessible choice on phones and with screen readers. */
export function Select({ label, hint, error, className, id, children, ...select }: SelectProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id}>
      {(control) => (
        <select {...control} {...select} className={cn(controlClass, "pr-8")}>
          {children}
        </select>
      )}
    </Field>
  );
}
