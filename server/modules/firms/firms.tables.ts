import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../identity/identity.tables.js";

/** Reminder days when a firm has not chosen its own (seed 001: after 2 and 7 days). */
export const DEFAULT_REMINDER_DAYS = [2, 7];

/**
 * The tenant: profile (FIRM-1) and policies (FIRM-3). Its key is called firm_id like everywhere else,
 * so one isolation rule covers it too.
 */
export const firms = pgTable(
  "firms",
  {
    firmId: uuid("firm_id").primaryKey(),
    name: text("name").notNull(),
    defaultLanguage: text("default_language").notNull(),
    // Profile
    street: text("street"),
    postalCode: text("postal_code"),
    city: text("city"),
    country: text("country").notNull().default("DE"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    logoStorageKey: text("logo_storage_key"),
    logoContentType: text("logo_content_type"),
    primaryColor: text("primary_color").notNull().default("#0f4c5c"),
    accentColor: text("accent_color").notNull().default("#e36414"),
    /** The code clients type at the portal to find their firm; unique across firms. */
    publicCode: text("public_code").notNull(),
    // Policies
    accessManagedBy: text("access_managed_by").notNull().default("case_owner_and_admins"),
    reminderDays: integer("reminder_days").array().notNull().default(sql`'{2,7}'::integer[]`),
    invitationLifetimeDays: integer("invitation_lifetime_days").notNull().default(30),
    defaultSalutation: text("default_salutation").notNull().default("formal"),
    recommendedCategoryKeys: text("recommended_category_keys")
      .array()
      .notNull()
      .default(sql`'{policy,invoice,advice_record,claim}'::text[]`),
    holdersAccessIrrevocable: boolean("holders_access_irrevocable").notNull().default(false),
    secondFactor: text("second_factor").notNull().default("any"),
    senderName: text("sender_name"),
    replyTo: text("reply_to"),
    // Optional own SMTP server (FIRM-3); all null = the installation's. The password is sealed with a
    // key derived from the installation secret and never leaves the server readable.
    smtpHost: text("smtp_host"),
    smtpPort: integer("smtp_port"),
    smtpSecurity: text("smtp_security"),
    smtpUser: text("smtp_user"),
    smtpPasswordSealed: text("smtp_password_sealed"),
    smtpFromAddress: text("smtp_from_address"),
    /** When the SMTP settings last changed: workers rebuild their cached transport of the firm on a new value. */
    smtpChangedAt: timestamp("smtp_changed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("firms_public_code_idx").on(t.publicCode),
    check(
      "firms_access_managed_by_check",
      sql`${t.accessManagedBy} in ('case_owner', 'admins', 'case_owner_and_admins')`,
    ),
    check("firms_second_factor_check", sql`${t.secondFactor} in ('none', 'any', 'sms', 'totp', 'passkey')`),
    check("firms_salutation_check", sql`${t.defaultSalutation} in ('formal', 'informal')`),
    check("firms_language_check", sql`${t.defaultLanguage} in ('de', 'fr', 'en')`),
    check("firms_smtp_security_check", sql`${t.smtpSecurity} in ('starttls', 'tls', 'none')`),
  ],
);

/** A staff member of a firm: links a global account to the firm with a role. */
export const staffMembers = pgTable(
  "staff_members",
  {
    firmId: uuid("firm_id")
      .notNull()
      .references(() => firms.firmId),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.userId] }),
    index("staff_members_user_idx").on(t.userId),
    check("staff_members_role_check", sql`${t.role} in ('admin', 'advisor', 'assistant')`),
  ],
);

/**
 * One row once the first-run setup has happened. Global on purpose: "is this installation set up?"
 * must be answerable before any firm is known, and its primary key makes a second setup impossible.
 */
export const installation = pgTable(
  "installation",
  {
    id: integer("id").primaryKey().default(1),
    firstFirmId: uuid("first_firm_id").notNull(),
    setUpAt: timestamp("set_up_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("installation_singleton", sql`${t.id} = 1`)],
);
