import { z } from "zod";
import { clientFileKindSchema, personPatchSchema, personRoleSchema, personSchema } from "./clients.js";
import { documentSummarySchema } from "./documents.js";
import { accessLevels, granteeStatuses, grantFeatures, portalViews } from "./grants.js";
import {
  addressSchema,
  addressUpdateSchema,
  assetInputSchema,
  assetKinds,
  assetSchema,
  assetUpdateSchema,
  claimSchema,
  contractSchema,
  contractUpdateSchema,
  donationInputSchema,
  donationSchema,
  donationUpdateSchema,
  lineOfBusinessListSchema,
  moneyTotalSchema,
} from "./records.js";

// The client portal's API (PORTAL-2 … PORTAL-4, PORTAL-8, PORTAL-9): what a signed-in grantee, or a
// staff member previewing one (GRANT-8), reads and changes. Every answer holds only what the viewer's
// grants show; nothing internal (storage keys, external ids, staff notes) is part of these shapes.

/** The header a staff member sends to see the portal as one grantee of their firm (read-only). */
export const PREVIEW_HEADER = "x-atrium-preview";

/**
 * Contract statuses a client may change from the portal: contracts held elsewhere (foreign, partly
 * foreign). Mirrors `clientEditableContractStatuses` of the access engine (a test holds them equal).
 */
export const portalEditableContractStatuses = ["foreign", "partly_foreign"] as const;

// ---- route parameters ----

/** `:firmId` — every portal request is scoped to one firm (PORTAL-2). */
export const portalFirmParamsSchema = z.object({ firmId: z.uuid() });
/** `:firmId/files/:fileId`. */
export const portalFileParamsSchema = z.object({ firmId: z.uuid(), fileId: z.uuid() });
/** `:firmId/files/:fileId/<records>/:id`. */
export const portalRecordParamsSchema = portalFileParamsSchema.extend({ id: z.uuid() });

// ---- GET /api/portal/me ----

/** One grant through which the viewer reaches a file. */
export const portalGrantRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  access: z.enum(accessLevels),
  role: personRoleSchema,
  status: z.enum(granteeStatuses),
  expiresAt: z.string().nullable(),
  view: z.enum(portalViews),
  features: z.array(z.enum(grantFeatures)),
});
export type PortalGrantRef = z.infer<typeof portalGrantRefSchema>;

/** A client file the viewer reaches now. */
export const portalFileRefSchema = z.object({
  id: z.string(),
  kind: clientFileKindSchema,
  displayName: z.string(),
  number: z.string(),
  grants: z.array(portalGrantRefSchema),
});
export type PortalFileRef = z.infer<typeof portalFileRefSchema>;

/** A firm the viewer reaches files at, with its branding. */
export const portalFirmSchema = z.object({
  id: z.string(),
  name: z.string(),
  primaryColor: z.string(),
  accentColor: z.string(),
  /** GET this for the logo; null when the firm has none (show the name instead). */
  logoUrl: z.string().nullable(),
  files: z.array(portalFileRefSchema),
});
export type PortalFirm = z.infer<typeof portalFirmSchema>;

/** Who looks, and the firms and files they reach now (the firm and file switcher). */
export const portalMeSchema = z.object({
  viewer: z.object({
    kind: z.enum(["account", "preview"]),
    /** The account's name, or in a preview the previewed grantee's name. */
    name: z.string(),
    granteeId: z.string().nullable(),
  }),
  firms: z.array(portalFirmSchema),
});
export type PortalMe = z.infer<typeof portalMeSchema>;

// ---- records as the portal shows them ----

// Each portal record is the back office's shape without what only the firm needs (the file it sits in,
// external ids, timestamps), so a field added to a record is a decision here, not an accident.
const firmOnly = { clientFileId: true, createdAt: true, updatedAt: true } as const;
/** Whether the viewer may change this record (PORTAL-8: read_write, and the role allows the kind). */
const editable = { editable: z.boolean() };

/** A contract in the portal, with its line of business and seed-004 category. */
export const portalContractSchema = contractSchema.omit({ ...firmOnly, externalId: true }).extend({
  /** Whether the viewer may change it (PORTAL-8: only contracts held elsewhere, with read_write). */
  editable: z.boolean(),
});
export type PortalContract = z.infer<typeof portalContractSchema>;
export const portalContractListSchema = z.object({ contracts: z.array(portalContractSchema) });
export type PortalContractList = z.infer<typeof portalContractListSchema>;

/** An asset in the portal. */
export const portalAssetSchema = assetSchema.omit(firmOnly).extend(editable);
export type PortalAsset = z.infer<typeof portalAssetSchema>;
export const portalAssetListSchema = z.object({
  assets: z.array(portalAssetSchema),
  totals: z.array(moneyTotalSchema),
  /** Whether the viewer may add assets. */
  canCreate: z.boolean(),
});
export type PortalAssetList = z.infer<typeof portalAssetListSchema>;

