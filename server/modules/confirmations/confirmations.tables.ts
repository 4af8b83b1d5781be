import { sql } from "drizzle-orm";
import {
  check,
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

/**
 * A request that one grantee confirm having received and read one version of a document (PORTAL-5,
 * seed 000). The document and the grantee are kept as ids and copied names, without foreign keys:
 * the request and its evidence outlive a deleted document or a removed grantee (only erasing the
 * whole client file removes them). `status`: open → confirmed, or superseded by a new version of the
 * document, or cancelled by staff.
 */
export const confirmationRequests = pgTable(
  "confirmation_requests",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    documentId: uuid("document_id").notNull(),
    documentTitle: text("document_title").notNull(),
    /** The version to confirm, with its file name and SHA-256 as they were when asked. */
    version: integer("version").notNull(),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    granteeId: uuid("grantee_id").notNull(),
    /** The grantee's account when asked: only that account may confirm. */
    accountId: text("account_id").notNull(),
    personId: uuid("person_id"),
    name: text("name").notNull(),
    email: text("email").notNull(),
    language: text("language").notNull(),
    salutation: text("salutation").notNull(),
    /** The staff member's own subject and text; null = the standard wording in the recipient's language. */
    subject: text("subject"),
    message: text("message"),
    status: text("status").notNull().default("open"),
    /** The firm's reminder days when the request went out; later policy changes do not move it. */
    reminderDays: integer("reminder_days").array().notNull(),
    remindersDue: integer("reminders_due").notNull().default(0),
    remindersSent: integer("reminders_sent").notNull().default(0),
    /** Due time of the next reminder; null whenever none is to come (the sweep's index holds only live ones). */
    nextReminderAt: timestamp("next_reminder_at", { withTimezone: true }),
    /** The first mail (or the last resend) the reminder days count from. */
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    requestedBy: text("requested_by").notNull(),
    requestedByName: text("requested_by_name").notNull(),
    lastOutboxId: uuid("last_outbox_id"),
    /**
     * The inbox case (kind `confirmation`) opened with the request; no foreign key, like the
     * document's: null for requests made before requests were cases.
     */
    caseId: uuid("case_id"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledByName: text("cancelled_by_name"),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    supersededByVersion: integer("superseded_by_version"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("confirmation_requests_document_idx").on(t.firmId, t.documentId, t.createdAt),
    index("confirmation_requests_file_idx").on(t.firmId, t.clientFileId, t.status),
    // The sweep's index: only requests with a reminder still to come are in it.
    index("confirmation_requests_due_idx").on(t.nextReminderAt).where(sql`${t.nextReminderAt} is not null`),
    uniqueIndex("confirmation_requests_open_once_idx")
      .on(t.firmId, t.documentId, t.granteeId)
      .where(sql`${t.status} = 'open'`),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
    check(
      "confirmation_requests_status_check",
      sql`${t.status} in ('open', 'confirmed', 'superseded', 'cancelled')`,
    ),
    check("confirmation_requests_salutation_check", sql`${t.salutation} in ('formal', 'informal')`),
    check("confirmation_requests_language_check", sql`${t.language} in ('de', 'fr', 'en')`),
    check("confirmation_requests_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check(
      "confirmation_requests_reminder_only_open",
      sql`${t.nextReminderAt} is null or ${t.status} = 'open'`,
    ),
  ],
);

/**
 * The evidence of one confirmation: who confirmed (account, person, name), when, which document
 * version with which SHA-256, from which IP address and browser. Written once; a trigger refuses any
 * change (confirmations.sql.ts).
 */
export const confirmationEvidence = pgTable(
  "confirmation_evidence",
  {
    firmId: uuid("firm_id").notNull(),
    requestId: uuid("request_id").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull(),
    accountId: text("account_id").notNull(),
    accountEmail: text("account_email").notNull(),
    personId: uuid("person_id"),
    name: text("name").notNull(),
    documentId: uuid("document_id").notNull(),
    documentTitle: text("document_title").notNull(),
    version: integer("version").notNull(),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.requestId] }),
    foreignKey({
      columns: [t.firmId, t.requestId],
      foreignColumns: [confirmationRequests.firmId, confirmationRequests.id],
    }).onDelete("cascade"),
    check("confirmation_evidence_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
