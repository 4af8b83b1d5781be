import { z } from "zod";

// The records of a client file (FILE-4): contracts, assets, claims, reference addresses, donations.

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
export type ContractStatus = (typeof contractStatuses)[number];

/** The categories grants share contracts by: the statuses, with `own` split by its dates (Antrag, Police). */
export const contractCategories = [
  "request",
  "offer",
  "foreign",
  "partly_foreign",
  "locked",
  "info",
  "dormant",
  "cancelled",
  "own",
  "application",
  "policy",
] as const;
export type ContractCategory = (typeof contractCategories)[number];

/** How often a premium is paid. */
export const premiumFrequencies = ["monthly", "quarterly", "half_yearly", "yearly", "once"] as const;
export type PremiumFrequency = (typeof premiumFrequencies)[number];

/** Kinds of assets. */
export const assetKinds = [
  "real_estate",
  "bank_account",
  "securities",
  "life_insurance",
  "pension",
  "business_share",
  "vehicle",
  "valuables",
  "other",
] as const;
export type AssetKind = (typeof assetKinds)[number];

/** Where a claim stands. */
export const claimStatuses = ["open", "in_progress", "settled", "rejected", "closed"] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** Kinds of donations (seed 003's inventory). */
export const donationKinds = [
  "cash",
  "real_estate",
  "securities",
  "business_share",
  "usufruct",
  "other",
] as const;
export type DonationKind = (typeof donationKinds)[number];

// ---- building blocks of the inputs ----

// PostgreSQL cannot store NUL characters in text, nor a year 0 in a date: refuse them as input errors.
const noNul = (value: string) => !value.includes("\u0000");
const requiredText = (max: number) => z.string().trim().min(1).max(max).refine(noNul);
const optionalText = (max: number) => z.string().trim().max(max).refine(noNul).nullish();
const isoDate = z.iso
  .date()
  .refine((value) => !value.startsWith("0000"))
  .describe("A calendar date, YYYY-MM-DD");
const optionalDate = isoDate.nullish();

/** An amount as a JSON number or a string with a decimal point ("1250.50"); stored exactly (2 decimals). */
export const moneyInputSchema = z
  .union([z.number(), z.string().trim().max(32)])
  .describe("An amount with a decimal point, e.g. 1250.50 (a number or a string)");

/** An ISO 4217 currency code; EUR when left out. */
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe("ISO 4217 currency code, e.g. EUR");

// ---- route parameters ----

/** `:fileId` of every records route. */
export const fileParamsSchema = z.object({ fileId: z.uuid() });
/** `:fileId` and the record's `:id`. */
export const recordParamsSchema = z.object({ fileId: z.uuid(), id: z.uuid() });

// ---- shared presented pieces ----

/** A line of business (Sparte) as shown beside a contract. */
export const lineOfBusinessSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type LineOfBusiness = z.infer<typeof lineOfBusinessSchema>;

/** A contract as other records show it (a claim's contract, an address's contracts). */
export const contractSummarySchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  insurer: z.string(),
  lineOfBusiness: lineOfBusinessSchema.nullable(),
});
export type ContractSummary = z.infer<typeof contractSummarySchema>;

const timestamps = { createdAt: z.string(), updatedAt: z.string() };

// ---- contracts ----

/** POST …/contracts — a new contract. */
export const contractInputSchema = z.strictObject({
  number: optionalText(100),
  insurer: requiredText(200),
  productName: optionalText(200),
  risk: optionalText(500),
  lineOfBusinessId: z.uuid().nullish(),
  status: z.enum(contractStatuses),
  offerDate: optionalDate,
  applicationDate: optionalDate,
  documentDate: optionalDate,
  startDate: optionalDate,
  endDate: optionalDate,
  premium: moneyInputSchema.nullish(),
  premiumFrequency: z.enum(premiumFrequencies).nullish(),
  currency: currencySchema.optional(),
  externalId: optionalText(200),
});
export type ContractInput = z.infer<typeof contractInputSchema>;

/** PATCH …/contracts/:id — the fields to change; null clears an optional field. */
export const contractUpdateSchema = contractInputSchema.partial();
export type ContractUpdate = z.infer<typeof contractUpdateSchema>;

/** GET …/contracts — optional filter by status. */
export const contractListQuerySchema = z.object({ status: z.enum(contractStatuses).optional() });

/** A contract as the API presents it; money as a string with 2 decimals in `currency`. */
export const contractSchema = z.object({
  id: z.string(),
  clientFileId: z.string(),
  number: z.string().nullable(),
  insurer: z.string(),
  productName: z.string().nullable(),
  risk: z.string().nullable(),
  lineOfBusiness: lineOfBusinessSchema.nullable(),
  status: z.enum(contractStatuses),
  category: z.enum(contractCategories),
  offerDate: z.string().nullable(),
  applicationDate: z.string().nullable(),
  documentDate: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  premium: z.string().nullable(),
  premiumFrequency: z.enum(premiumFrequencies).nullable(),
  currency: z.string(),
  externalId: z.string().nullable(),
  ...timestamps,
});
export type Contract = z.infer<typeof contractSchema>;
export const contractListSchema = z.object({ contracts: z.array(contractSchema) });
export type ContractList = z.infer<typeof contractListSchema>;

/** GET …/lines-of-business — the firm's active lines a contract of this file may take. */
export const lineOfBusinessListSchema = z.object({ linesOfBusiness: z.array(lineOfBusinessSchema) });
export type LineOfBusinessList = z.infer<typeof lineOfBusinessListSchema>;

// ---- assets ----

