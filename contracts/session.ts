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
    /** The code asked for, or "passkey" when the account's only factor is its passkeys. */
    method: z.enum(["sms", "totp", "passkey"]),
    /** Where the SMS code went (masked), for an SMS factor. */
    phoneMasked: z.string().nullable(),
    /** Whether one of the account's passkeys may answer instead of a code. */
    passkey: z.boolean(),
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

/** POST /api/session/passkey — the passkey's answer to this sign-in's challenge (WebAuthn JSON). */
export const passkeyAssertionSchema = z.strictObject({
  response: z.looseObject({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal("public-key"),
    response: z.looseObject({
      clientDataJSON: z.string().min(1).max(8192),
      authenticatorData: z.string().min(1).max(8192),
      signature: z.string().min(1).max(1024),
      userHandle: z.string().max(1024).optional(),
    }),
    clientExtensionResults: z.record(z.string(), z.unknown()).optional().default({}),
    authenticatorAttachment: z.string().max(64).optional(),
  }),
});
export type PasskeyAssertion = z.infer<typeof passkeyAssertionSchema>;

/** The options for `navigator.credentials.get` (WebAuthn JSON), passed on as they are. */
export const passkeyRequestOptionsSchema = z.looseObject({ challenge: z.string() });
