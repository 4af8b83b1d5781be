import { z } from "zod";
import { languageSchema, staffRoles } from "./common.js";

/** GET /api/me — who is signed in, at which firm. 401 when nobody is. */
export const meSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), language: languageSchema }),
  firm: z.object({ id: z.string(), name: z.string(), defaultLanguage: languageSchema }).nullable(),
  staffRole: z.enum(staffRoles).nullable(),
  devMailbox: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/** PATCH /api/me — the signed-in account's own preferences. */
export const updateMeSchema = z.object({ language: languageSchema });
export type UpdateMe = z.infer<typeof updateMeSchema>;

/** POST /api/session — staff or portal sign-in with email and password. */
export const signInSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(256),
});
export type SignIn = z.infer<typeof signInSchema>;

/** The answer to a right password when the account has a second factor: no session yet, ask for it. */
export const secondFactorChallengeSchema = z.object({
  secondFactor: z.object({
    method: z.enum(["sms", "totp"]),
    /** Where the SMS code went (masked), for an SMS factor. */
    phoneMasked: z.string().nullable(),
  }),
});
export type SecondFactorChallengeAnswer = z.infer<typeof secondFactorChallengeSchema>;

/** POST /api/session — signed in, or a second factor to give first. */
export const signInResultSchema = z.union([meSchema, secondFactorChallengeSchema]);
export type SignInResult = z.infer<typeof signInResultSchema>;

/** POST /api/session/second-factor — the six digits from the SMS or the authenticator app. */
export const secondFactorCodeSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "six digits"),
});
