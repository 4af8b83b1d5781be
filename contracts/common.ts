import { z } from "zod";

/** The three languages of the product. */
export const languages = ["de", "fr", "en"] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

/** Staff roles of a firm. */
export const staffRoles = ["admin", "advisor", "assistant"] as const;
export type StaffRole = (typeof staffRoles)[number];

/** The one error body of the API. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** For `invalid` errors: which fields are wrong and what to do, translated. */
export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;
