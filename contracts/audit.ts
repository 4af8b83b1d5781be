import { z } from "zod";

/** Who acted: a staff member, a client, the system (jobs, imports) or a firm API key. */
export const actorKinds = ["staff", "client", "system", "api"] as const;

/** The largest page of audit entries one request returns. */
export const AUDIT_PAGE_MAX = 100;

/** One recorded event (AUDIT-1): who did what to which entity, before and after, when, from where. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    userId: z.string().nullable(),
    name: z.string().nullable(),
    kind: z.string(),
  }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  clientFile: z
    .object({ id: z.string(), displayName: z.string().nullable(), number: z.string().nullable() })
    .nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A page of entries, newest first; `nextCursor` fetches the older ones (null at the end). */
export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

const actionPrefix = z
  .string()
  .trim()
  .max(60)
  .regex(/^[a-z_.]*$/);

/** GET /api/client-files/:id/history — one file's events; `action` is a prefix like "contract." */
export const fileHistoryQuerySchema = z.object({
  action: actionPrefix.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});
export type FileHistoryQuery = z.infer<typeof fileHistoryQuerySchema>;

/** Filters of the firm-wide log (GET /api/audit and its CSV export); `to` is exclusive. */
export const firmAuditFilterSchema = z.object({
  action: actionPrefix.optional(),
  actorUserId: z.string().max(100).optional(),
  clientFileId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type FirmAuditFilter = z.infer<typeof firmAuditFilterSchema>;

/** GET /api/audit — the firm-wide log for admins, filtered and paginated. */
export const firmAuditQuerySchema = firmAuditFilterSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});
export type FirmAuditQuery = z.infer<typeof firmAuditQuerySchema>;

/** GET /api/audit/actors — the people who may appear in the log (the firm's staff), for the filter. */
export const auditActorSchema = z.object({ userId: z.string(), name: z.string(), active: z.boolean() });
export type AuditActor = z.infer<typeof auditActorSchema>;

/** The path parameter of a client file. */
export const clientFileIdParamSchema = z.object({ id: z.uuid() });