/** A claim in the portal, with its contract. */
export const portalClaimSchema = claimSchema.omit(firmOnly);
export type PortalClaim = z.infer<typeof portalClaimSchema>;
export const portalClaimListSchema = z.object({ claims: z.array(portalClaimSchema) });
export type PortalClaimList = z.infer<typeof portalClaimListSchema>;

/** A reference address (risk location) in the portal, with the contracts that cover it. */
export const portalAddressSchema = addressSchema.omit(firmOnly).extend(editable);
export type PortalAddress = z.infer<typeof portalAddressSchema>;
export const portalAddressListSchema = z.object({ addresses: z.array(portalAddressSchema) });
export type PortalAddressList = z.infer<typeof portalAddressListSchema>;

/**
 * A person of the file in the portal. Others' email, phone and birth date are null unless the viewer
 * sees contact details (holders, co-holders, read_write grantees); the viewer's own entry is complete.
 */
export const portalPersonSchema = personSchema
  .pick({
    id: true,
    role: true,
    relationToHolder: true,
    advisorKind: true,
    organisation: true,
    firstName: true,
    lastName: true,
    email: true,
    phoneE164: true,
    birthDate: true,
  })
  .extend({
    /** This person is the viewer (or, in a preview, the previewed grantee). */
    isViewer: z.boolean(),
    /** False when email, phone and birth date are withheld from this viewer. */
    contactDetailsShown: z.boolean(),
    ...editable,
  });
export type PortalPerson = z.infer<typeof portalPersonSchema>;
export const portalPersonListSchema = z.object({ persons: z.array(portalPersonSchema) });
export type PortalPersonList = z.infer<typeof portalPersonListSchema>;

/** A donation in the portal. */
export const portalDonationSchema = donationSchema.omit(firmOnly).extend(editable);
export type PortalDonation = z.infer<typeof portalDonationSchema>;
export const portalDonationListSchema = z.object({
  donations: z.array(portalDonationSchema),
  canCreate: z.boolean(),
});
export type PortalDonationList = z.infer<typeof portalDonationListSchema>;

/** A shared document in the portal: what a client needs to find and open it, nothing about storage. */
export const portalDocumentSchema = documentSummarySchema
  .pick({
    id: true,
    title: true,
    category: true,
    documentDate: true,
    createdAt: true,
    fileName: true,
    contentType: true,
    sizeBytes: true,
    previewable: true,
    contractId: true,
    claimId: true,
  })
  .extend({
    version: z.number().int(),
    /** Not yet opened, downloaded or marked as read by the account in this version (the mailbox's "new"). */
    unread: z.boolean(),
  });
export type PortalDocument = z.infer<typeof portalDocumentSchema>;
export const portalDocumentListSchema = z.object({ documents: z.array(portalDocumentSchema) });
export type PortalDocumentList = z.infer<typeof portalDocumentListSchema>;

/** GET …/lines-of-business — the firm's active lines, to choose from when changing a contract. */
export const portalLineOfBusinessListSchema = lineOfBusinessListSchema;
export type PortalLineOfBusinessList = z.infer<typeof portalLineOfBusinessListSchema>;

/** GET …/documents/:id/download — inline=1 previews PDFs and images in the browser. */
export const portalDownloadQuerySchema = z.object({ inline: z.enum(["1", "0", "true", "false"]).optional() });

// ---- overview (PORTAL-3) ----

/** One line of the private view's "current cover": contracts grouped by risk (or product name). */
export const coverGroupSchema = z.object({
  label: z.string(),
  contracts: z.number().int(),
  /** Premiums per year, per currency (one-off premiums are not included). */
  annualPremiums: z.array(moneyTotalSchema),
});
export type CoverGroup = z.infer<typeof coverGroupSchema>;

/** The lists of a file the portal shows, in the order its navigation shows them (PORTAL-4). */
export const portalLists = [
  "contracts",
  "assets",
  "claims",
  "addresses",
  "persons",
  "donations",
  "documents",
] as const;
export type PortalList = (typeof portalLists)[number];

/** One value per list of the file. */
function perList<T extends z.ZodType>(value: T) {
  return z.object(Object.fromEntries(portalLists.map((list) => [list, value])) as Record<PortalList, T>);
}

/** One entry of the overview's "what is new": an unread document, or a contract or claim changed lately. */
export const portalNewsItemSchema = z.object({
  kind: z.enum(["document", "contract", "claim"]),
  id: z.string(),
  title: z.string(),
  /** A document's category, a contract's insurer, a claim's contract insurer. */
  detail: z.string().nullable(),
  /** When it arrived or changed (a document's newest version counts). */
  at: z.string(),
});
export type PortalNewsItem = z.infer<typeof portalNewsItemSchema>;

/** How many days back the overview's "what is new" shows changed contracts and claims. */
export const portalNewsDays = 30;

