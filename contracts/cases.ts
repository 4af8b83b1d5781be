import { z } from "zod";
import { currencySchema, moneyInputSchema, premiumFrequencies } from "./records.js";

// Cases (CASE-1, PORTAL-6, PORTAL-7): what clients send the firm through the portal — messages, claim
// reports, contract captures, quote requests, uploads — and the firm's inbox that answers them.
//
// Writes that may carry files (creating a case, replying) accept either `application/json` with the
// body below, or `multipart/form-data` with one text part `data` holding that same body as JSON and up
// to `caseAttachmentLimits.files` parts named `files`. Field errors name the body's path
// (`details.dateOfLoss`, `body`, …) or `files` for a refused file.

/** What a client's case is about; each kind is created by one portal feature (`caseKindFeature`). */
export const caseKinds = ["message", "claim_report", "contract_capture", "quote_request", "upload"] as const;
export type CaseKind = (typeof caseKinds)[number];

/**
 * Every kind the firm's inbox holds: the clients' kinds and `confirmation`, a confirmation request
 * (PORTAL-5) the firm waits on. A confirmation case is opened by the request itself, never through the
 * portal, and the portal's case list does not show it (the portal shows the request as a banner).
 */
export const inboxCaseKinds = [...caseKinds, "confirmation"] as const;
export type InboxCaseKind = (typeof inboxCaseKinds)[number];

/** The grant feature (contracts/grants.ts) that lets a viewer create a case of each kind. */
export const caseKindFeature = {
  message: "messages",
  claim_report: "claim_reporting",
  contract_capture: "contract_capture",
  quote_request: "quote_requests",
  upload: "client_uploads",
} as const satisfies Record<CaseKind, string>;

/** open: the firm has to act; waiting_for_client: the firm answered and waits; done: closed. */
export const caseStatuses = ["open", "waiting_for_client", "done"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Limits of attachments, for the picker and the hint when a file is refused (SEC-15). */
export const caseAttachmentLimits = { files: 10, bytesPerFile: 20 * 1024 * 1024 } as const;
/** What an attachment may be: PDF, photos, office documents; for the picker's `accept`. */
export const acceptedCaseAttachmentTypes =
  ".pdf,.png,.jpg,.jpeg,.webp,.gif,.tif,.tiff,.heic,.heif,.docx,.xlsx,.odt,.ods,.doc,.xls,.txt,.csv";

const noNul = (value: string) => !value.includes("\u0000");
const requiredText = (max: number) => z.string().trim().min(1).max(max).refine(noNul);
const optionalText = (max: number) => z.string().trim().max(max).refine(noNul).nullish();
const isoDate = z.iso
  .date()
  .refine((value) => !value.startsWith("0000"))
  .describe("A calendar date, YYYY-MM-DD");

// ---- details per kind (stored with the case, checked again on the server) ----

/** A claim report: when, where, what happened, an estimate, and the contract (or none, per grant). */
export const claimReportDetailsInputSchema = z.strictObject({
  /** A contract the viewer sees in the portal; null reports the claim without a contract. */
  contractId: z.uuid().nullable(),
  /** Not in the future. */
  dateOfLoss: isoDate,
  place: optionalText(300),
  whatHappened: requiredText(5000),
  estimatedAmount: moneyInputSchema.nullish(),
  currency: currencySchema.optional(),
});
/** A contract held elsewhere, as the client knows it; a photo or PDF of the policy goes as a file. */
export const contractCaptureDetailsInputSchema = z.strictObject({
  insurer: requiredText(200),
  productName: optionalText(200),
  policyNumber: optionalText(100),
  /** What it insures, in the client's words (e.g. "Hausrat", "car"). */
  risk: optionalText(500),
  premium: moneyInputSchema.nullish(),
  premiumFrequency: z.enum(premiumFrequencies).nullish(),
  currency: currencySchema.optional(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
});
/** A request for a quote: what is to be insured and what the client wants. */
export const quoteRequestDetailsInputSchema = z.strictObject({
  /** The line or risk, in the client's words (e.g. "Wohngebäude", "liability for my company"). */
  risk: requiredText(300),
  wanted: requiredText(5000),
  desiredStartDate: isoDate.nullish(),
});

/** Details as presented (amounts as strings with 2 decimals, absent optional fields as null). */
export const claimReportDetailsSchema = z.object({
  contractId: z.string().nullable(),
  dateOfLoss: z.string(),
  place: z.string().nullable(),
  whatHappened: z.string(),
  estimatedAmount: z.string().nullable(),
  currency: z.string(),
});
export type ClaimReportDetails = z.infer<typeof claimReportDetailsSchema>;
export const contractCaptureDetailsSchema = z.object({
  insurer: z.string(),
  productName: z.string().nullable(),
  policyNumber: z.string().nullable(),
  risk: z.string().nullable(),
  premium: z.string().nullable(),
  premiumFrequency: z.enum(premiumFrequencies).nullable(),
  currency: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type ContractCaptureDetails = z.infer<typeof contractCaptureDetailsSchema>;
export const quoteRequestDetailsSchema = z.object({
  risk: z.string(),
  wanted: z.string(),
  desiredStartDate: z.string().nullable(),
});
export type QuoteRequestDetails = z.infer<typeof quoteRequestDetailsSchema>;

/**
 * A confirmation case's request: the document, version and person asked. Its status and certificate
 * are the request's own (GET …/documents/:documentId/confirmations).
 */
export const confirmationCaseDetailsSchema = z.object({
  requestId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  version: z.number().int(),
  name: z.string(),
});
export type ConfirmationCaseDetails = z.infer<typeof confirmationCaseDetailsSchema>;

/** The details of a case by its kind; messages and uploads have none. */
export const caseDetailsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("message") }),
  z.object({ kind: z.literal("confirmation"), confirmation: confirmationCaseDetailsSchema }),
  z.object({ kind: z.literal("upload") }),
  z.object({ kind: z.literal("claim_report"), claim: claimReportDetailsSchema }),
  z.object({ kind: z.literal("contract_capture"), contract: contractCaptureDetailsSchema }),
  z.object({ kind: z.literal("quote_request"), quote: quoteRequestDetailsSchema }),
]);
export type CaseDetails = z.infer<typeof caseDetailsSchema>;

