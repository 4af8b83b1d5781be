import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Every email Atrium sends is first a row here, written in the transaction of the change that causes it;
 * a job delivers it. The rendered subject and bodies are kept, so what was sent can always be shown.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    template: text("template").notNull(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    /** The firm's sender name (FIRM-3) shown with the installation's sending address; null = that address's own. */
    fromName: text("from_name"),
    /** Where answers go (the firm's reply-to or contact address); null = none. */
    replyTo: text("reply_to"),
    language: text("language").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: text("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastSmtpResponse: text("last_smtp_response"),
    /** The Message-ID header the mail carries (set at its first delivery attempt); bounces name it. */
    messageId: text("message_id"),
    /** When a bounce (delivery status notification) for this mail came in, and its diagnostic. */
    bouncedAt: timestamp("bounced_at", { withTimezone: true }),
    bounceDiagnostic: text("bounce_diagnostic"),
    meta: jsonb("meta").notNull().default({}),
    /**
     * Values that must not rest in the database readable (an invitation link's token): sealed with the
     * outbox key, put into the mail at delivery in place of their placeholders, erased once delivered.
     */
    sealedSecrets: text("sealed_secrets"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("mail_outbox_status_idx").on(t.firmId, t.status, t.createdAt),
    // Bounce intake finds a mail by its Message-ID across firms (unsafeFindMailByMessageId).
    index("mail_outbox_message_id_idx").on(t.messageId),
    check("mail_outbox_status_check", sql`${t.status} in ('queued', 'sent', 'failed', 'bounced')`),
  ],
);
