import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clientFiles } from "../clients/clients.tables.js";

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });
const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** Contract statuses of seed 004 (Anfrage, Angebot, Fremd, Fremdteil, Gesperrt, Info, Ruhend, Storno, Eigen). */
export const contractStatuses = [
  "request",
  "offer",
  "foreign",
  "partly_foreign",
  "locked",
  "info",
  "dormant",
  "cancelled",
  "own",
] as const;

/** A firm-editable insurance line (Sparte), preloaded with the common German lines. */
export const linesOfBusiness = pgTable(
  "lines_of_business",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    uniqueIndex("lines_of_business_code_idx").on(t.firmId, t.code),
  ],
);

/** What a household or company owns (FILE-4). */
export const assets = pgTable(
  "assets",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    value: money("value").notNull(),
    currency: text("currency").notNull().default("EUR"),
    valuationDate: date("valuation_date", { mode: "string" }),
    externalId: text("external_id"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("assets_file_idx").on(t.firmId, t.clientFileId),
    uniqueIndex("assets_external_id_idx").on(t.firmId, t.externalId),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
    check(
      "assets_kind_check",
      sql`${t.kind} in ('real_estate', 'bank_account', 'securities', 'life_insurance', 'pension', 'business_share', 'vehicle', 'valuables', 'other')`,
    ),
  ],
);

/** An insurance or financial contract with its seed-004 status and dates. */
export const contracts = pgTable(
  "contracts",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    number: text("number"),
    insurer: text("insurer").notNull(),
    productName: text("product_name"),
    risk: text("risk"),
    lineOfBusinessId: uuid("line_of_business_id"),
    status: text("status").notNull(),
    offerDate: date("offer_date", { mode: "string" }),
    applicationDate: date("application_date", { mode: "string" }),
    documentDate: date("document_date", { mode: "string" }),
    /**
     * The seed-004 category grants share contracts by (records/contract-category.ts says the same in
     * TypeScript): every status is its own category, except that an `own` contract is a `policy` once it
     * has a document date and an `application` once it has an application date, and an `offer` with an
     * offer date counts as `own`.
     */
    portalCategory: text("portal_category").generatedAlwaysAs(
      sql`case when status = 'own' and document_date is not null then 'policy' when status = 'own' and application_date is not null then 'application' when status = 'offer' and offer_date is not null then 'own' else status end`,
    ),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    premium: money("premium"),
    premiumFrequency: text("premium_frequency"),
    currency: text("currency").notNull().default("EUR"),
    externalId: text("external_id"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("contracts_file_idx").on(t.firmId, t.clientFileId),
    uniqueIndex("contracts_external_id_idx").on(t.firmId, t.externalId),
    index("contracts_updated_idx").on(t.firmId, t.updatedAt, t.id),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.firmId, t.lineOfBusinessId],
      foreignColumns: [linesOfBusiness.firmId, linesOfBusiness.id],
    }),
    check(
      "contracts_status_check",
      sql`${t.status} in ('request', 'offer', 'foreign', 'partly_foreign', 'locked', 'info', 'dormant', 'cancelled', 'own')`,
    ),
    check(
      "contracts_frequency_check",
      sql`${t.premiumFrequency} is null or ${t.premiumFrequency} in ('monthly', 'quarterly', 'half_yearly', 'yearly', 'once')`,
    ),
  ],
);

/** A claim (Schaden), with or without a contract. */
export const claims = pgTable(
  "claims",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    contractId: uuid("contract_id"),
    claimDate: date("claim_date", { mode: "string" }).notNull(),
    description: text("description").notNull(),
    status: text("status").notNull().default("open"),
    amount: money("amount"),
    currency: text("currency").notNull().default("EUR"),
    insurerReference: text("insurer_reference"),
    externalId: text("external_id"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("claims_file_idx").on(t.firmId, t.clientFileId),
    index("claims_contract_idx").on(t.firmId, t.contractId),
    uniqueIndex("claims_external_id_idx").on(t.firmId, t.externalId),
    index("claims_updated_idx").on(t.firmId, t.updatedAt, t.id),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
    // The migration narrows this to ON DELETE SET NULL ("contract_id"): firm_id must stay (PostgreSQL 15+).
    foreignKey({
      columns: [t.firmId, t.contractId],
      foreignColumns: [contracts.firmId, contracts.id],
    }).onDelete("set null"),
    check(
      "claims_status_check",
      sql`${t.status} in ('open', 'in_progress', 'settled', 'rejected', 'closed')`,
    ),
  ],
);

/** A reference address (risk location), linked to the contracts that cover it. */
export const referenceAddresses = pgTable(
  "reference_addresses",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    label: text("label").notNull(),
    street: text("street").notNull(),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    country: text("country").notNull().default("DE"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("reference_addresses_file_idx").on(t.firmId, t.clientFileId),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
  ],
);

/** Which contracts cover which reference address. */
export const referenceAddressContracts = pgTable(
  "reference_address_contracts",
  {
    firmId: uuid("firm_id").notNull(),
    addressId: uuid("address_id").notNull(),
    contractId: uuid("contract_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.addressId, t.contractId] }),
    index("reference_address_contracts_contract_idx").on(t.firmId, t.contractId),
    foreignKey({
      columns: [t.firmId, t.addressId],
      foreignColumns: [referenceAddresses.firmId, referenceAddresses.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.firmId, t.contractId],
      foreignColumns: [contracts.firmId, contracts.id],
    }).onDelete("cascade"),
  ],
);

/** A donation (seed 003's inventory of gifts), between persons of the file or named outsiders. */
export const donations = pgTable(
  "donations",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    clientFileId: uuid("client_file_id").notNull(),
    donorPersonId: uuid("donor_person_id"),
    donorName: text("donor_name"),
    beneficiaryPersonId: uuid("beneficiary_person_id"),
    beneficiaryName: text("beneficiary_name"),
    donationDate: date("donation_date", { mode: "string" }).notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").notNull().default("EUR"),
    kind: text("kind").notNull(),
    notes: text("notes"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("donations_file_idx").on(t.firmId, t.clientFileId),
    foreignKey({
      columns: [t.firmId, t.clientFileId],
      foreignColumns: [clientFiles.firmId, clientFiles.id],
    }).onDelete("cascade"),
    check(
      "donations_kind_check",
      sql`${t.kind} in ('cash', 'real_estate', 'securities', 'business_share', 'usufruct', 'other')`,
    ),
  ],
);