// ---- presented pieces ----

/** A file attached to a message; download it from the case's attachment route. */
export const caseAttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** Whether the browser can show it inline (PDF and common images). */
  previewable: z.boolean(),
});
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;

/** One message of a case's thread; the author's name is kept even after their account is deleted. */
export const caseMessageSchema = z.object({
  id: z.string(),
  authorKind: z.enum(["staff", "client"]),
  authorName: z.string(),
  /** Whether the viewer wrote it (portal: the viewer's person; back office: the staff member). */
  own: z.boolean(),
  body: z.string(),
  attachments: z.array(caseAttachmentSchema),
  createdAt: z.string(),
});
export type CaseMessage = z.infer<typeof caseMessageSchema>;

/** The contract a case concerns, as far as the viewer may see it. */
export const caseContractRefSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  insurer: z.string(),
});

// ---- portal (/api/portal/firms/:firmId/files/:fileId/cases…) ----

/** `:firmId/files/:fileId/cases/:caseId`. */
export const portalCaseParamsSchema = z.object({ firmId: z.uuid(), fileId: z.uuid(), caseId: z.uuid() });
/** `:firmId/files/:fileId/cases/:caseId/attachments/:attachmentId`. */
export const portalCaseAttachmentParamsSchema = portalCaseParamsSchema.extend({ attachmentId: z.uuid() });

/** What the viewer may do with cases on this file now (grant features, primary contact, preview). */
export const portalCaseAbilitiesSchema = z.object({
  /**
   * The kinds the viewer may create now: enabled by a grant where they are `read_write` (and primary
   * contact when the grant asks for it). Empty for `read` grantees and in a preview, which never write.
   */
  create: z.array(z.enum(caseKinds)),
  /** Whether a claim may be reported without naming a contract. */
  claimWithoutContract: z.boolean(),
  /** Whether the viewer writes in threads at all (`read_write`, not a preview); each case has canReply. */
  reply: z.boolean(),
});
export type PortalCaseAbilities = z.infer<typeof portalCaseAbilitiesSchema>;

/** A case in the portal's list. */
export const portalCaseSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(caseKinds),
  subject: z.string(),
  status: z.enum(caseStatuses),
  /** The firm's case handler, when the grant shows them (else null). */
  handlerName: z.string().nullable(),
  createdByName: z.string(),
  contract: caseContractRefSchema.nullable(),
  /** The firm wrote something the viewer has not opened yet. */
  unread: z.boolean(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
});
export type PortalCaseSummary = z.infer<typeof portalCaseSummarySchema>;

/** GET …/cases — the file's cases the viewer sees, latest activity first, and what they may do. */
export const portalCaseListSchema = z.object({
  items: z.array(portalCaseSummarySchema),
  abilities: portalCaseAbilitiesSchema,
});
export type PortalCaseList = z.infer<typeof portalCaseListSchema>;

/** GET …/cases/:caseId — one case with its details and thread (opening it marks it read). */
export const portalCaseDetailSchema = portalCaseSummarySchema.extend({
  details: caseDetailsSchema,
  messages: z.array(caseMessageSchema),
  /** Whether the viewer may answer in this thread now. */
  canReply: z.boolean(),
});
export type PortalCaseDetail = z.infer<typeof portalCaseDetailSchema>;

const subject = requiredText(200);
const messageBody = requiredText(10_000);

