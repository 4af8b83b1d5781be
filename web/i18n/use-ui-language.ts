import { useTranslation } from "react-i18next";
import type { Language } from "../../contracts/common";
import { toLanguage } from "./i18n";

/** The language the UI shows, re-rendering the caller when it changes. */
export function useUiLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language) ?? "de";
}