/** The file's overview in the presentation its grants choose (GRANT-5). */
export const portalOverviewSchema = z.object({
  file: z.object({ id: z.string(), kind: clientFileKindSchema, displayName: z.string(), number: z.string() }),
  view: z.enum(portalViews),
  showProductName: z.boolean(),
  /** The firm's case handler for this file, when the grant shows them to the client. */
  caseHandler: z.object({ name: z.string() }).nullable(),
  access: z.object({
    level: z.enum(accessLevels),
    preview: z.boolean(),
    /** Whether the viewer may give family members access from the portal (PORTAL-9). */
    canManageFamily: z.boolean(),
    /**
     * Per list: whether the viewer may change records of it here — shared, and allowed by a grant for
     * their access and role (PORTAL-8); each record's `editable` says which ones. None in a preview.
     */
    mayChange: perList(z.boolean()),
    /** Whether the viewer may add assets or donations here (shared, and allowed to change them). */
    mayCreate: z.object({ assets: z.boolean(), donations: z.boolean() }),
  }),
  features: z.array(z.enum(grantFeatures)),
  /** How many records of each list the viewer sees. */
  counts: perList(z.number().int()),
  /**
   * Which lists the viewer's grants share on this file (GRANT-3), whether or not they hold anything
   * yet: the portal shows exactly these sections.
   */
  shared: perList(z.boolean()),
  /** Private view: current cover (contracts in force) grouped by risk or product. */
  cover: z.array(coverGroupSchema),
  /** Asset values summed per kind and currency. */
  assetTotals: z.array(z.object({ kind: z.enum(assetKinds), currency: z.string(), value: z.string() })),
  /** Business view: the detailed tables; null in the private view. */
  tables: z
    .object({ contracts: z.array(portalContractSchema), assets: z.array(portalAssetSchema) })
    .nullable(),
  /** How many shared documents the account has not opened yet (the mailbox's count, PORTAL-4). */
  unreadDocuments: z.number().int(),
  /**
   * What is new, newest first: unread documents, and contracts and claims changed in the last
   * `portalNewsDays` days; empty when the file shares neither.
   */
  news: z.array(portalNewsItemSchema),
});
export type PortalOverview = z.infer<typeof portalOverviewSchema>;

// ---- writes (PORTAL-8) ----

/** POST …/assets. */
export const portalAssetInputSchema = assetInputSchema;
/** PATCH …/assets/:id. */
export const portalAssetUpdateSchema = assetUpdateSchema;
/** POST …/donations. */
export const portalDonationInputSchema = donationInputSchema;
/** PATCH …/donations/:id. */
export const portalDonationUpdateSchema = donationUpdateSchema;
/** PATCH …/persons/:id — a person's contact details; null clears. */
export const portalPersonPatchSchema = personPatchSchema.pick({
  email: true,
  phone: true,
  phoneCountry: true,
});
export type PortalPersonPatch = z.infer<typeof portalPersonPatchSchema>;
/** PATCH …/addresses/:id — the address itself; which contracts cover it stays the firm's to say. */
export const portalAddressPatchSchema = addressUpdateSchema.omit({ contractIds: true });
export type PortalAddressPatch = z.infer<typeof portalAddressPatchSchema>;
/**
 * PATCH …/contracts/:id — a contract held elsewhere; the status may move only between foreign and
 * partly foreign, and the dates that decide a contract's category stay the firm's.
 */
export const portalContractPatchSchema = contractUpdateSchema
  .pick({
    number: true,
    insurer: true,
    productName: true,
    risk: true,
    lineOfBusinessId: true,
    startDate: true,
    endDate: true,
    premium: true,
    premiumFrequency: true,
    currency: true,
  })
  .extend({ status: z.enum(portalEditableContractStatuses).optional() });
export type PortalContractPatch = z.infer<typeof portalContractPatchSchema>;

// ---- family access (PORTAL-9) ----

/** A level a holder can give from the portal; `none` takes back access they gave. */
export const familyAccessLevels = ["none", ...accessLevels] as const;
export type FamilyAccessLevel = (typeof familyAccessLevels)[number];

/** One family member of the file and the access the holder's grant gives them. */
export const familyMemberSchema = z.object({
  personId: z.string(),
  name: z.string(),
  role: personRoleSchema,
  email: z.string().nullable(),
  access: z.enum(familyAccessLevels),
  status: z.enum(granteeStatuses).nullable(),
  grantedByPortal: z.boolean(),
  /** False when the firm gave this access (or locked it): only the firm changes it. */
  changeable: z.boolean(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

/** GET …/family-access. */
export const familyAccessSchema = z.object({
  /** The highest level the viewer may give (their own). */
  maxLevel: z.enum(accessLevels),
  members: z.array(familyMemberSchema),
});
export type FamilyAccess = z.infer<typeof familyAccessSchema>;

/** PUT …/family-access — give one family member access, change it, or take it back (`none`). */
export const familyAccessInputSchema = z.strictObject({
  personId: z.uuid(),
  access: z.enum(familyAccessLevels),
});
export type FamilyAccessInput = z.infer<typeof familyAccessInputSchema>;
