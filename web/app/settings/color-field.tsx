import { useId } from "react";
import { cn } from "../../ui/cn";
import { controlClass, Field } from "../../ui/field";

/** A colour as `#rrggbb`: a native picker (keyboard and screen-reader friendly) beside the hex code. */
export function ColorField({
  label,
  pickerLabel,
  hint,
  error,
  value,
  onChange,
  onBlur,
  name,
}: {
  label: string;
  pickerLabel: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name: string;
}) {
  const pickerId = useId();
  const valid = /^#[0-9a-fA-F]{6}$/.test(value);
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="flex items-center gap-3">
          <input
            id={pickerId}
            type="color"
            aria-label={pickerLabel}
            value={valid ? value.toLowerCase() : "#000000"}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
            className="h-11 w-14 shrink-0 cursor-pointer rounded-lg border border-slate-300 bg-white p-1"
          />
          <input
            {...control}
            name={name}
            value={value}
            maxLength={7}
            spellCheck={false}
            autoCapitalize="none"
            onChange={(event) => onChange(event.target.value.trim())}
            onBlur={onBlur}
            className={cn(controlClass, "max-w-36 font-mono")}
          />
        </div>
      )}
    </Field>
  );
}
