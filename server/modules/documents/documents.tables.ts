import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clientFiles } from "../clients/clients.tables.js";

/** A firm-editable document category; `key` is stable (policies refer to it), `name` is the firm's. */
export const documentCategories = pgTable(
  "document_categories",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    uniqueIndex("document_categories_key_idx").on(t.firmId, t.key),
  ],
);

/** A document of a client file; its file content lives in versions, the newest is `current_version`. */
export const documents = pgTable(
  "documents",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    title: text("title").notNull(),
    categoryId: uuid("category_id").notNull(),
    contractId: uuid("contract_id"),
    claimId: uuid("claim_id"),
    documentDate: date("document_date", { mode: "string" }),
    sharedToPortal: boolean("shared_to_portal").notNull().default(false),
    currentVersion: integer("current_version").notNull().default(1),
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("documents_file_idx").on(t.firmId, t.clientFileId, t.createdAt),
    index("documents_contract_idx").on(t.firmId, t.contractId),
    uniqueIndex("documents_external_id_idx").on(t.firmId, t.externalId),
    index("documents_updated_idx").on(t.firmId, t.updatedAt, t.id),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.firmId, t.categoryId],
      foreignColumns: [documentCategories.firmId, documentCategories.id],
    }),
  ],
);

/** One uploaded file of a document: where it is stored, what it is, and its SHA-256. */
export const documentVersions = pgTable(
  "document_versions",
  {
    firmId: uuid("firm_id").notNull(),
    documentId: uuid("document_id").notNull(),
    version: integer("version").notNull(),
    storageKey: text("storage_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.documentId, t.version] }),
    foreignKey({
      columns: [t.firmId, t.documentId],
      foreignColumns: [documents.firmId, documents.id],
    }).onDelete("cascade"),
    check("document_versions_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
