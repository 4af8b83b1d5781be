import { z } from "zod";

/** What a firm API key may do (API-1): read records, write them, start CSV imports. */
export const apiKeyScopes = ["read", "write", "import"] as const;
export const apiKeyScopeSchema = z.enum(apiKeyScopes);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

/** POST /api/settings/api-keys */
export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z
      .array(apiKeyScopeSchema)
      .min(1)
      .max(3)
      .refine((s) => new Set(s).size === s.length, { message: "duplicate" }),
  })
  .strict();
export type CreateApiKey = z.infer<typeof createApiKeySchema>;

export const apiKeyIdParamsSchema = z.object({ id: z.uuid() });

/** An API key as listed: never its secret, only the start of it to recognise it by. */
export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(apiKeyScopeSchema),
  prefix: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string().nullable() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;

/** The answer to creating a key: the only time its secret is shown. */
export const createdApiKeySchema = apiKeySchema.extend({ secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
