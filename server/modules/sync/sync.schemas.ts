import { z } from "zod";
import { SYNC_BATCH_MAX, SYNC_DOCUMENTS_BATCH_MAX, type SyncKind } from "../../../contracts/sync.js";
import type { FieldDef } from "../imports/field-kit.js";
import { fieldsByKind } from "../imports/fields.js";
import { claimFields, documentFields } from "./fields-claims.js";
import { type ReadType, readSpecs } from "./sync.queries.js";

/** The fields each sync kind writes: the CSV import's own definitions, plus claims and documents. */
export const syncFields: Record<SyncKind, FieldDef[]> = {
  "client-files": fieldsByKind.client_files,
  persons: fieldsByKind.persons,
  contracts: fieldsByKind.contracts,
  claims: claimFields,
  documents: documentFields,
};

/** A generous bound on any text: the item's own checks give the precise, per-item answer. */
const TEXT_MAX = 10_000;

/** JSON types per field, bounded generously: a value's meaning is checked per item, not here. */
function valueSchema(field: FieldDef): z.ZodType {
  const choices = field.choices
    ? [...new Set(Object.values(field.choices))].filter((c) => !c.includes(":"))
    : [];
  switch (field.type) {
    case "bool":
      return z.boolean().nullable();
    case "decimal":
      return z
        .union([z.number(), z.string().max(TEXT_MAX)])
        .nullable()
        .describe("amount, e.g. 1234.5");
    case "date":
      return z.string().max(TEXT_MAX).nullable().describe("date as YYYY-MM-DD");
    case "choice":
      return z
        .string()
        .max(TEXT_MAX)
        .nullable()
        .describe(`one of: ${choices.join(", ")}`);
    default:
      return z.string().max(TEXT_MAX).nullable();
  }
}

/** One item of a kind: every field optional (absent keeps the stored value, null clears it). */
function itemSchema(kind: SyncKind) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of syncFields[kind]) {
    const value = valueSchema(field);
    shape[field.key] = (field.required ? value : value.optional()).describe(
      field.required ? "required" : "optional; null clears it",
    );
  }
  if (kind === "documents") {
    shape.contentBase64 = z
      .string()
      .max(2 ** 29)
      .describe("the file's bytes, base64; its type is read from the bytes, not from the name");
  }
  return z.object(shape).strict();
}

/** The body of an upsert batch of a kind. */
export function batchSchema(kind: SyncKind) {
  const max = kind === "documents" ? SYNC_DOCUMENTS_BATCH_MAX : SYNC_BATCH_MAX;
  return z.object({ items: z.array(itemSchema(kind)).min(1).max(max) }).strict();
}

const readValue: Record<ReadType, z.ZodType> = {
  text: z.string().nullable(),
  bool: z.boolean().nullable(),
  int: z.number().int().nullable(),
};

/** A record of a kind as the sync API reads it back. */
export function recordSchema(kind: SyncKind) {
  const shape: Record<string, z.ZodType> = {
    id: z.uuid(),
    externalId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  };
  for (const [key, , type] of readSpecs[kind].fields) shape[key] = readValue[type];
  return z.object(shape);
}

/**
 * A page of changes, the cursor to continue from (kept by the caller for the next sync; null only
 * while nothing has ever changed) and whether more are waiting now.
 */
export function changesSchema(kind: SyncKind) {
  return z.object({
    items: z.array(recordSchema(kind)),
    nextCursor: z.string().nullable(),
    hasMore: z.boolean(),
  });
}