/** POST …/assets — a new asset. */
export const assetInputSchema = z.strictObject({
  kind: z.enum(assetKinds),
  description: requiredText(500),
  value: moneyInputSchema,
  currency: currencySchema.optional(),
  valuationDate: optionalDate,
});
export type AssetInput = z.infer<typeof assetInputSchema>;
/** PATCH …/assets/:id. */
export const assetUpdateSchema = assetInputSchema.partial();
export type AssetUpdate = z.infer<typeof assetUpdateSchema>;

/** An asset as the API presents it. */
export const assetSchema = z.object({
  id: z.string(),
  clientFileId: z.string(),
  kind: z.enum(assetKinds),
  description: z.string(),
  value: z.string(),
  currency: z.string(),
  valuationDate: z.string().nullable(),
  ...timestamps,
});
export type Asset = z.infer<typeof assetSchema>;
/** One sum of asset values (only like currencies are added). */
export const moneyTotalSchema = z.object({ currency: z.string(), value: z.string() });
export type MoneyTotal = z.infer<typeof moneyTotalSchema>;
export const assetListSchema = z.object({ assets: z.array(assetSchema), totals: z.array(moneyTotalSchema) });
export type AssetList = z.infer<typeof assetListSchema>;

// ---- claims ----

/** POST …/claims — a new claim, with or without a contract of the same file. */
export const claimInputSchema = z.strictObject({
  contractId: z.uuid().nullish(),
  claimDate: isoDate,
  description: requiredText(4000),
  status: z.enum(claimStatuses).optional(),
  amount: moneyInputSchema.nullish(),
  currency: currencySchema.optional(),
  insurerReference: optionalText(200),
});
export type ClaimInput = z.infer<typeof claimInputSchema>;
/** PATCH …/claims/:id. */
export const claimUpdateSchema = claimInputSchema.partial();
export type ClaimUpdate = z.infer<typeof claimUpdateSchema>;

/** A claim as the API presents it, with its contract. */
export const claimSchema = z.object({
  id: z.string(),
  clientFileId: z.string(),
  contract: contractSummarySchema.nullable(),
  claimDate: z.string(),
  description: z.string(),
  status: z.enum(claimStatuses),
  amount: z.string().nullable(),
  currency: z.string(),
  insurerReference: z.string().nullable(),
  ...timestamps,
});
export type Claim = z.infer<typeof claimSchema>;
export const claimListSchema = z.object({ claims: z.array(claimSchema) });
export type ClaimList = z.infer<typeof claimListSchema>;

// ---- reference addresses ----

/** POST …/reference-addresses — a risk location and the contracts of this file that cover it. */
export const addressInputSchema = z.strictObject({
  label: requiredText(200),
  street: requiredText(200),
  postalCode: requiredText(20),
  city: requiredText(200),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .describe("ISO 3166-1 alpha-2 code, e.g. DE; DE when left out"),
  contractIds: z.array(z.uuid()).max(500).optional(),
});
export type AddressInput = z.infer<typeof addressInputSchema>;
/** PATCH …/reference-addresses/:id; `contractIds` replaces the linked contracts. */
export const addressUpdateSchema = addressInputSchema.partial();
export type AddressUpdate = z.infer<typeof addressUpdateSchema>;

/** A reference address as the API presents it, with its linked contracts. */
export const addressSchema = z.object({
  id: z.string(),
  clientFileId: z.string(),
  label: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  contracts: z.array(contractSummarySchema),
  ...timestamps,
});
export type Address = z.infer<typeof addressSchema>;
export const addressListSchema = z.object({ addresses: z.array(addressSchema) });
export type AddressList = z.infer<typeof addressListSchema>;

// ---- donations ----

/** POST …/donations — donor and beneficiary each a person of the file or a name (exactly one). */
export const donationInputSchema = z.strictObject({
  donorPersonId: z.uuid().nullish(),
  donorName: optionalText(200),
  beneficiaryPersonId: z.uuid().nullish(),
  beneficiaryName: optionalText(200),
  donationDate: isoDate,
  amount: moneyInputSchema,
  currency: currencySchema.optional(),
  kind: z.enum(donationKinds),
  notes: optionalText(4000),
});
export type DonationInput = z.infer<typeof donationInputSchema>;
/** PATCH …/donations/:id. */
export const donationUpdateSchema = donationInputSchema.partial();
export type DonationUpdate = z.infer<typeof donationUpdateSchema>;

/** One side of a donation: a person of the file (with the name they have now) or a named outsider. */
export const donationPartySchema = z.object({ personId: z.string().nullable(), name: z.string().nullable() });
export type DonationParty = z.infer<typeof donationPartySchema>;

/** A donation as the API presents it. */
export const donationSchema = z.object({
  id: z.string(),
  clientFileId: z.string(),
  donor: donationPartySchema,
  beneficiary: donationPartySchema,
  donationDate: z.string(),
  amount: z.string(),
  currency: z.string(),
  kind: z.enum(donationKinds),
  notes: z.string().nullable(),
  ...timestamps,
});
export type Donation = z.infer<typeof donationSchema>;
/** A person of the file who may be chosen as donor or beneficiary. */
export const donationPersonSchema = z.object({ id: z.string(), name: z.string() });
export type DonationPerson = z.infer<typeof donationPersonSchema>;
/** GET …/donations — the donations, and the persons of the file the form offers as donor or beneficiary. */
export const donationListSchema = z.object({
  donations: z.array(donationSchema),
  persons: z.array(donationPersonSchema),
});
export type DonationList = z.infer<typeof donationListSchema>;
