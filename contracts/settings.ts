import { z } from "zod";
import { languageSchema } from "./common.js";

/** Who may manage portal access on a client file (FIRM-3). */
export const accessManagers = ["case_owner", "admins", "case_owner_and_admins"] as const;
/** Which second factor portal accounts must use (FIRM-3). */
export const secondFactorPolicies = ["none", "any", "sms", "totp", "passkey"] as const;
/** How clients are addressed by default. */
export const salutations = ["formal", "informal"] as const;

/** The image types a firm logo may have (sniffed from the content; SVG is refused: it can carry script). */
export const logoContentTypes = ["image/png", "image/jpeg", "image/webp"] as const;
/** The largest logo accepted, in bytes. */
export const LOGO_MAX_BYTES = 1_048_576;

/** Limits of the reminder schedule. */
export const REMINDER_DAY_MIN = 1;
export const REMINDER_DAY_MAX = 90;
export const REMINDER_COUNT_MAX = 5;
/** Limits of the invitation lifetime, in days. */
export const INVITATION_LIFETIME_MAX = 365;

const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/);
// Optional free text: null or "" clear the value (the server stores null for both).
const optionalText = (max: number) => z.string().trim().max(max).nullable();

/** GET /api/firm — the firm's profile (FIRM-1). */
export const firmProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  primaryColor: z.string(),
  accentColor: z.string(),
  defaultLanguage: languageSchema,
  publicCode: z.string(),
  /** Where the logo is served, with a version so a new logo is not hidden by caches; null without logo. */
  logoUrl: z.string().nullable(),
  updatedAt: z.string(),
});
export type FirmProfile = z.infer<typeof firmProfileSchema>;

/** PATCH /api/firm — change any of the profile's fields. Phone is stored in E.164, email in lower case. */
export const updateFirmProfileSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    street: optionalText(200),
    postalCode: optionalText(20),
    city: optionalText(100),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/),
    phone: optionalText(40),
    email: optionalText(320),
    website: optionalText(300),
    primaryColor: hexColor,
    accentColor: hexColor,
    defaultLanguage: languageSchema,
  })
  .partial()
  .strict();
export type UpdateFirmProfile = z.infer<typeof updateFirmProfileSchema>;

/** GET /api/firm/policies — the firm's policies (FIRM-3). */
export const firmPoliciesSchema = z.object({
  accessManagedBy: z.enum(accessManagers),
  reminderDays: z.array(z.number().int()),
  invitationLifetimeDays: z.number().int(),
  defaultSalutation: z.enum(salutations),
  recommendedCategoryKeys: z.array(z.string()),
  holdersAccessIrrevocable: z.boolean(),
  secondFactor: z.enum(secondFactorPolicies),
  senderName: z.string().nullable(),
  replyTo: z.string().nullable(),
});
export type FirmPolicies = z.infer<typeof firmPoliciesSchema>;

/**
 * PATCH /api/firm/policies — change any policy. Reminder days: 1 to 5 distinct days between 1 and 90 in
 * ascending order; the invitation must live longer than the last reminder day.
 */
export const updateFirmPoliciesSchema = z
  .object({
    accessManagedBy: z.enum(accessManagers),
    reminderDays: z.array(z.number().int()).max(20),
    invitationLifetimeDays: z.number().int(),
    defaultSalutation: z.enum(salutations),
    recommendedCategoryKeys: z.array(z.string().max(40)).max(100),
    holdersAccessIrrevocable: z.boolean(),
    secondFactor: z.enum(secondFactorPolicies),
    senderName: optionalText(100),
    replyTo: optionalText(320),
  })
  .partial()
  .strict();
export type UpdateFirmPolicies = z.infer<typeof updateFirmPoliciesSchema>;

/** POST /api/firm/public-code — the new public code (the old one stops working at once). */
export const publicCodeSchema = z.object({ publicCode: z.string() });

/** A line of business (Sparte), e.g. KFZ. Codes are unique in the firm, stored in upper case. */
export const lineOfBusinessSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type LineOfBusiness = z.infer<typeof lineOfBusinessSchema>;

/** POST /api/firm/lines-of-business. Code: 1–12 letters, digits, "-" or "_". */
export const createLineOfBusinessSchema = z
  .object({
    code: z.string().trim().min(1).max(12),
    name: z.string().trim().min(1).max(100),
  })
  .strict();
export type CreateLineOfBusiness = z.infer<typeof createLineOfBusinessSchema>;

/** PATCH /api/firm/lines-of-business/:id — rename, recode, activate or deactivate (never delete). */
export const updateLineOfBusinessSchema = createLineOfBusinessSchema
  .extend({ active: z.boolean() })
  .partial()
  .strict();
export type UpdateLineOfBusiness = z.infer<typeof updateLineOfBusinessSchema>;

/** A document category. Its key is stable (grants and policies refer to it); its name is editable. */
export const documentCategorySchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type DocumentCategory = z.infer<typeof documentCategorySchema>;

/** POST /api/firm/document-categories. Key: 2–40 lower-case letters, digits and "_", starting with a letter. */
export const createDocumentCategorySchema = z
  .object({
    key: z.string().trim().min(2).max(40),
    name: z.string().trim().min(1).max(100),
  })
  .strict();
export type CreateDocumentCategory = z.infer<typeof createDocumentCategorySchema>;

/** PATCH /api/firm/document-categories/:id — rename, activate or deactivate; the key never changes. */
export const updateDocumentCategorySchema = z
  .object({ name: z.string().trim().min(1).max(100), active: z.boolean() })
  .partial()
  .strict();
export type UpdateDocumentCategory = z.infer<typeof updateDocumentCategorySchema>;

/** The path parameter of one list entry. */
export const settingsIdParamSchema = z.object({ id: z.uuid() });
