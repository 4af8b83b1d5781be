import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** A client file (FILE-1): a household (`private`) or a company (`business`). */
export const clientFiles = pgTable(
  "client_files",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    kind: text("kind").notNull(),
    /** "Muster, Klara" for a household, the company name for a business. */
    displayName: text("display_name").notNull(),
    /** The firm's own file number, shown everywhere, unique in the firm (e.g. "K-10023"). */
    number: text("number").notNull(),
    externalId: text("external_id"),
    caseOwnerId: text("case_owner_id").notNull(),
    notes: text("notes"),
    /** Lower-cased names, emails and number of the file and its persons, for the list's search. */
    searchText: text("search_text").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    uniqueIndex("client_files_number_idx").on(t.firmId, t.number),
    uniqueIndex("client_files_external_id_idx").on(t.firmId, t.externalId),
    index("client_files_name_idx").on(t.firmId, t.displayName, t.id),
    // The list sorted by last change ("what did we touch lately") pages through this without sorting.
    index("client_files_updated_idx").on(t.firmId, t.updatedAt, t.id),
    index("client_files_owner_idx").on(t.firmId, t.caseOwnerId),
    index("client_files_search_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    check("client_files_kind_check", sql`${t.kind} in ('private', 'business')`),
  ],
);

/** Staff members working on a file besides its case owner. */
export const clientFileTeam = pgTable(
  "client_file_team",
  {
    firmId: uuid("firm_id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    userId: text("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.clientFileId, t.userId] }),
    index("client_file_team_user_idx").on(t.firmId, t.userId),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
  ],
);

/**
 * Someone on a file (FILE-2, FILE-3): family members of a household, contacts of a company, and
 * external advisors. A person may exist without portal access; two persons may share an email.
 */
export const persons = pgTable(
  "persons",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    role: text("role").notNull(),
    /** For relatives: how they relate to the holder ("mother", "brother-in-law" …). */
    relationToHolder: text("relation_to_holder"),
    isCommercialContact: boolean("is_commercial_contact").notNull().default(false),
    isOperationalContact: boolean("is_operational_contact").notNull().default(false),
    isEmployee: boolean("is_employee").notNull().default(false),
    advisorKind: text("advisor_kind"),
    /** An external advisor's firm or office, a contact's job title. */
    organisation: text("organisation"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phoneE164: text("phone_e164"),
    phoneCountry: text("phone_country"),
    salutation: text("salutation").notNull().default("formal"),
    language: text("language").notNull().default("de"),
    birthDate: date("birth_date", { mode: "string" }),
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("persons_file_idx").on(t.firmId, t.clientFileId),
    index("persons_email_idx").on(t.firmId, t.email),
    uniqueIndex("persons_external_id_idx").on(t.firmId, t.externalId),
    index("persons_updated_idx").on(t.firmId, t.updatedAt, t.id),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
    check(
      "persons_role_check",
      sql`${t.role} in ('holder', 'co_holder', 'partner', 'child', 'relative', 'contact', 'external_advisor')`,
    ),
    check(
      "persons_advisor_kind_check",
      sql`${t.advisorKind} is null or ${t.advisorKind} in ('banker', 'notary', 'lawyer', 'tax_advisor', 'accountant', 'other')`,
    ),
    check("persons_salutation_check", sql`${t.salutation} in ('formal', 'informal')`),
    check("persons_language_check", sql`${t.language} in ('de', 'fr', 'en')`),
  ],
);
