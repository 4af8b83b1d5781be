import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clientFiles, persons } from "../clients/clients.tables.js";
import { users } from "../identity/identity.tables.js";
import { contracts } from "../records/records.tables.js";

/** The columns grants and grant profiles share: what is shared and how the portal presents it. */
function settingsColumns() {
  return {
    shareAssets: boolean("share_assets").notNull().default(true),
    shareDonations: boolean("share_donations").notNull().default(false),
    sharePersons: boolean("share_persons").notNull().default(true),
    shareClaims: boolean("share_claims").notNull().default(false),
    shareAddresses: boolean("share_addresses").notNull().default(false),
    contractMode: text("contract_mode").notNull().default("categories"),
    contractCategories: text("contract_categories").array().notNull().default(sql`'{}'::text[]`),
    lineOfBusinessIds: uuid("line_of_business_ids").array().notNull().default(sql`'{}'::uuid[]`),
    documentCategoryIds: uuid("document_category_ids").array().notNull().default(sql`'{}'::uuid[]`),
    features: text("features").array().notNull().default(sql`'{}'::text[]`),
    view: text("view").notNull().default("private"),
    showProductName: boolean("show_product_name").notNull().default(false),
    caseHandlerId: text("case_handler_id"),
    showCaseHandler: boolean("show_case_handler").notNull().default(true),
    casesPrimaryContactsOnly: boolean("cases_primary_contacts_only").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  };
}

/** A grant profile (GRANT-10): a named template new grants start from. */
export const grantProfiles = pgTable(
  "grant_profiles",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    /** Stable key of the profiles every firm starts with; null for the firm's own. */
    key: text("key"),
    name: text("name").notNull(),
    defaultAccess: text("default_access").notNull().default("read"),
    ...settingsColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    uniqueIndex("grant_profiles_key_idx").on(t.firmId, t.key),
    check("grant_profiles_contract_mode_check", sql`${t.contractMode} in ('categories', 'manual')`),
    check("grant_profiles_view_check", sql`${t.view} in ('private', 'business')`),
    check("grant_profiles_access_check", sql`${t.defaultAccess} in ('read', 'read_write')`),
  ],
);

/**
 * A grant (Freischaltung, GRANT-1): bundles client files of the firm and is shared with grantees;
 * its settings say which records of those files they see (GRANT-3) and how (GRANT-4, GRANT-5).
 */
export const grants = pgTable(
  "grants",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    /** The profile the grant started from (GRANT-10); null without one or once it is deleted. */
    profileId: uuid("profile_id"),
    /** The access new grantees get unless told otherwise, copied from the profile at creation. */
    defaultAccess: text("default_access").notNull().default("read"),
    ...settingsColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("grants_profile_idx").on(t.firmId, t.profileId),
    // Migration 0006 narrows this to ON DELETE SET NULL ("profile_id"): setting the whole key to null
    // would null firm_id too. Drizzle cannot express the column list (PostgreSQL 15+).
    foreignKey({
      name: "grants_profile_fk",
      columns: [t.firmId, t.profileId],
      foreignColumns: [grantProfiles.firmId, grantProfiles.id],
    }).onDelete("set null"),
    check("grants_contract_mode_check", sql`${t.contractMode} in ('categories', 'manual')`),
    check("grants_view_check", sql`${t.view} in ('private', 'business')`),
    check("grants_default_access_check", sql`${t.defaultAccess} in ('read', 'read_write')`),
  ],
);

/** The client files a grant bundles. */
export const grantFiles = pgTable(
  "grant_files",
  {
    firmId: uuid("firm_id").notNull(),
    grantId: uuid("grant_id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.grantId, t.clientFileId] }),
    index("grant_files_file_idx").on(t.firmId, t.clientFileId),
    foreignKey({ columns: [t.firmId, t.grantId], foreignColumns: [grants.firmId, grants.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
  ],
);

/** A grant's manual list of contracts (contract mode `manual`). */
export const grantContracts = pgTable(
  "grant_contracts",
  {
    firmId: uuid("firm_id").notNull(),
    grantId: uuid("grant_id").notNull(),
    contractId: uuid("contract_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.grantId, t.contractId] }),
    index("grant_contracts_contract_idx").on(t.firmId, t.contractId),
    foreignKey({ columns: [t.firmId, t.grantId], foreignColumns: [grants.firmId, grants.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      columns: [t.firmId, t.contractId],
      foreignColumns: [contracts.firmId, contracts.id],
    }).onDelete("cascade"),
  ],
);

/**
 * Someone a grant is shared with (GRANT-2): a person of a bundled file, or an outside person known by
 * email and name (treated as an external advisor). `expired` is not stored: a grantee whose
 * `expires_at` has passed is expired from that instant, whatever the status says.
 */
export const grantees = pgTable(
  "grantees",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    grantId: uuid("grant_id").notNull(),
    personId: uuid("person_id"),
    /** Normalized; for a person, a copy taken when the grantee was added (invitations go here). */
    email: text("email"),
    name: text("name").notNull(),
    /** The account that accepted; null until then. */
    accountId: text("account_id").references(() => users.id, { onDelete: "set null" }),
    access: text("access").notNull().default("read"),
    isPrimaryContact: boolean("is_primary_contact").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    status: text("status").notNull().default("pending"),
    /** Who gave this access: staff, or a holder from the portal (PORTAL-9). */
    grantedByPortal: boolean("granted_by_portal").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("grantees_grant_idx").on(t.firmId, t.grantId),
    index("grantees_account_idx").on(t.accountId),
    index("grantees_person_idx").on(t.firmId, t.personId),
    uniqueIndex("grantees_person_once_idx")
      .on(t.firmId, t.grantId, t.personId)
      .where(sql`${t.personId} is not null`),
    uniqueIndex("grantees_outsider_once_idx")
      .on(t.firmId, t.grantId, t.email)
      .where(sql`${t.personId} is null`),
    foreignKey({ columns: [t.firmId, t.grantId], foreignColumns: [grants.firmId, grants.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.firmId, t.personId], foreignColumns: [persons.firmId, persons.id] }).onDelete(
      "cascade",
    ),
    check("grantees_access_check", sql`${t.access} in ('read', 'read_write')`),
    check("grantees_status_check", sql`${t.status} in ('pending', 'active', 'locked', 'revoked')`),
    check("grantees_outsider_email_check", sql`${t.personId} is not null or ${t.email} is not null`),
  ],
);