/**
 * POST …/cases — a new case (JSON, or multipart with `data` + `files`). `subject` may be left out
 * except for a message (the firm's inbox then shows a subject made from the kind and its details).
 * Uploads need at least one file.
 */
export const createPortalCaseSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("message"), subject, message: messageBody }),
  z.strictObject({
    kind: z.literal("claim_report"),
    subject: subject.optional(),
    message: messageBody.optional(),
    details: claimReportDetailsInputSchema,
  }),
  z.strictObject({
    kind: z.literal("contract_capture"),
    subject: subject.optional(),
    message: messageBody.optional(),
    details: contractCaptureDetailsInputSchema,
  }),
  z.strictObject({
    kind: z.literal("quote_request"),
    subject: subject.optional(),
    message: messageBody.optional(),
    details: quoteRequestDetailsInputSchema,
  }),
  z.strictObject({ kind: z.literal("upload"), subject: subject.optional(), message: messageBody.optional() }),
]);
export type CreatePortalCase = z.infer<typeof createPortalCaseSchema>;

/** POST …/cases/:caseId/messages — the viewer's answer (JSON, or multipart with `data` + `files`). */
export const portalCaseReplySchema = z.strictObject({ body: messageBody });
export type PortalCaseReply = z.infer<typeof portalCaseReplySchema>;

/** GET …/attachments/:attachmentId query: `inline=1` to show it in the browser (previewable types). */
export const caseAttachmentDownloadQuerySchema = z.object({
  inline: z.enum(["1", "0", "true", "false"]).optional(),
});

// ---- back office (/api/cases…) ----

/** `:id` of a case, and of an attachment of it. */
export const caseIdParamsSchema = z.object({ id: z.uuid() });
export const caseAttachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });

/** GET /api/cases — filters of the inbox; `assignee` is `me`, `unassigned`, `all` or a staff user id. */
export const caseInboxQuerySchema = z.object({
  status: z.enum(caseStatuses).optional(),
  kind: z.enum(inboxCaseKinds).optional(),
  assignee: z.string().trim().min(1).max(100).optional(),
  clientFileId: z.uuid().optional(),
  /** Words of the subject (or the file's name or number). */
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type CaseInboxQuery = z.infer<typeof caseInboxQuerySchema>;

/** A staff member a case is assigned to. */
export const caseAssigneeSchema = z.object({ id: z.string(), name: z.string() });

/** A case in the firm's inbox. */
export const caseSummarySchema = z.object({
  id: z.string(),
  clientFile: z.object({ id: z.string(), number: z.string(), displayName: z.string() }),
  kind: z.enum(inboxCaseKinds),
  subject: z.string(),
  status: z.enum(caseStatuses),
  /** Null: unassigned, visible to the firm's admins. */
  assignee: caseAssigneeSchema.nullable(),
  /** The person who opened it (their name as it was, even after their account was deleted). */
  createdByName: z.string(),
  contract: caseContractRefSchema.nullable(),
  grant: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The client wrote something no staff member has opened yet. */
  unread: z.boolean(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** How many cases match the filters (all but `status`), by status. */
export const caseStatusCountsSchema = z.object({
  open: z.number().int(),
  waiting_for_client: z.number().int(),
  done: z.number().int(),
});
export type CaseStatusCounts = z.infer<typeof caseStatusCountsSchema>;

/** GET /api/cases — one page, latest activity first, the next page's cursor (null on the last). */
export const caseInboxSchema = z.object({
  items: z.array(caseSummarySchema),
  nextCursor: z.string().nullable(),
  counts: caseStatusCountsSchema,
});
export type CaseInbox = z.infer<typeof caseInboxSchema>;

/** GET /api/cases/:id — one case with details and thread (opening it marks it read for staff). */
export const caseDetailSchema = caseSummarySchema.extend({
  details: caseDetailsSchema,
  messages: z.array(caseMessageSchema),
  /**
   * Whether a reply reaches the person who opened the case in the portal: false once their account is
   * deleted or they no longer reach the file, and for a confirmation case (its thread stays in the
   * firm). Replies are still kept in the file.
   */
  clientReachable: z.boolean(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/**
 * POST /api/cases/:id/messages — a reply the client sees (JSON, or multipart with `data` + `files`).
 * The case becomes `waiting_for_client` unless another status is given.
 */
export const staffCaseReplySchema = z.strictObject({
  body: messageBody,
  status: z.enum(caseStatuses).optional(),
});
export type StaffCaseReply = z.infer<typeof staffCaseReplySchema>;

/** PATCH /api/cases/:id — change the status and/or the assignee (null: unassigned, for the admins). */
export const updateCaseSchema = z.strictObject({
  status: z.enum(caseStatuses).optional(),
  assigneeUserId: z.string().trim().min(1).max(100).nullable().optional(),
});
export type UpdateCase = z.infer<typeof updateCaseSchema>;
