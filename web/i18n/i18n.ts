import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Language, languages } from "../../contracts/common";
import de from "./de.json";
import en from "./en.json";
import fr from "./fr.json";

// `satisfies` makes a key missing from the German or French catalog a type error, not a runtime surprise.
const resources = {
  de: { translation: de satisfies typeof en },
  fr: { translation: fr satisfies typeof en },
  en: { translation: en },
} as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

/** Each language named in itself, so a reader finds their own language whatever the UI shows. */
export const languageNames: Record<Language, string> = { de: "Deutsch", fr: "Français", en: "English" };

const storageKey = "atrium.language";

/** Narrows any string (query parameter, storage, browser tag) to a supported language. */
export function toLanguage(value: string | null | undefined): Language | undefined {
  const base = value?.trim().toLowerCase().slice(0, 2);
  return languages.find((language) => language === base);
}

function readStoredLanguage(): Language | undefined {
  try {
    return toLanguage(window.localStorage.getItem(storageKey));
  } catch {
    // Storage can be disabled (private mode, policies); the language then simply is not remembered.
    return undefined;
  }
}

/** The language before sign-in: `?lang=`, then the remembered choice, then the browser, then German. */
export function detectInitialLanguage(): Language {
  const fromQuery = toLanguage(new URLSearchParams(window.location.search).get("lang"));
  const fromBrowser = navigator.languages.map((tag) => toLanguage(tag)).find((language) => language);
  return fromQuery ?? readStoredLanguage() ?? fromBrowser ?? "de";
}

/** The language the UI currently shows. */
export function currentLanguage(): Language {
  return toLanguage(i18next.resolvedLanguage ?? i18next.language) ?? "de";
}

/** Switches the UI language at once and remembers it for the next visit. */
export function setUiLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // See readStoredLanguage: remembering is a convenience, never a requirement.
  }
  if (currentLanguage() !== language) void i18next.changeLanguage(language);
}

/** Initialises i18next synchronously (all catalogs are bundled) and keeps <html lang> in step. */
export function initI18n(): typeof i18next {
  const language = detectInitialLanguage();
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = toLanguage(lng) ?? "de";
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: "de",
    supportedLngs: [...languages],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  if (new URLSearchParams(window.location.search).has("lang")) setUiLanguage(language);
  return i18next;
}
