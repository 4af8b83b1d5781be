import type { Language } from "../../../contracts/common.js";

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
