import { z } from "zod";
import { personRoles } from "./clients.js";
import { contractCategories } from "./records.js";

// Grants (GRANT-1 … GRANT-10): what a firm shares with whom through the portal.

/** A grantee's level: `read` changes nothing; `read_write` changes what the person's role allows. */
export const accessLevels = ["read", "read_write"] as const;
export type AccessLevel = (typeof accessLevels)[number];

/** A grantee's stored status; `expired` is derived from the expiry date and never stored. */
export const storedGranteeStatuses = ["pending", "active", "locked", "revoked"] as const;
export type StoredGranteeStatus = (typeof storedGranteeStatuses)[number];
export const granteeStatuses = [...storedGranteeStatuses, "expired"] as const;
export type GranteeStatus = (typeof granteeStatuses)[number];

/** How a grant picks contracts: by the seed-004 categories (automatic) or a manual list. */
export const contractModes = ["categories", "manual"] as const;
export type ContractMode = (typeof contractModes)[number];

/** Features a grant may switch on (GRANT-4). */
export const grantFeatures = [
  "messages",
  "claim_reporting",
  "claim_reporting_without_contract",
  "contract_capture",
  "quote_requests",
  "document_confirmations",
  "client_uploads",
] as const;
export type GrantFeature = (typeof grantFeatures)[number];

/** Private view (cover by risk, totals) or business view (detailed tables), GRANT-5. */
export const portalViews = ["private", "business"] as const;
export type PortalView = (typeof portalViews)[number];

/** The kinds of records a grant can share and the portal can show. */
export const recordKinds = [
  "person",
  "asset",
  "contract",
  "claim",
  "address",
  "donation",
  "document",
] as const;
export type RecordKind = (typeof recordKinds)[number];

const uuidList = z.array(z.uuid()).max(500);

/** What a grant shares and how the portal presents it: the part grants and profiles have in common. */
export const grantSettingsSchema = z.object({
  shareAssets: z.boolean(),
  shareDonations: z.boolean(),
  sharePersons: z.boolean(),
  shareClaims: z.boolean(),
  shareAddresses: z.boolean(),
  contractMode: z.enum(contractModes),
  /** With `categories`: which seed-004 categories are shared. */
  contractCategories: z.array(z.enum(contractCategories)).max(contractCategories.length),
  /** With `categories`: only these lines of business; empty means all lines. */
  lineOfBusinessIds: uuidList,
  /** Shared documents only of these categories; empty means every category. */
  documentCategoryIds: uuidList,
  features: z.array(z.enum(grantFeatures)).max(grantFeatures.length),
  view: z.enum(portalViews),
  showProductName: z.boolean(),
  caseHandlerId: z.string().min(1).max(100).nullable(),
  showCaseHandler: z.boolean(),
  /** Case-creating features (messages, claims, captures, quotes, uploads) only for primary contacts. */
  casesPrimaryContactsOnly: z.boolean(),
});
export type GrantSettings = z.infer<typeof grantSettingsSchema>;

/** The settings a grant starts with when no profile is chosen. */
export const defaultGrantSettings: GrantSettings = {
  shareAssets: true,
  shareDonations: false,
  sharePersons: true,
  shareClaims: false,
  shareAddresses: false,
  contractMode: "categories",
  contractCategories: ["own", "application", "policy"],
  lineOfBusinessIds: [],
  documentCategoryIds: [],
  features: [],
  view: "private",
  showProductName: false,
  caseHandlerId: null,
  showCaseHandler: true,
  casesPrimaryContactsOnly: false,
};

// ---------------------------------------------------------------------------------------------------
// The back-office API of grants (GRANT-1 … GRANT-10): request and response shapes.

const name = z.string().trim().min(1).max(200);
/** Trimmed and lower-cased before it is checked, so " Klara@Example.DE " becomes klara@example.de. */
const email = z.string().trim().toLowerCase().max(320).pipe(z.email());
const instant = z.iso.datetime({ offset: true });

