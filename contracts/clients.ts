import { z } from "zod";
import { languageSchema, staffRoles } from "./common.js";

/** A client file is a household or a company. */
export const clientFileKinds = ["private", "business"] as const;
export const clientFileKindSchema = z.enum(clientFileKinds);
export type ClientFileKind = z.infer<typeof clientFileKindSchema>;

/** Every role a person may have on a file; which ones fit depends on the file's kind. */
export const personRoles = [
  "holder",
  "co_holder",
  "partner",
  "child",
  "relative",
  "contact",
  "external_advisor",
] as const;
export const personRoleSchema = z.enum(personRoles);
export type PersonRole = z.infer<typeof personRoleSchema>;

/** Roles on a household's file (the family tree and its outside advisors). */
export const privateRoles: readonly PersonRole[] = [
  "holder",
  "co_holder",
  "partner",
  "child",
  "relative",
  "external_advisor",
];
/** Roles on a company's file. */
export const businessRoles: readonly PersonRole[] = ["contact", "external_advisor"];

/** Kinds of outside professionals (FILE-3). */
export const advisorKinds = ["banker", "notary", "lawyer", "tax_advisor", "accountant", "other"] as const;
export const advisorKindSchema = z.enum(advisorKinds);
export type AdvisorKind = z.infer<typeof advisorKindSchema>;

export const salutations = ["formal", "informal"] as const;
export const salutationSchema = z.enum(salutations);
export type Salutation = z.infer<typeof salutationSchema>;

const name = z.string().trim().min(1).max(200);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
/** Trimmed and lower-cased before it is checked, so " Klara@Example.DE " is accepted as klara@example.de. */
const email = z.string().trim().toLowerCase().max(320).pipe(z.email());
const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/);

/** The fields of a person, as sent when creating one. */
export const personInputSchema = z.strictObject({
  role: personRoleSchema.optional(),
  firstName: name,
  lastName: name,
  relationToHolder: optionalText(200),
  isCommercialContact: z.boolean().optional(),
  isOperationalContact: z.boolean().optional(),
  isEmployee: z.boolean().optional(),
  advisorKind: advisorKindSchema.nullish(),
  organisation: optionalText(200),
  email: email.nullish(),
  /** As typed ("030 1234567", "+49 30 1234567"); stored in E.164. */
  phone: z.string().trim().max(40).nullish(),
  /** ISO 3166 alpha-2 country for numbers typed without a country code; DE when absent. */
  phoneCountry: countryCode.optional(),
  salutation: salutationSchema.optional(),
  language: languageSchema.optional(),
  birthDate: z.iso.date().nullish(),
  externalId: optionalText(200),
});
export type PersonInput = z.infer<typeof personInputSchema>;

/** PATCH of a person: any subset of the fields. */
export const personPatchSchema = personInputSchema.partial();
export type PersonPatch = z.infer<typeof personPatchSchema>;

/** Another person in the firm with the same email (FILE-2: shown, never refused). */
export const sharedEmailSchema = z.object({
  personId: z.string(),
  name: z.string(),
  clientFileId: z.string(),
  clientFileName: z.string(),
});
export type SharedEmail = z.infer<typeof sharedEmailSchema>;

