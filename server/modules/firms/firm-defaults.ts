import type { Language } from "../../../contracts/common.js";
import { type AccessLevel, defaultGrantSettings, type GrantSettings } from "../../../contracts/grants.js";

/** The lines of business every firm starts with (editable): the common German Sparten. */
export const defaultLinesOfBusiness: Array<{ code: string; name: Record<Language, string> }> = [
  { code: "KFZ", name: { de: "Kraftfahrt", fr: "Automobile", en: "Motor" } },
  { code: "HRV", name: { de: "Hausrat", fr: "Contenu du logement", en: "Household contents" } },
  {
    code: "PHV",
    name: { de: "Privathaftpflicht", fr: "Responsabilité civile privée", en: "Personal liability" },
  },
  { code: "WG", name: { de: "Wohngebäude", fr: "Bâtiment d'habitation", en: "Residential building" } },
  { code: "RS", name: { de: "Rechtsschutz", fr: "Protection juridique", en: "Legal expenses" } },
  { code: "UNF", name: { de: "Unfall", fr: "Accident", en: "Accident" } },
  { code: "LV", name: { de: "Lebensversicherung", fr: "Assurance vie", en: "Life" } },
  { code: "KV", name: { de: "Krankenversicherung", fr: "Assurance maladie", en: "Health" } },
  { code: "BU", name: { de: "Berufsunfähigkeit", fr: "Incapacité de travail", en: "Disability" } },
  { code: "RV", name: { de: "Rentenversicherung", fr: "Assurance retraite", en: "Pension" } },
  {
    code: "THV",
    name: { de: "Tierhalterhaftpflicht", fr: "RC propriétaire d'animaux", en: "Pet owner liability" },
  },
  { code: "BHV", name: { de: "Betriebshaftpflicht", fr: "RC professionnelle", en: "Business liability" } },
  {
    code: "GEB",
    name: { de: "Gewerbliche Gebäude", fr: "Bâtiments professionnels", en: "Commercial buildings" },
  },
];

/** The document categories every firm starts with; keys are stable, names are editable. */
export const defaultDocumentCategories: Array<{ key: string; name: Record<Language, string> }> = [
  { key: "policy", name: { de: "Police", fr: "Police", en: "Policy" } },
  { key: "application", name: { de: "Antrag", fr: "Proposition", en: "Application" } },
  { key: "offer", name: { de: "Angebot", fr: "Offre", en: "Offer" } },
  { key: "invoice", name: { de: "Rechnung", fr: "Facture", en: "Invoice" } },
  {
    key: "advice_record",
    name: { de: "Beratungsprotokoll", fr: "Compte rendu de conseil", en: "Advice record" },
  },
  { key: "correspondence", name: { de: "Korrespondenz", fr: "Correspondance", en: "Correspondence" } },
  { key: "claim", name: { de: "Schaden", fr: "Sinistre", en: "Claim" } },
  { key: "identification", name: { de: "Ausweis", fr: "Pièce d'identité", en: "Identification" } },
  { key: "other", name: { de: "Sonstiges", fr: "Autre", en: "Other" } },
];

/** A grant profile every firm starts with (GRANT-10): a stable key, a name per language, its settings. */
export interface DefaultGrantProfile {
  key: string;
  name: Record<Language, string>;
  defaultAccess: AccessLevel;
  settings: GrantSettings;
}

/**
 * The grant profiles every firm starts with. A household's own members see nearly everything; a
 * company's employees see the business view of the firm's policies and no one's personal details;
 * outside advisors (seed 003: banker, notary, tax advisor) see the wealth inventory, not claims.
 */
export const defaultGrantProfiles: DefaultGrantProfile[] = [
  {
    key: "household_full",
    name: { de: "Haushalt — vollständig", fr: "Foyer — complet", en: "Household — full" },
    defaultAccess: "read_write",
    settings: {
      ...defaultGrantSettings,
      shareAssets: true,
      shareDonations: true,
      sharePersons: true,
      shareClaims: true,
      shareAddresses: true,
      contractCategories: ["own", "application", "policy", "offer", "request"],
      features: ["messages", "claim_reporting", "document_confirmations", "client_uploads"],
    },
  },
  {
    key: "household_read",
    name: { de: "Haushalt — nur lesen", fr: "Foyer — lecture seule", en: "Household — read only" },
    defaultAccess: "read",
    settings: {
      ...defaultGrantSettings,
      shareAssets: true,
      shareDonations: true,
      sharePersons: true,
      shareClaims: true,
      shareAddresses: true,
      contractCategories: ["own", "application", "policy"],
      features: [],
    },
  },
  {
    key: "company_employee",
    name: { de: "Firma — Mitarbeitende", fr: "Entreprise — salarié", en: "Company — employee" },
    defaultAccess: "read",
    settings: {
      ...defaultGrantSettings,
      shareAssets: false,
      shareDonations: false,
      sharePersons: false,
      shareClaims: false,
      shareAddresses: false,
      contractCategories: ["policy"],
      features: [],
      view: "business",
      showProductName: true,
    },
  },
  {
    key: "external_advisor",
    name: { de: "Externe Beratung", fr: "Conseiller externe", en: "External advisor" },
    defaultAccess: "read",
    settings: {
      ...defaultGrantSettings,
      shareAssets: true,
      shareDonations: true,
      sharePersons: true,
      shareClaims: false,
      shareAddresses: false,
      contractCategories: ["policy"],
      features: [],
    },
  },
];