/** A change to some settings: only the fields sent change, the rest keep their value. */
export const grantSettingsPatchSchema = grantSettingsSchema.partial().strict();
export type GrantSettingsPatch = z.infer<typeof grantSettingsPatchSchema>;

/** The path parameter of a grant or a grant profile. */
export const grantIdParamsSchema = z.object({ id: z.uuid() });
/** The path parameters of one grantee of a grant. */
export const granteeParamsSchema = z.object({ id: z.uuid(), granteeId: z.uuid() });

/** A grant profile (GRANT-10): a template new grants start from. `key` marks the firm's starting ones. */
export const grantProfileSchema = z.object({
  id: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  /** The starting profiles can be changed but not deleted (they would come back). */
  isDefault: z.boolean(),
  defaultAccess: z.enum(accessLevels),
  settings: grantSettingsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GrantProfile = z.infer<typeof grantProfileSchema>;
export const grantProfileListSchema = z.object({ items: z.array(grantProfileSchema) });
export type GrantProfileList = z.infer<typeof grantProfileListSchema>;

/** POST /api/grant-profiles — settings are a change over the defaults. */
export const createGrantProfileSchema = z.strictObject({
  name,
  defaultAccess: z.enum(accessLevels).optional(),
  settings: grantSettingsPatchSchema.optional(),
});
export type CreateGrantProfile = z.infer<typeof createGrantProfileSchema>;

/** PATCH /api/grant-profiles/:id — settings are a change over the profile's current ones. */
export const updateGrantProfileSchema = createGrantProfileSchema.partial().strict();
export type UpdateGrantProfile = z.infer<typeof updateGrantProfileSchema>;

/** A client file a grant bundles. */
export const grantFileSchema = z.object({
  id: z.string(),
  number: z.string(),
  displayName: z.string(),
  kind: z.enum(["private", "business"]),
});
export type GrantFile = z.infer<typeof grantFileSchema>;

/** How many grantees a grant has, by their status right now. */
export const granteeCountsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  active: z.number().int(),
  locked: z.number().int(),
  revoked: z.number().int(),
  expired: z.number().int(),
});
export type GranteeCounts = z.infer<typeof granteeCountsSchema>;

/** A grant in a list. */
export const grantSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  files: z.array(grantFileSchema),
  granteeCounts: granteeCountsSchema,
  /** The access a new grantee gets unless another is chosen (from the profile the grant started from). */
  defaultAccess: z.enum(accessLevels),
  contractMode: z.enum(contractModes),
  view: z.enum(portalViews),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GrantSummary = z.infer<typeof grantSummarySchema>;
export const grantListSchema = z.object({ items: z.array(grantSummarySchema) });
export type GrantList = z.infer<typeof grantListSchema>;

/** GET /api/grants — all grants the staff member can see, or those bundling one file. */
export const grantListQuerySchema = z.object({ clientFileId: z.uuid().optional() });

/** POST /api/grants — settings are a change over the profile's (or the defaults without a profile). */
export const createGrantSchema = z.strictObject({
  name,
  profileId: z.uuid().optional(),
  /** Overrides the profile's default access for new grantees. */
  defaultAccess: z.enum(accessLevels).optional(),
  fileIds: z.array(z.uuid()).min(1).max(50),
  settings: grantSettingsPatchSchema.optional(),
  manualContractIds: uuidList.optional(),
});
export type CreateGrant = z.infer<typeof createGrantSchema>;

/** PATCH /api/grants/:id — rename and change settings (only the fields sent). */
export const updateGrantSchema = z.strictObject({
  name: name.optional(),
  defaultAccess: z.enum(accessLevels).optional(),
  settings: grantSettingsPatchSchema.optional(),
});
export type UpdateGrant = z.infer<typeof updateGrantSchema>;

/** PUT /api/grants/:id/files — the files the grant bundles from now on. */
export const setGrantFilesSchema = z.strictObject({ fileIds: z.array(z.uuid()).min(1).max(50) });
/** PUT /api/grants/:id/contracts — the manual contract list (contracts of bundled files). */
export const setGrantContractsSchema = z.strictObject({ contractIds: uuidList });

