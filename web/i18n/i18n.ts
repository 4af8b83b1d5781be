import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Language, languages } from "../../contracts/common";
import de from "./de.json";
import en from "./en.json";
import accessDe from "./features/access/de.json";
import accessEn from "./features/access/en.json";
import accessFr from "./features/access/fr.json";
import accountDe from "./features/account/de.json";
import accountEn from "./features/account/en.json";
import accountFr from "./features/account/fr.json";
import apiKeysDe from "./features/api-keys/de.json";
import apiKeysEn from "./features/api-keys/en.json";
import apiKeysFr from "./features/api-keys/fr.json";
import auditDe from "./features/audit/de.json";
import auditEn from "./features/audit/en.json";
import auditFr from "./features/audit/fr.json";
import casesDe from "./features/cases/de.json";
import casesEn from "./features/cases/en.json";
import casesFr from "./features/cases/fr.json";
import clientsDe from "./features/clients/de.json";
import clientsEn from "./features/clients/en.json";
import clientsFr from "./features/clients/fr.json";
import confirmationsDe from "./features/confirmations/de.json";
import confirmationsEn from "./features/confirmations/en.json";
import confirmationsFr from "./features/confirmations/fr.json";
import documentsDe from "./features/documents/de.json";
import documentsEn from "./features/documents/en.json";
import documentsFr from "./features/documents/fr.json";
import importsDe from "./features/imports/de.json";
import importsEn from "./features/imports/en.json";
import importsFr from "./features/imports/fr.json";
import inviteDe from "./features/invite/de.json";
import inviteEn from "./features/invite/en.json";
import inviteFr from "./features/invite/fr.json";
import notificationsDe from "./features/notifications/de.json";
import notificationsEn from "./features/notifications/en.json";
import notificationsFr from "./features/notifications/fr.json";
import portalDe from "./features/portal/de.json";
import portalEn from "./features/portal/en.json";
import portalFr from "./features/portal/fr.json";
import profileDe from "./features/profile/de.json";
import profileEn from "./features/profile/en.json";
import profileFr from "./features/profile/fr.json";
import recordsDe from "./features/records/de.json";
import recordsEn from "./features/records/en.json";
import recordsFr from "./features/records/fr.json";
import settingsDe from "./features/settings/de.json";
import settingsEn from "./features/settings/en.json";
import settingsFr from "./features/settings/fr.json";
import staffDe from "./features/staff/de.json";
import staffEn from "./features/staff/en.json";
import staffFr from "./features/staff/fr.json";
import webhooksDe from "./features/webhooks/de.json";
import webhooksEn from "./features/webhooks/en.json";
import webhooksFr from "./features/webhooks/fr.json";
import fr from "./fr.json";

// Each feature keeps its words in its own files (web/i18n/features/<feature>/<lang>.json), reached
// as "<feature>.<key>"; the shell's words stay in the top-level catalogs.
const enCatalog = {
  ...en,
  settings: settingsEn,
  staffAdmin: staffEn,
  clients: clientsEn,
  records: recordsEn,
  documents: documentsEn,
  confirmations: confirmationsEn,
  audit: auditEn,
  imports: importsEn,
  access: accessEn,
  portal: portalEn,
  invite: inviteEn,
  account: accountEn,
  profile: profileEn,
  cases: casesEn,
  notifications: notificationsEn,
  apiKeys: apiKeysEn,
  webhooks: webhooksEn,
};

// `satisfies` makes a key missing from the German or French catalog a type error, not a runtime surprise.
const resources = {
  de: {
    translation: {
      ...de,
      settings: settingsDe,
      staffAdmin: staffDe,
      clients: clientsDe,
      records: recordsDe,
      documents: documentsDe,
      confirmations: confirmationsDe,
      audit: auditDe,
      imports: importsDe,
      access: accessDe,
      portal: portalDe,
      invite: inviteDe,
      account: accountDe,
      profile: profileDe,
      cases: casesDe,
      notifications: notificationsDe,
      apiKeys: apiKeysDe,
      webhooks: webhooksDe,
    } satisfies typeof enCatalog,
  },
  fr: {
    translation: {
      ...fr,
      settings: settingsFr,
      staffAdmin: staffFr,
      clients: clientsFr,
      records: recordsFr,
      documents: documentsFr,
      confirmations: confirmationsFr,
      audit: auditFr,
      imports: importsFr,
      access: accessFr,
      portal: portalFr,
      invite: inviteFr,
      account: accountFr,
      profile: profileFr,
      cases: casesFr,
      notifications: notificationsFr,
      apiKeys: apiKeysFr,
      webhooks: webhooksFr,
    } satisfies typeof enCatalog,
  },
  en: { translation: enCatalog },
} as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof enCatalog };
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
