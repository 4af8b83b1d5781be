import { z } from "zod";

/** One passkey of the account, as its owner sees it. */
export const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type Passkey = z.infer<typeof passkeySchema>;

/** GET /api/account/passkeys — the account's passkeys, oldest first. */
export const passkeyListSchema = z.object({ passkeys: z.array(passkeySchema) });
export type PasskeyList = z.infer<typeof passkeyListSchema>;

/** Adding a passkey, like every change of the sign-in protection, asks for the password. */
export const passkeyOptionsRequestSchema = z.strictObject({ password: z.string().min(1).max(256) });

/** The options for `navigator.credentials.create` (WebAuthn JSON), passed on as they are. */
export const passkeyCreationOptionsSchema = z.looseObject({ challenge: z.string() });

/** POST /api/account/passkeys — the authenticator's answer to the options, and the name to show. */
export const passkeyRegistrationSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  response: z.looseObject({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal("public-key"),
    response: z.looseObject({
      clientDataJSON: z.string().min(1).max(8192),
      attestationObject: z.string().min(1).max(65536),
      transports: z.array(z.string().max(32)).max(10).optional(),
    }),
    clientExtensionResults: z.record(z.string(), z.unknown()).optional().default({}),
    authenticatorAttachment: z.string().max(64).optional(),
  }),
});
export type PasskeyRegistration = z.infer<typeof passkeyRegistrationSchema>;

/** DELETE /api/account/passkeys/:id — the password again. */
export const passkeyParamsSchema = z.object({ id: z.uuid() });
