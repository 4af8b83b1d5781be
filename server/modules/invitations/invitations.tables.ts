import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { grantees } from "../grants/grants.tables.js";

/**
 * An invitation of a grantee into the portal (INV-1 … INV-7) with its reminder series. Its links are
 * one-time tokens (purpose `client_invitation`, subject = this row); several may live at once (each
 * reminder carries its own), and all die together on acceptance, withdrawal, a new link or expiry.
 * `expired` is not stored: a pending invitation whose `expires_at` has passed is expired.
 */
export const clientInvitations = pgTable(
  "client_invitations",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    grantId: uuid("grant_id").notNull(),
    granteeId: uuid("grantee_id").notNull(),
    /** Where the mails go (normalized); null only for a link invitation of a grantee without email. */
    email: text("email"),
    name: text("name").notNull(),
    language: text("language").notNull(),
    salutation: text("salutation").notNull(),
    channel: text("channel").notNull(),
    status: text("status").notNull().default("pending"),
    personalMessage: text("personal_message"),
    /** The firm's reminder days when the invitation went out; later policy changes do not move it. */
    reminderDays: integer("reminder_days").array().notNull(),
    /** Reminders the sweep has made due; a reminder's mail is queued once (`reminders_sent`). */
    remindersDue: integer("reminders_due").notNull().default(0),
    remindersSent: integer("reminders_sent").notNull().default(0),
    /** Due time of the next reminder; null whenever none is to come (so the sweep's index holds only live ones). */
    nextReminderAt: timestamp("next_reminder_at", { withTimezone: true }),
    remindersStoppedAt: timestamp("reminders_stopped_at", { withTimezone: true }),
    /** The first mail (or the resend) the reminder days count from. */
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    invitedBy: text("invited_by"),
    invitedByName: text("invited_by_name"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedAccountId: text("accepted_account_id"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    lastOutboxId: uuid("last_outbox_id"),
    lastMailReminder: integer("last_mail_reminder"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("client_invitations_grantee_idx").on(t.firmId, t.granteeId, t.createdAt),
    index("client_invitations_grant_idx").on(t.firmId, t.grantId),
    // The sweep's index (PERF-4): only invitations with a reminder still to come are in it.
    index("client_invitations_due_idx").on(t.nextReminderAt).where(sql`${t.nextReminderAt} is not null`),
    uniqueIndex("client_invitations_pending_once_idx")
      .on(t.firmId, t.granteeId)
      .where(sql`${t.status} = 'pending'`),
    foreignKey({
      columns: [t.firmId, t.granteeId],
      foreignColumns: [grantees.firmId, grantees.id],
    }).onDelete("cascade"),
    check("client_invitations_channel_check", sql`${t.channel} in ('email', 'link', 'notice')`),
    check(
      "client_invitations_status_check",
      sql`${t.status} in ('pending', 'accepted', 'withdrawn', 'replaced')`,
    ),
    check("client_invitations_salutation_check", sql`${t.salutation} in ('formal', 'informal')`),
    check("client_invitations_language_check", sql`${t.language} in ('de', 'fr', 'en')`),
    check(
      "client_invitations_reminder_only_pending",
      sql`${t.nextReminderAt} is null or ${t.status} = 'pending'`,
    ),
  ],
);

/**
 * A bulk invitation (INV-3): the request as it was made, worked through by a job in chunks whose
 * progress commits with their invitations, so a restart resumes where the last chunk ended (REL-6).
 */
export const bulkInvitationRuns = pgTable(
  "bulk_invitation_runs",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    status: text("status").notNull().default("running"),
    /** The chosen options and the units to work through, in order (a file, or a bundle of files). */
    options: jsonb("options").notNull(),
    total: integer("total").notNull(),
    processed: integer("processed").notNull().default(0),
    invited: integer("invited").notNull().default(0),
    notified: integer("notified").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    /** Skipped files with their reason (the first 1,000; all are counted in `skipped`). */
    skips: jsonb("skips").notNull().default([]),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    check("bulk_invitation_runs_status_check", sql`${t.status} in ('running', 'done', 'failed')`),
  ],
);
