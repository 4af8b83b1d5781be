import { z } from "zod";
import { type PersonRole, salutationSchema } from "./clients.js";
import { languageSchema } from "./common.js";

// The account's own data (PORTAL-10, AUDIT-2): profile, own access log, export, deletion.

/**
 * How one firm addresses the account: the salutation lives on the firm's person record (a firm may
 * address a client formally, another informally), so the profile lists each person the account is.
 */
export const profilePersonSchema = z.object({
  firmId: z.string(),
  firmName: z.string(),
  personId: z.string(),
  /** The person's name as the firm has it. */
  name: z.string(),
  /** The file the person belongs to. */
  fileName: z.string(),
  salutation: salutationSchema,
});
export type ProfilePerson = z.infer<typeof profilePersonSchema>;

/** GET /api/account/profile — the account's own name and language, and how each firm addresses it. */
export const profileSchema = z.object({
  name: z.string(),
  email: z.string(),
  language: languageSchema,
  persons: z.array(profilePersonSchema),
  /** Whether the account works at a firm (staff): deleting it is then decided with the firm. */
  isStaff: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

/** PATCH /api/account/profile — what the account changes of itself; at least one field. */
export const updateProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  language: languageSchema.optional(),
});
export type UpdateProfile = z.infer<typeof updateProfileSchema>;

/** PATCH /api/account/profile/salutation — how one firm (its person record of the account) addresses it. */
export const updateSalutationSchema = z.strictObject({
  firmId: z.uuid(),
  personId: z.uuid(),
  salutation: salutationSchema,
});
export type UpdateSalutation = z.infer<typeof updateSalutationSchema>;

/** GET /api/account/access-log — a page of the account's own events, newest first. */
export const accessLogQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** One event of the account's own access log, worded in the reader's language. */
export const accessLogEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  firm: z.object({ id: z.string(), name: z.string() }),
  clientFile: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  /** What happened, in words ("Document downloaded: Policy HRV"). */
  label: z.string(),
  /** True when the account itself acted; false when the firm changed something about its access. */
  byYou: z.boolean(),
  /** Who acted, when it was not the account (a staff member's name, or null for the system). */
  actorName: z.string().nullable(),
  /** Where from: only for the account's own actions (another person's address is theirs). */
  ipAddress: z.string().nullable(),
  device: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogPageSchema = z.object({
  items: z.array(accessLogEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AccessLogPage = z.infer<typeof accessLogPageSchema>;

/** DELETE /api/account — the account deletes itself: password again, and the consequences confirmed. */
export const deleteAccountSchema = z.strictObject({
  password: z.string().max(256),
  confirm: z.boolean(),
});
export type DeleteAccount = z.infer<typeof deleteAccountSchema>;

/** POST /api/grants/:id/grantees/:granteeId/remove-account — staff take an account out of their firm. */
export const removedAccountSchema = z.object({
  /** How many of the account's access entries at this firm were revoked. */
  revokedGrantees: z.number().int(),
});
export type RemovedAccount = z.infer<typeof removedAccountSchema>;

/** ?lang= on downloads opened by a plain link, which cannot send the UI's language as a header. */
export const downloadLanguageQuerySchema = z.object({ lang: languageSchema.optional() });

/**
 * The roles that may download a file's PDF overview; the rule and its reasons live in the server's
 * access module (access/account-data.ts), the portal reads this list only to show the button.
 */
export const reportRoles: readonly PersonRole[] = ["holder", "co_holder", "contact"];
