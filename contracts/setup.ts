import { z } from "zod";
import { languageSchema } from "./common.js";

/** GET /api/setup — whether the first-run setup is still to be done. */
export const setupStatusSchema = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatusSchema>;

/** POST /api/setup — creates the firm and its first admin, then signs the admin in. */
export const setupRequestSchema = z.object({
  firmName: z.string().trim().min(2).max(200),
  language: languageSchema,
  adminName: z.string().trim().min(2).max(200),
  adminEmail: z.email().max(320),
  password: z.string().max(256),
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;
