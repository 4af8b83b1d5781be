import { z } from "zod";

/** POST /api/account/phone/send-code — the mobile number to confirm, as typed, with its country. */
export const sendPhoneCodeSchema = z.strictObject({
  phone: z.string().trim().min(3).max(40),
  /** ISO country for numbers typed without +: DE, FR, AT, CH … */
  country: z.string().length(2).optional(),
  /** The account's password: asked when a confirmed number is to be replaced (SMS codes go to it). */
  password: z.string().max(256).optional(),
});
export type SendPhoneCode = z.infer<typeof sendPhoneCodeSchema>;

/** A code is on its way: the attempt to confirm with, where it went (masked), until when it works. */
export const phoneCodeSentSchema = z.object({
  attemptId: z.string(),
  phoneMasked: z.string(),
  expiresAt: z.string(),
});
export type PhoneCodeSent = z.infer<typeof phoneCodeSentSchema>;

/** POST /api/account/phone/verify — the code from the SMS, for its attempt. */
export const verifyPhoneCodeSchema = z.strictObject({
  attemptId: z.uuid(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "six digits"),
});
export type VerifyPhoneCode = z.infer<typeof verifyPhoneCodeSchema>;

/** The account's confirmed mobile number (masked), or none yet. */
export const accountPhoneSchema = z.object({
  phoneMasked: z.string().nullable(),
  verifiedAt: z.string().nullable(),
});
export type AccountPhone = z.infer<typeof accountPhoneSchema>;
