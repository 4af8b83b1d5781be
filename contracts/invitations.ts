import { z } from "zod";
import { languageSchema } from "./common.js";
import { mailProblems } from "./mail.js";
import { secondFactorChallengeSchema } from "./session.js";

/** Formal (Sie, vous) or informal (Du, tu) address in the mails. */
export const salutationSchema = z.enum(["formal", "informal"]);

/**
 * How the invitation reached the person: an emailed link (`email`), a link staff copied to send
 * personally (`link`), or — for someone who already has an account — a notice that access was added
 * (`notice`, accepted at once).
 */
export const invitationChannels = ["email", "link", "notice"] as const;

/**
 * Where an invitation stands: `pending` until the person registers (`accepted`); `withdrawn` when the
 * grantee was revoked or the invitation withdrawn; `replaced` by a newer invitation of the same
 * grantee; `expired` once its links no longer work (derived from `expiresAt`, never stored).
 */
export const invitationStatuses = ["pending", "accepted", "withdrawn", "replaced", "expired"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/**
 * Delivery state of one mail (INV-6): waiting to go, `deferred` after a temporary refusal (it is
 * retried), accepted by the receiving server, `failed` for good, or `bounced`: accepted, then returned
 * as undeliverable by the recipient's mail system (a delivery status notification).
 */
export const mailStatuses = ["queued", "deferred", "sent", "failed", "bounced"] as const;

/** The last mail of an invitation and what the receiving server answered. */
export const invitationMailSchema = z.object({
  id: z.string(),
  /** 0 = the invitation (or notice), 1 = first reminder, … */
  reminder: z.number().int(),
  status: z.enum(mailStatuses),
  /** The SMTP server's answer, as it was given (for a bounced mail: the bounce's diagnostic). */
  smtpResponse: z.string().nullable(),
  /** What went wrong, in plain words (a category the UI words); null when nothing did. */
  problem: z.enum(mailProblems).nullable(),
  bouncedAt: z.string().nullable(),
  attempts: z.number().int(),
  queuedAt: z.string(),
  sentAt: z.string().nullable(),
});
export type InvitationMail = z.infer<typeof invitationMailSchema>;

/** One invitation of a grantee, with its reminder series and its last mail. */
export const invitationSchema = z.object({
  id: z.string(),
  grantId: z.string(),
  granteeId: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  language: languageSchema,
  salutation: salutationSchema,
  channel: z.enum(invitationChannels),
  status: z.enum(invitationStatuses),
  /** The staff member's own words in the mail (INV-5); kept for the reminders. */
  personalMessage: z.string().nullable(),
  remindersSent: z.number().int(),
  /** When the next reminder is due; null when none is (series over, stopped, or not pending). */
  nextReminderAt: z.string().nullable(),
  remindersStoppedAt: z.string().nullable(),
  invitedByName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  lastMail: invitationMailSchema.nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

const personalMessageSchema = z
  .string()
  .trim()
  .max(2000)
  .transform((text) => (text === "" ? null : text))
  .nullable();

/**
 * POST /api/grants/:id/grantees/:granteeId/invitation (and its preview): language and salutation
 * default to the person's (or the firm's); the personal message is kept for the reminders.
 */
export const inviteGranteeSchema = z.object({
  language: languageSchema.optional(),
  salutation: salutationSchema.optional(),
  personalMessage: personalMessageSchema.optional(),
});
export type InviteGrantee = z.infer<typeof inviteGranteeSchema>;

/** The mail as it will go out (INV-5): what staff check before sending. */
export const invitationPreviewSchema = z.object({
  kind: z.enum(["invitation", "notice"]),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** The answer to "copy invitation link" (INV-2): the link is shown this once and never stored. */
export const invitationLinkSchema = z.object({ invitation: invitationSchema, url: z.string() });
export type InvitationLink = z.infer<typeof invitationLinkSchema>;

/** The invitations of a grant's grantees, newest first. */
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });
export type InvitationList = z.infer<typeof invitationListSchema>;

/** GET /api/invitations — the firm's invitations, newest first, filtered by state or delivery. */
export const invitationListQuerySchema = z.object({
  status: z.enum(invitationStatuses).optional(),
  delivery: z.enum(mailStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type InvitationListQuery = z.infer<typeof invitationListQuerySchema>;

/** One line of the firm-wide list: the invitation and where it belongs. */
export const firmInvitationSchema = invitationSchema.extend({
  grantName: z.string(),
  /** A file the grant bundles, to open from the list. */
  clientFileId: z.string().nullable(),
  clientFileName: z.string().nullable(),
});
export const firmInvitationListSchema = z.object({ invitations: z.array(firmInvitationSchema) });
export type FirmInvitationList = z.infer<typeof firmInvitationListSchema>;

/** Path parameters of an invitation. */
export const invitationParamsSchema = z.object({ id: z.uuid() });

/** POST /api/client-invitations/peek — the token from the link, in the body (never in a URL). */
export const clientInvitationTokenSchema = z.object({ token: z.string().min(1).max(200) });

/** What the registration page shows before anything is done (reading consumes nothing — SEC-6). */
export const clientInvitationPreviewSchema = z.object({
  firm: z.object({ name: z.string(), primaryColor: z.string(), accentColor: z.string() }),
  name: z.string(),
  /** Null for a link invitation of someone without email: registering then asks for one. */
  email: z.string().nullable(),
  language: languageSchema,
  salutation: salutationSchema,
  expiresAt: z.string(),
  /** An account with this email exists: accepting asks for its password instead of a new one. */
  existingAccount: z.boolean(),
  /** The second factor the firm asks of portal accounts (FIRM-3): registration sets it up. */
  secondFactorPolicy: z.enum(["none", "any", "sms", "totp", "passkey"]),
  /**
   * PORTAL-1: the persons this one invitation reaches through a shared address (a bundle of several
   * files whose holders share one email), names only; the page asks which of them is registering.
   * Empty when the invitation is for one person.
   */
  persons: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ClientInvitationPreview = z.infer<typeof clientInvitationPreviewSchema>;

/** POST /api/client-invitations/accept — register (or confirm the existing account) and sign in. */
export const acceptClientInvitationSchema = z.object({
  token: z.string().min(1).max(200),
  /** The name as the person confirms it; defaults to the invitation's. Ignored for an existing account. */
  name: z.string().trim().min(2).max(200).optional(),
  /** Needed only when the invitation has no email (a link sent personally). */
  email: z.email().max(320).optional(),
  password: z.string().min(1).max(256),
  /** Which of the preview's `persons` is registering; needed when it lists any. */
  personId: z.uuid().optional(),
});
export type AcceptClientInvitation = z.infer<typeof acceptClientInvitationSchema>;

/** A successful registration: the account is signed in. */
export const acceptedClientInvitationSchema = z.object({
  userId: z.string(),
  newAccount: z.boolean(),
  /** An existing account with a second factor is not signed in yet: give it first (as at sign-in). */
  secondFactor: secondFactorChallengeSchema.shape.secondFactor.optional(),
});
export type AcceptedClientInvitation = z.infer<typeof acceptedClientInvitationSchema>;
