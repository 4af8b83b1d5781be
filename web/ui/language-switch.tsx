import { useId } from "react";
import { useTranslation } from "react-i18next";
import { type Language, languages } from "../../contracts/common";
import { languageNames, toLanguage } from "../i18n/i18n";
import { cn } from "./cn";

/** Props of LanguageSwitch. */
export interface LanguageSwitchProps {
  value: Language;
  onChange: (language: Language) => void;
  disabled?: boolean;
  className?: string;
}

/** A compact language picker; options are named in their own language ("Deutsch", "Français", "English"). */
export function LanguageSwitch({ value, onChange, disabled, className }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={cn("relative inline-flex items-center", className)}>
      <label htmlFor={id} className="sr-only">
        {t("common.language")}
      </label>
      <GlobeIcon />
      <select
        id={id}
        data-testid="language-switch"
        value={value}
        disabled={disabled}
        onChange={(event) => {
          const language = toLanguage(event.target.value);
          if (language) onChange(language);
        }}
        className={cn(
          "min-h-9 appearance-none rounded-lg border border-slate-300 bg-white py-1.5 pr-7 pl-8 text-sm text-slate-800 shadow-sm",
          "hover:bg-slate-50 focus-visible:border-brand-600 disabled:opacity-60",
        )}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
      <span aria-hidden="true" className="pointer-events-none absolute right-2.5 text-xs text-slate-500">
        ▾
      </span>
    </div>
  );
}

function GlobeIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className="pointer-events-none absolute left-2.5 size-4 text-slate-500"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3Z" />
    </svg>
  );
}
