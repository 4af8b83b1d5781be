import { normalizeHeader } from "./csv.js";

/** How a cell is read. */
export type FieldType =
  | "text"
  | "choice"
  | "bool"
  | "date"
  | "decimal"
  | "email"
  | "phone"
  | "country"
  | "currency";

/** One importable field: its name, the column names it is known by (de, fr, en), how it is read. */
export interface FieldDef {
  key: string;
  /** Column names accepted for it; compared after `normalizeHeader`. The first is the canonical one. */
  aliases: string[];
  type: FieldType;
  required?: boolean;
  max?: number;
  /** For choices: accepted words (normalized like headers) → stored value. */
  choices?: Record<string, string>;
}

/** Builds a synonym table: each value with the words that mean it. */
export function synonyms(table: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [value, words] of Object.entries(table)) {
    for (const word of [value, ...words]) out[normalizeHeader(word)] = value;
  }
  return out;
}

/** The row's own external id (the upsert key). */
export const externalId: FieldDef = {
  key: "externalId",
  aliases: [
    "external_id",
    "externalId",
    "ext_id",
    "externe_id",
    "externe ID",
    "Fremdschlüssel",
    "id_externe",
    "identifiant externe",
    "référence externe",
    "id",
  ],
  type: "text",
  required: true,
  max: 200,
};

/** The external id of the client file a person or contract belongs to. */
export const clientFileExternalId: FieldDef = {
  key: "clientFileExternalId",
  aliases: [
    "client_file_external_id",
    "clientFileExternalId",
    "client_external_id",
    "file_external_id",
    "client_id",
    "Kunde externe ID",
    "Kunden_ID",
    "Kunden-ID",
    "Akte externe ID",
    "id_client",
    "id_dossier",
    "dossier externe",
    "id externe dossier",
  ],
  type: "text",
  required: true,
  max: 200,
};

/** A first-name field, with extra column names. */
export const firstName = (extra: string[] = []): FieldDef => ({
  key: "firstName",
  aliases: ["first_name", "firstName", "Vorname", "Prénom", "given_name", ...extra],
  type: "text",
  max: 200,
});
/** A last-name field, with extra column names. */
export const lastName = (extra: string[] = [], required = true): FieldDef => ({
  key: "lastName",
  aliases: [
    "last_name",
    "lastName",
    "Nachname",
    "Nom",
    "Nom de famille",
    "Familienname",
    "surname",
    ...extra,
  ],
  type: "text",
  required,
  max: 200,
});
