import { z } from "zod";
import { languageSchema } from "./common.js";
import { salutationSchema } from "./invitations.js";

/** The most files one bulk invitation takes (the client list's "select all" gives at most this many). */
export const BULK_INVITATION_LIMIT = 10_000;

/** What a bulk invitation shares and how its mails speak (INV-3, seed 001). */
export const bulkInvitationOptionsSchema = z.strictObject({
  fileIds: z.array(z.uuid()).min(1).max(BULK_INVITATION_LIMIT),
  /** All documents marked shared, or only those of chosen categories (the firm's recommended ones preselected). */
  documents: z.enum(["all", "categories"]).default("all"),
  documentCategoryIds: z.array(z.uuid()).max(100).default([]),
  /** The grant profile new grants start from; by default the firm's household or company profile. */
  profileId: z.uuid().optional(),
  /** Sie/Du; by default each person's own. */
  salutation: salutationSchema.optional(),
  /** By default each person's own. */
  language: languageSchema.optional(),
  personalMessage: z
    .string()
    .trim()
    .max(2000)
    .transform((text) => (text === "" ? null : text))
    .nullable()
    .optional(),
  /** Persons sharing one email address: one grant over their files, or one invitation each. */
  sharedEmails: z.enum(["bundle", "separate"]).default("separate"),
  /** Addresses filled in for persons who had none (the dialog of missing emails). */
  emails: z
    .array(z.strictObject({ personId: z.uuid(), email: z.email().max(320) }))
    .max(BULK_INVITATION_LIMIT)
    .default([]),
});
export type BulkInvitationOptions = z.infer<typeof bulkInvitationOptionsSchema>;

/** A person a bulk invitation would invite for a file. */
const plannedPersonSchema = z.object({
  fileId: z.string(),
  fileName: z.string(),
  personId: z.string(),
  personName: z.string(),
});

/** Why a file is not invited. */
export const bulkSkipReasons = [
  "no_person",
  "no_email",
  "already_invited",
  "already_active",
  "not_allowed",
  "not_found",
] as const;

/** What a bulk invitation would do, before anything is sent: the dialog's questions. */
export const bulkInvitationPlanSchema = z.object({
  files: z.number().int(),
  /** Files whose person has an email and is not yet invited or active. */
  ready: z.number().int(),
  missingEmail: z.array(plannedPersonSchema),
  /** Addresses several of the persons share (seed 001: the access is made per address). */
  sharedEmails: z.array(z.object({ email: z.string(), persons: z.array(plannedPersonSchema) })),
  alreadyInvited: z.number().int(),
  alreadyActive: z.number().int(),
  noPerson: z.array(z.object({ fileId: z.string(), fileName: z.string() })),
  notAllowed: z.array(z.object({ fileId: z.string(), fileName: z.string() })),
});
export type BulkInvitationPlan = z.infer<typeof bulkInvitationPlanSchema>;

/** A bulk invitation's progress and, once done, its summary. */
export const bulkInvitationRunSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "failed"]),
  total: z.number().int(),
  processed: z.number().int(),
  invited: z.number().int(),
  notified: z.number().int(),
  skipped: z.number().int(),
  skips: z.array(
    z.object({
      fileId: z.string(),
      fileName: z.string(),
      reason: z.enum(bulkSkipReasons),
      message: z.string(),
    }),
  ),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BulkInvitationRun = z.infer<typeof bulkInvitationRunSchema>;

/** Path parameters of a bulk invitation run. */
export const bulkInvitationParamsSchema = z.object({ id: z.uuid() });