/** A person as the API answers it. */
export const personSchema = z.object({
  id: z.string(),
  clientFileId: z.string(),
  role: personRoleSchema,
  relationToHolder: z.string().nullable(),
  isCommercialContact: z.boolean(),
  isOperationalContact: z.boolean(),
  isEmployee: z.boolean(),
  advisorKind: advisorKindSchema.nullable(),
  organisation: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phoneE164: z.string().nullable(),
  phoneCountry: z.string().nullable(),
  salutation: salutationSchema,
  language: languageSchema,
  birthDate: z.string().nullable(),
  externalId: z.string().nullable(),
  /** Persons on files the reader can see that use the same email. */
  sharedEmailWith: z.array(sharedEmailSchema),
  /** How many more persons use the same email on files the reader cannot see. */
  sharedEmailElsewhere: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const personListSchema = z.object({ items: z.array(personSchema) });
export type PersonList = z.infer<typeof personListSchema>;

/** POST /api/client-files */
export const createClientFileSchema = z.strictObject({
  kind: clientFileKindSchema,
  /** Required for a business file; for a household it derives from the holder ("Muster, Klara"). */
  displayName: z.string().trim().min(1).max(200).optional(),
  number: z.string().trim().min(1).max(50).optional(),
  externalId: z.string().trim().min(1).max(200).nullish(),
  caseOwnerId: z.string().min(1).max(100).optional(),
  teamUserIds: z.array(z.string().min(1).max(100)).max(50).optional(),
  notes: z.string().max(10_000).nullish(),
  holder: personInputSchema.omit({ role: true }).optional(),
});
export type CreateClientFile = z.infer<typeof createClientFileSchema>;

/** PATCH /api/client-files/:id */
export const updateClientFileSchema = z.strictObject({
  kind: clientFileKindSchema.optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
  number: z.string().trim().min(1).max(50).optional(),
  externalId: z.string().trim().min(1).max(200).nullish(),
  notes: z.string().max(10_000).nullish(),
});
export type UpdateClientFile = z.infer<typeof updateClientFileSchema>;

/** PUT /api/client-files/:id/team */
export const setTeamSchema = z.strictObject({ userIds: z.array(z.string().min(1).max(100)).max(50) });
export type SetTeam = z.infer<typeof setTeamSchema>;

/** POST /api/client-files/:id/case-owner */
export const reassignSchema = z.strictObject({ userId: z.string().min(1).max(100) });
export type Reassign = z.infer<typeof reassignSchema>;

/** A staff member as shown on a file. */
export const staffRefSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(staffRoles).nullable(),
});
export type StaffRef = z.infer<typeof staffRefSchema>;

/** GET /api/client-files/:id */
export const clientFileSchema = z.object({
  id: z.string(),
  kind: clientFileKindSchema,
  displayName: z.string(),
  number: z.string(),
  externalId: z.string().nullable(),
  notes: z.string().nullable(),
  caseOwner: staffRefSchema,
  team: z.array(staffRefSchema),
  counts: z.object({ persons: z.number().int(), contracts: z.number().int(), documents: z.number().int() }),
  /** What the reader may do on this file (for the UI; the server checks again). */
  can: z.object({ edit: z.boolean(), delete: z.boolean(), reassign: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ClientFile = z.infer<typeof clientFileSchema>;

export const clientFileSorts = ["name", "number", "updated"] as const;
export const sortDirections = ["asc", "desc"] as const;

/** The list's filters (shared by the list and "select all matching"). */
export const clientFileFilterSchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: clientFileKindSchema.optional(),
  caseOwnerId: z.string().min(1).max(100).optional(),
});
export type ClientFileFilter = z.infer<typeof clientFileFilterSchema>;

/** GET /api/client-files query. */
export const clientFileListQuerySchema = clientFileFilterSchema.extend({
  sort: z.enum(clientFileSorts).default("name"),
  dir: z.enum(sortDirections).default("asc"),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ClientFileListQuery = z.infer<typeof clientFileListQuerySchema>;

/** One row of the client list. */
export const clientFileRowSchema = z.object({
  id: z.string(),
  kind: clientFileKindSchema,
  displayName: z.string(),
  number: z.string(),
  externalId: z.string().nullable(),
  caseOwner: z.object({ userId: z.string(), name: z.string() }),
  updatedAt: z.string(),
});
export type ClientFileRow = z.infer<typeof clientFileRowSchema>;

/** GET /api/client-files answer: one page and the cursor of the next (null on the last page). */
export const clientFilePageSchema = z.object({
  items: z.array(clientFileRowSchema),
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
});
export type ClientFilePage = z.infer<typeof clientFilePageSchema>;

/** At most this many ids come back from "select all matching". */
export const SELECT_ALL_LIMIT = 10_000;

/** POST /api/client-files/select answer. */
export const clientFileSelectionSchema = z.object({
  ids: z.array(z.string()),
  /** True when more files match than SELECT_ALL_LIMIT (only the first ones are returned). */
  truncated: z.boolean(),
});
export type ClientFileSelection = z.infer<typeof clientFileSelectionSchema>;

/** GET /api/client-files/staff-choices: who can be case owner or on a team. */
export const staffChoicesSchema = z.object({
  items: z.array(
    z.object({ userId: z.string(), name: z.string(), role: z.enum(staffRoles), canOwn: z.boolean() }),
  ),
});
export type StaffChoices = z.infer<typeof staffChoicesSchema>;
