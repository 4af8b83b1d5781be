import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.tables.js";

/**
 * One thing a person should hear about (CASE-2): a staff member (`person_id` null) or a portal account
 * reaching the file as `person_id`. Rows wait here until the digest job takes them into a mail
 * (`digest_id`, `sent_at`) or drops them because the recipient turned the topic off (`skipped_at`).
 */
export const notificationItems = pgTable(
  "notification_items",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    /** The account (users.id) the mail goes to: a staff member or a portal account. */
    recipientUserId: text("recipient_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    audience: text("audience").notNull(),
    /** The person the account reaches the file as (portal recipients only). */
    personId: uuid("person_id"),
    topic: text("topic").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    caseId: uuid("case_id"),
    documentId: uuid("document_id"),
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    digestId: uuid("digest_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    skippedAt: timestamp("skipped_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    // The digest sweep's index: only rows still waiting are in it.
    index("notification_items_pending_idx")
      .on(t.firmId, t.recipientUserId, t.createdAt)
      .where(sql`${t.digestId} is null and ${t.skippedAt} is null`),
    index("notification_items_digest_idx").on(t.firmId, t.digestId),
    check("notification_items_audience_check", sql`${t.audience} in ('staff', 'portal')`),
    check(
      "notification_items_topic_check",
      sql`${t.topic} in ('new_case', 'client_message', 'client_upload', 'document_confirmed', 'case_update', 'new_document', 'invoice')`,
    ),
  ],
);

/** One digest mail sent to one account of a firm: the hourly limit reads the last one. */
export const notificationDigests = pgTable(
  "notification_digests",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    recipientUserId: text("recipient_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemCount: integer("item_count").notNull(),
    outboxId: uuid("outbox_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("notification_digests_recipient_idx").on(t.firmId, t.recipientUserId, t.sentAt),
  ],
);

/**
 * An account's choice of notification mails, global like the account itself: the topics it turned
 * off. No row, or a topic not listed, means on — what a person receives is decided by their role.
 */
export const notificationSettings = pgTable("notification_settings", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  mutedTopics: text("muted_topics").array().notNull().default(sql`'{}'::text[]`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
