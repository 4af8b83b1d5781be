import { z } from "zod";

/** The record kinds of the sync API, as they appear in its paths. */
export const syncKinds = ["client-files", "persons", "contracts", "claims", "documents"] as const;
export type SyncKind = (typeof syncKinds)[number];

/** Items per upsert batch; a larger batch is refused whole. */
export const SYNC_BATCH_MAX = 500;
/** Items per documents batch: each carries its content. */
export const SYNC_DOCUMENTS_BATCH_MAX = 20;

export const syncItemStatuses = ["created", "updated", "unchanged", "invalid"] as const;

/** What happened to one item of a batch; `problems` name the item's fields as items.<index>.<field>. */
export const syncItemResultSchema = z.object({
  index: z.number().int(),
  externalId: z.string().nullable(),
  status: z.enum(syncItemStatuses),
  id: z.uuid().nullable(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type SyncItemResult = z.infer<typeof syncItemResultSchema>;

/** The answer to a batch: one result per item, in order, and the totals. */
export const syncBatchResultSchema = z.object({
  results: z.array(syncItemResultSchema),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  }),
});
export type SyncBatchResult = z.infer<typeof syncBatchResultSchema>;

/** GET /api/sync/v1/<kind>?cursor=…&since=…&limit=… — changes in the order they were made. */
export const syncChangesQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type SyncChangesQuery = z.infer<typeof syncChangesQuerySchema>;

export const syncExternalIdParamsSchema = z.object({ externalId: z.string().trim().min(1).max(200) });
