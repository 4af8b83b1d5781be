import { z } from "zod";

/** The account's second factor as its owner sees it. */
export const secondFactorStateSchema = z.object({
  method: z.enum(["sms", "totp"]).nullable(),
  /** The confirmed mobile number SMS codes go to (masked), or null. */
  phoneMasked: z.string().nullable(),
  /** How many passkeys the account has (each also completes a sign-in). */
  passkeys: z.number().int(),
});
export type SecondFactorState = z.infer<typeof secondFactorStateSchema>;

/** Changing the second factor asks for the password again. */
export const secondFactorPasswordSchema = z.strictObject({ password: z.string().min(1).max(256) });

/** An authenticator app being set up: the secret to scan (otpauth address) or type. */
export const totpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpSetup = z.infer<typeof totpSetupSchema>;

/** The first code from the app, confirming it is set up. */
export const totpConfirmSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "six digits"),
});
