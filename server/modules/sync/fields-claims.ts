import { clientFileExternalId, externalId, type FieldDef, synonyms } from "../imports/field-kit.js";

/** The claim fields the sync API reads, built from the import's field kit (same types and checks). */
export const claimFields: FieldDef[] = [
  externalId,
  clientFileExternalId,
  { key: "contractExternalId", aliases: ["contract_external_id"], type: "text", max: 200 },
  { key: "claimDate", aliases: ["claim_date"], type: "date", required: true },
  { key: "description", aliases: ["description"], type: "text", required: true, max: 5000 },
  {
    key: "status",
    aliases: ["status"],
    type: "choice",
    choices: synonyms({
      open: ["offen", "ouvert"],
      in_progress: ["in Bearbeitung", "en cours"],
      settled: ["reguliert", "réglé"],
      rejected: ["abgelehnt", "refusé"],
      closed: ["geschlossen", "clos"],
    }),
  },
  { key: "amount", aliases: ["amount"], type: "decimal" },
  { key: "currency", aliases: ["currency"], type: "currency" },
  { key: "insurerReference", aliases: ["insurer_reference"], type: "text", max: 200 },
];

/** The document fields the sync API reads besides the content itself. */
export const documentFields: FieldDef[] = [
  externalId,
  clientFileExternalId,
  { key: "title", aliases: ["title"], type: "text", required: true, max: 200 },
  { key: "category", aliases: ["category"], type: "text", required: true, max: 100 },
  { key: "contractExternalId", aliases: ["contract_external_id"], type: "text", max: 200 },
  { key: "claimExternalId", aliases: ["claim_external_id"], type: "text", max: 200 },
  { key: "documentDate", aliases: ["document_date"], type: "date" },
  {
    key: "sharedToPortal",
    aliases: ["shared_to_portal"],
    type: "bool",
    choices: synonyms({ true: [], false: [] }),
  },
  { key: "fileName", aliases: ["file_name"], type: "text", required: true, max: 200 },
];
