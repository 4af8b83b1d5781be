import { type ComponentProps, useState } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "./cn";
import { controlClass, Field, type FieldProps } from "./field";
import { LineIcon } from "./line-icon";

/** Props of TextField: a field label, hint and error plus every <input> attribute (including ref). */
export type TextFieldProps = FieldProps & Omit<ComponentProps<"input">, "className">;

/** A labelled text input whose hint and error are tied to it with aria-describedby. */
export function TextField({ label, hint, error, className, id, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id}>
      {(control) => <input {...control} {...input} className={controlClass} />}
    </Field>
  );
}

/** A password input with a show/hide toggle; the toggle is a real button announced as pressed or not. */
export function PasswordField({ label, hint, error, className, id, ...input }: Omit<TextFieldProps, "type">) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id}>
      {(control) => (
        <div className="relative">
          <input
            {...control}
            {...input}
            type={visible ? "text" : "password"}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            className={cn(controlClass, "pr-12")}
          />
          <button
            type="button"
            aria-controls={control.id}
            aria-pressed={visible}
            aria-label={t("common.showPassword")}
            title={t("common.showPassword")}
            onClick={() => setVisible((value) => !value)}
            className="absolute inset-y-1 right-1 inline-flex w-10 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          >
            <EyeIcon crossed={visible} />
          </button>
        </div>
      )}
    </Field>
  );
}

function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <LineIcon>
      <path d="M2.5 12s3.5-6.5 9.5-6.5S21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Z" />
      <circle cx="12" cy="12" r="3" />
      {crossed ? <path d="M4 4l16 16" /> : null}
    </LineIcon>
  );
}
