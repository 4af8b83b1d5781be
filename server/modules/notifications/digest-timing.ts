// When a recipient's digest goes (CASE-2): never one mail per event in a burst, at most one an hour.
// The first waiting event opens a window; the digest goes once things have been quiet for QUIET_MS,
// or at the latest WINDOW_MS after that first event — and never sooner than GAP_MS after the last one.

/** Quiet time after the latest event before the digest goes. */
export const QUIET_MS = 10 * 60_000;
/** The longest the first event of a window waits. */
export const WINDOW_MS = 60 * 60_000;
/** The least time between two digests to one person from one firm. */
export const GAP_MS = 60 * 60_000;

/** When the digest of these waiting items is due, given when the last one went (null: never). */
export function digestDueAt(items: ReadonlyArray<{ createdAt: Date }>, lastSentAt: Date | null): Date {
  const times = items.map((i) => i.createdAt.getTime());
  const windowCloses = Math.min(Math.max(...times) + QUIET_MS, Math.min(...times) + WINDOW_MS);
  return new Date(Math.max(windowCloses, lastSentAt ? lastSentAt.getTime() + GAP_MS : 0));
}

/**
 * The sweep's statement, the same rule in SQL over every firm's waiting items ($1 = now, $2 = batch
 * size); it reads through the partial index of waiting items.
 */
export const recipientsDueSql = `
  select i.firm_id, i.recipient_user_id
    from notification_items i
   where i.digest_id is null and i.skipped_at is null
   group by i.firm_id, i.recipient_user_id
  having greatest(
           least(max(i.created_at) + interval '${QUIET_MS} milliseconds',
                 min(i.created_at) + interval '${WINDOW_MS} milliseconds'),
           coalesce((select max(d.sent_at) from notification_digests d
                      where d.firm_id = i.firm_id and d.recipient_user_id = i.recipient_user_id)
                    + interval '${GAP_MS} milliseconds', '-infinity'::timestamptz)
         ) <= $1
   limit $2`;
