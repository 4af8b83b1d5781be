import { z } from "zod";
import { languageSchema, staffRoles } from "./common.js";

/** A staff role: admin, advisor or assistant. */
export const staffRoleSchema = z.enum(staffRoles);

/** One member of the firm's staff. */
export const staffMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: staffRoleSchema,
  active: z.boolean(),
  deactivatedAt: z.string().nullable(),
  joinedAt: z.string(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

/** A pending invitation; `expired` once its link no longer works (resend renews it). */
export const staffInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  language: languageSchema,
  invitedByName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
});
export type StaffInvitation = z.infer<typeof staffInvitationSchema>;

/** GET /api/staff — the team and its pending invitations. */
export const staffListSchema = z.object({
  members: z.array(staffMemberSchema),
  invitations: z.array(staffInvitationSchema),
});
export type StaffList = z.infer<typeof staffListSchema>;

/** POST /api/staff/invitations — invite a new staff member by email. */
export const inviteStaffSchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(2).max(200),
  role: staffRoleSchema,
  language: languageSchema,
});
export type InviteStaff = z.infer<typeof inviteStaffSchema>;

/** PATCH /api/staff/:userId — change a member's role. */
export const changeStaffRoleSchema = z.object({ role: staffRoleSchema });
export type ChangeStaffRole = z.infer<typeof changeStaffRoleSchema>;

/** Path parameters of the staff routes. */
export const staffUserParamsSchema = z.object({ userId: z.uuid() });
export const staffInvitationParamsSchema = z.object({ id: z.uuid() });

/** POST /api/staff-invitations/peek — the token from the link (sent in the body, never in a URL). */
export const invitationTokenSchema = z.object({ token: z.string().min(1).max(200) });
export type InvitationToken = z.infer<typeof invitationTokenSchema>;

/** What the invited person sees before accepting. */
export const staffInvitationPreviewSchema = z.object({
  firmName: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  language: languageSchema,
  expiresAt: z.string(),
  /** An account with this email exists: accepting then asks for its password instead of a new one. */
  existingAccount: z.boolean(),
});
export type StaffInvitationPreview = z.infer<typeof staffInvitationPreviewSchema>;

/** POST /api/staff-invitations/accept — create the account (or confirm the existing one) and join. */
export const acceptStaffInvitationSchema = z.object({
  token: z.string().min(1).max(200),
  /** The new account's name; defaults to the name on the invitation. Ignored for an existing account. */
  name: z.string().trim().min(2).max(200).optional(),
  password: z.string().min(1).max(256),
});
export type AcceptStaffInvitation = z.infer<typeof acceptStaffInvitationSchema>;

/** The answer to a successful acceptance: the new member is signed in. */
export const acceptedStaffInvitationSchema = z.object({ firmId: z.string(), userId: z.string() });
export type AcceptedStaffInvitation = z.infer<typeof acceptedStaffInvitationSchema>;