/** A contract on a grant's manual list. */
export const manualContractSchema = z.object({
  id: z.string(),
  clientFileId: z.string(),
  number: z.string().nullable(),
  insurer: z.string(),
  lineOfBusinessId: z.string().nullable(),
  category: z.enum(contractCategories),
});

/** A grantee (GRANT-2) with the status in effect now (`expired` derived from the expiry date). */
export const granteeSchema = z.object({
  id: z.string(),
  grantId: z.string(),
  grantName: z.string(),
  /** Null for an outside person known by email. */
  personId: z.string().nullable(),
  /** The file of the person; null for an outside person. */
  clientFileId: z.string().nullable(),
  /** That file's name and number; null for an outside person or a file the staff member may not open. */
  clientFileName: z.string().nullable(),
  clientFileNumber: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  /** The person's role on the file; outside persons act as external advisors. */
  role: z.enum(personRoles),
  access: z.enum(accessLevels),
  isPrimaryContact: z.boolean(),
  expiresAt: z.string().nullable(),
  status: z.enum(granteeStatuses),
  storedStatus: z.enum(storedGranteeStatuses),
  hasAccount: z.boolean(),
  grantedByPortal: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Grantee = z.infer<typeof granteeSchema>;

/**
 * Whether the staff member asking may manage access (on a file, or on every file of a grant) under the
 * firm policy, and add external advisors; the UI shows what they may not do read-only, with `message`.
 */
export const accessManagementSchema = z.object({
  allowed: z.boolean(),
  /** The message key saying why not, translated in `message`. */
  reason: z.string().nullable(),
  message: z.string().nullable(),
  mayAddExternalAdvisors: z.boolean(),
});
export type AccessManagement = z.infer<typeof accessManagementSchema>;

/** GET /api/grants/:id — a grant with everything the grant editor shows. */
export const grantDetailSchema = grantSummarySchema.extend({
  /** The profile the grant started from; null without one or once it was deleted. */
  profile: z.object({ id: z.string(), name: z.string() }).nullable(),
  management: accessManagementSchema,
  settings: grantSettingsSchema,
  manualContracts: z.array(manualContractSchema),
  grantees: z.array(granteeSchema),
});
export type GrantDetail = z.infer<typeof grantDetailSchema>;

/**
 * POST /api/grants/:id/grantees — a person of a bundled file (`personId`) or an outside person
 * (`email` and `name`, treated as an external advisor). `expiresAt` must lie in the future.
 */
export const addGranteeSchema = z.strictObject({
  personId: z.uuid().optional(),
  email: email.optional(),
  name: name.optional(),
  access: z.enum(accessLevels).optional(),
  isPrimaryContact: z.boolean().optional(),
  expiresAt: instant.nullable().optional(),
});
export type AddGrantee = z.infer<typeof addGranteeSchema>;

/** PATCH /api/grants/:id/grantees/:granteeId — access, primary contact, expiry (null: no expiry). */
export const updateGranteeSchema = z.strictObject({
  access: z.enum(accessLevels).optional(),
  isPrimaryContact: z.boolean().optional(),
  expiresAt: instant.nullable().optional(),
});
export type UpdateGrantee = z.infer<typeof updateGranteeSchema>;

/** A grant touching a file, for the Access tab. */
export const fileAccessGrantSchema = grantSummarySchema.extend({
  /** False when it also bundles a file the staff member may not open (GET then answers 404). */
  canOpen: z.boolean(),
  /** Whether they may change the grant and its grantees (the firm policy on every bundled file). */
  mayManage: z.boolean(),
  /** Why not (translated) when another bundled file's policy forbids it; else null (see `management`). */
  manageMessage: z.string().nullable(),
  /** Bundled files left out of `files` because the staff member may not open them. */
  hiddenFileCount: z.number().int(),
});
export type FileAccessGrant = z.infer<typeof fileAccessGrantSchema>;

/** A person of the file with their entries in grants touching it. */
export const fileAccessPersonSchema = z.object({
  id: z.string(),
  role: granteeSchema.shape.role,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  relationToHolder: z.string().nullable(),
  advisorKind: z.string().nullable(),
  organisation: z.string().nullable(),
  grantees: z.array(granteeSchema),
});

/** GET /api/client-files/:id/access — the Access tab: who reaches this file, through which grants. */
export const fileAccessSchema = z.object({
  clientFileId: z.string(),
  /** The family tree (household) or the contacts (company). */
  persons: z.array(fileAccessPersonSchema),
  /** External advisors recorded on the file. */
  externalAdvisors: z.array(fileAccessPersonSchema),
  /** Outside persons (by email) in grants touching this file. */
  outsiders: z.array(granteeSchema),
  /** Persons of other files who reach this file through a grant bundling both. */
  fromOtherFiles: z.array(granteeSchema),
  grants: z.array(fileAccessGrantSchema),
  management: accessManagementSchema,
});
export type FileAccessView = z.infer<typeof fileAccessSchema>;

/** The rules explain can report: the grantee's status first, then the sharing rules checked. */
export const explainRules = [
  "grantee_status",
  "file_in_grant",
  "kind_shared",
  "contract_category",
  "contract_line",
  "contract_manual_list",
  "document_share_flag",
  "document_category",
  "tied_contract",
  "tied_claim",
] as const;
export type ExplainRule = (typeof explainRules)[number];

/** GET /api/grantees/:id/explain — which record is asked about. */
export const explainQuerySchema = z.object({ kind: z.enum(recordKinds), recordId: z.uuid() });
export type ExplainQuery = z.infer<typeof explainQuerySchema>;

/** A record named for people (explain, impact lists). */
export const recordRefSchema = z.object({
  kind: z.enum(recordKinds),
  id: z.string(),
  clientFileId: z.string(),
  label: z.string(),
});
export type RecordRef = z.infer<typeof recordRefSchema>;

/**
 * The answer of explain (GRANT-9): visible or not, and why; the first failed step is the reason. Step
 * `params` carry ids and labels: `status`; `fileId`, `fileName`, `fileNumber`, `grantName`; `kind`;
 * `category`; `lineOfBusinessId`, `lineCode`, `lineName`; `categoryId`, `categoryName`; `contractId`,
 * `contractInsurer`, `contractNumber`, `contractLineCode`; `claimId`, `claimDate`, `claimDescription`.
 */
export const explainSchema = z.object({
  visible: z.boolean(),
  /** Whether the grant's rules show the record, whatever the grantee's status. */
  sharedByGrant: z.boolean(),
  status: z.enum(granteeStatuses),
  grant: z.object({ id: z.string(), name: z.string() }),
  grantee: z.object({ id: z.string(), name: z.string() }),
  /** The record asked about, named (a document by its title, a contract by insurer and number). */
  record: recordRefSchema,
  steps: z.array(
    z.object({ rule: z.enum(explainRules), passed: z.boolean(), params: z.record(z.string(), z.string()) }),
  ),
  /** The rule that hides the record; null when visible. */
  reason: z.enum(explainRules).nullable(),
});
export type Explain = z.infer<typeof explainSchema>;

/** POST /api/grants/:id/impact — an unsaved change of the grant (any part may be left out). */
export const impactRequestSchema = z.strictObject({
  settings: grantSettingsPatchSchema.optional(),
  fileIds: z.array(z.uuid()).min(1).max(50).optional(),
  manualContractIds: uuidList.optional(),
});
export type ImpactRequest = z.infer<typeof impactRequestSchema>;

/** What each grantee would gain and lose with the change (records other grants still show are not lost). */
export const impactSchema = z.object({
  grantees: z.array(
    z.object({
      granteeId: z.string(),
      name: z.string(),
      status: z.enum(granteeStatuses),
      gains: z.array(recordRefSchema),
      losses: z.array(recordRefSchema),
    }),
  ),
});
export type Impact = z.infer<typeof impactSchema>;

/** POST /api/grantees/:id/preview — where the staff member opens the portal as this grantee. */
export const previewSchema = z.object({ granteeId: z.string(), url: z.string() });
