import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { clientFiles } from "../clients/clients.tables.js";
import { users } from "../identity/identity.tables.js";

/**
 * A case (CASE-1): something a client sent the firm through the portal — a message thread, a claim
 * report, a contract capture, a quote request, an upload — and the firm's handling of it; or a
 * confirmation request the firm waits on (kind `confirmation`, opened with the request, its
 * "opened by" being the person asked).
 *
 * The grant, contract and person a case refers to have no foreign key on purpose: a case is
 * correspondence of the file and outlives a revoked grant, a deleted contract or person (AUDIT-2);
 * names are kept as snapshots, and presenting joins tolerate the reference being gone.
 */
export const cases = pgTable(
  "cases",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    status: text("status").notNull().default("open"),
    /** The staff member (users.id) handling it; null: unassigned, the firm's admins see to it. */
    assigneeUserId: text("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The grant it came through (for its case handler and name); kept when the grant is gone. */
    grantId: uuid("grant_id"),
    /** The account that opened it; null once that account was deleted (the person's name stays). */
    createdByAccountId: text("created_by_account_id").references(() => users.id, { onDelete: "set null" }),
    createdByPersonId: uuid("created_by_person_id"),
    createdByName: text("created_by_name").notNull(),
    contractId: uuid("contract_id"),
    /** The kind's structured details (contracts/cases.ts), checked on the way in. */
    details: jsonb("details").notNull().default(sql`'{}'::jsonb`),
    /** The client wrote something no staff member opened yet. */
    unreadForStaff: boolean("unread_for_staff").notNull().default(true),
    /** The firm wrote something the client did not open yet. */
    unreadForClient: boolean("unread_for_client").notNull().default(false),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    // The inbox pages latest activity first; the file's list in the portal the same within one file.
    index("cases_activity_idx").on(t.firmId, t.lastActivityAt, t.id),
    index("cases_file_idx").on(t.firmId, t.clientFileId, t.lastActivityAt),
    index("cases_assignee_idx").on(t.firmId, t.assigneeUserId, t.status),
    index("cases_subject_search_idx").using("gin", sql`lower(${t.subject}) gin_trgm_ops`),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
    check(
      "cases_kind_check",
      sql`${t.kind} in ('message', 'claim_report', 'contract_capture', 'quote_request', 'upload', 'confirmation')`,
    ),
    check("cases_status_check", sql`${t.status} in ('open', 'waiting_for_client', 'done')`),
  ],
);

/**
 * One message of a case's thread. The author is a staff member or a client; `author_name` is a
 * snapshot so the thread still reads right after the author's account is deleted (AUDIT-2).
 */
export const caseMessages = pgTable(
  "case_messages",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    authorKind: text("author_kind").notNull(),
    /** The staff member who wrote it (staff messages). */
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The portal account that wrote it (client messages); null once the account is deleted. */
    authorAccountId: text("author_account_id").references(() => users.id, { onDelete: "set null" }),
    authorPersonId: uuid("author_person_id"),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("case_messages_case_idx").on(t.firmId, t.caseId, t.createdAt),
    foreignKey({ columns: [t.firmId, t.caseId], foreignColumns: [cases.firmId, cases.id] }).onDelete(
      "cascade",
    ),
    check("case_messages_author_kind_check", sql`${t.authorKind} in ('staff', 'client')`),
  ],
);

/** A file attached to a case message, kept in the file store under `<firmId>/cases/<caseId>/<id>`. */
export const caseAttachments = pgTable(
  "case_attachments",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    messageId: uuid("message_id").notNull(),
    storageKey: text("storage_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("case_attachments_message_idx").on(t.firmId, t.messageId),
    index("case_attachments_case_idx").on(t.firmId, t.caseId),
    foreignKey({
      columns: [t.firmId, t.messageId],
      foreignColumns: [caseMessages.firmId, caseMessages.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.firmId, t.caseId], foreignColumns: [cases.firmId, cases.id] }).onDelete(
      "cascade",
    ),
  ],
);
