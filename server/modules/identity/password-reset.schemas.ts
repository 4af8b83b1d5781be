import { z } from "zod";

// The API's shapes of the password reset (PORTAL-1). They belong in contracts/ beside the session's
// once that folder is open to this feature; the web mirrors them in web/account/account-api.ts.

/** POST /api/password-reset/request — whose password to reset. */
export const passwordResetRequestSchema = z.object({ email: z.email().max(320) });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** The one answer to every reset request, known address or not (SEC-3). */
export const passwordResetRequestedSchema = z.object({ message: z.string() });
export type PasswordResetRequested = z.infer<typeof passwordResetRequestedSchema>;

/** POST /api/password-reset/peek — the token from the link, in the body (never in a URL). */
export const passwordResetTokenSchema = z.object({ token: z.string().min(1).max(200) });
export type PasswordResetToken = z.infer<typeof passwordResetTokenSchema>;

/** What the reset page shows before the new password is chosen. */
export const passwordResetPreviewSchema = z.object({
  /** The account's address, masked (k***@example.test): enough to recognise it, not to learn it. */
  email: z.string(),
  expiresAt: z.iso.datetime(),
});
export type PasswordResetPreview = z.infer<typeof passwordResetPreviewSchema>;

/** POST /api/password-reset/complete — the token and the new password, exactly as typed. */
export const passwordResetCompleteSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});
export type PasswordResetComplete = z.infer<typeof passwordResetCompleteSchema>;
