import { z } from "zod";
import { languageSchema } from "./common.js";
import { salutationSchema } from "./invitations.js";
import { mailProblems } from "./mail.js";

/**
 * Where a confirmation request stands (PORTAL-5): `open` until the grantee confirms (`confirmed`);
 * `superseded` once a new version of the document is uploaded (the new version needs a new request);
 * `cancelled` by staff.
 */
export const confirmationStatuses = ["open", "confirmed", "superseded", "cancelled"] as const;
export type ConfirmationStatus = (typeof confirmationStatuses)[number];

/** The evidence of a confirmation: who, when, which version with which SHA-256, from where. */
export const confirmationEvidenceSchema = z.object({
  confirmedAt: z.string(),
  accountId: z.string(),
  accountEmail: z.string(),
  personId: z.string().nullable(),
  name: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  version: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type ConfirmationEvidence = z.infer<typeof confirmationEvidenceSchema>;

/** One request as the back office sees it, with its last mail and, once confirmed, the evidence. */
export const confirmationRequestSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  version: z.number().int(),
  sha256: z.string(),
  status: z.enum(confirmationStatuses),
  granteeId: z.string(),
  name: z.string(),
  email: z.string(),
  language: languageSchema,
  requestedAt: z.string(),
  requestedByName: z.string(),
  remindersSent: z.number().int(),
  nextReminderAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelledByName: z.string().nullable(),
  supersededAt: z.string().nullable(),
  supersededByVersion: z.number().int().nullable(),
  lastMail: z
    .object({
      status: z.enum(["queued", "deferred", "sent", "failed", "bounced"]),
      problem: z.enum(mailProblems).nullable(),
    })
    .nullable(),
  evidence: confirmationEvidenceSchema.nullable(),
});
export type ConfirmationRequest = z.infer<typeof confirmationRequestSchema>;

/**
 * Why a grantee of the file cannot be asked to confirm this document: not yet joined the portal (an
 * invitation is pending), access locked, revoked or expired, the grant does not include confirmations
 * (grant feature `document_confirmations`), or the grant would not show this document even once shared.
 */
export const candidateRefusals = [
  "not_joined",
  "no_access",
  "feature_off",
  "document_hidden",
  "already_open",
] as const;
export type CandidateRefusal = (typeof candidateRefusals)[number];

/** A grantee of the file who could be asked, or why not. */
export const confirmationCandidateSchema = z.object({
  granteeId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  grantName: z.string(),
  language: languageSchema,
  salutation: salutationSchema,
  refusal: z.enum(candidateRefusals).nullable(),
});
export type ConfirmationCandidate = z.infer<typeof confirmationCandidateSchema>;

/** GET …/documents/:id/confirmations: the document's requests, newest first, and whom one may ask. */
export const confirmationListSchema = z.object({
  currentVersion: z.number().int(),
  sharedToPortal: z.boolean(),
  items: z.array(confirmationRequestSchema),
  candidates: z.array(confirmationCandidateSchema),
});
export type ConfirmationList = z.infer<typeof confirmationListSchema>;

/** The staff member's own subject or text: blank means the standard wording in each recipient's language. */
const ownText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => (text === "" ? null : text))
    .nullable()
    .optional();

/** POST …/documents/:id/confirmations: whom to ask, and the mail's subject and text if edited. */
export const createConfirmationsSchema = z.object({
  granteeIds: z.array(z.uuid()).min(1).max(20),
  subject: ownText(200),
  message: ownText(4000),
});
export type CreateConfirmations = z.infer<typeof createConfirmationsSchema>;

/** POST …/documents/:id/confirmations/preview: the mail one recipient would get. */
export const confirmationPreviewBodySchema = z.object({
  granteeId: z.uuid(),
  subject: ownText(200),
  message: ownText(4000),
});
export type ConfirmationPreviewBody = z.infer<typeof confirmationPreviewBodySchema>;

/** The mail as it will go out, and the standard subject and text to start editing from. */
export const confirmationPreviewSchema = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  standard: z.object({ subject: z.string(), message: z.string() }),
});
export type ConfirmationPreview = z.infer<typeof confirmationPreviewSchema>;

/** The requests made by one POST. */
export const createdConfirmationsSchema = z.object({ items: z.array(confirmationRequestSchema) });

/** `/api/client-files/:fileId/confirmations/:id`. */
export const confirmationParamsSchema = z.object({ fileId: z.uuid(), id: z.uuid() });

// ---- Portal ----

/** A request as the grantee sees it: what to confirm, and whether it is done. */
export const portalConfirmationSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  version: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  /** The version's upload time: the "version of" date shown next to the confirm button. */
  versionDate: z.string().nullable(),
  requestedAt: z.string(),
  requestedByName: z.string(),
  status: z.enum(["open", "confirmed"]),
  confirmedAt: z.string().nullable(),
  /** False in a staff preview: only the grantee confirms. */
  mayConfirm: z.boolean(),
});
export type PortalConfirmation = z.infer<typeof portalConfirmationSchema>;

/** GET /api/portal/firms/:firmId/files/:fileId/confirmations: open first, then the recently confirmed. */
export const portalConfirmationListSchema = z.object({ items: z.array(portalConfirmationSchema) });
export type PortalConfirmationList = z.infer<typeof portalConfirmationListSchema>;

/** POST …/confirmations/:id/confirm: the grantee ticks "I have received and read this document". */
export const portalConfirmBodySchema = z.object({ confirmed: z.boolean() });

/** The receipt the grantee gets: what was recorded. */
export const portalConfirmReceiptSchema = z.object({
  id: z.string(),
  documentTitle: z.string(),
  version: z.number().int(),
  sha256: z.string(),
  name: z.string(),
  confirmedAt: z.string(),
});
export type PortalConfirmReceipt = z.infer<typeof portalConfirmReceiptSchema>;
