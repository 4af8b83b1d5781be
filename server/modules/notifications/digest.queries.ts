import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { clientFiles, persons } from "../clients/clients.tables.js";
import { users } from "../identity/identity.tables.js";
import { notificationDigests, notificationItems, notificationSettings } from "./notifications.tables.js";

/** A waiting item as the digest reads it. */
export type PendingItem = typeof notificationItems.$inferSelect;

/**
 * The recipient's waiting items in the firm of the scope, oldest first, locked for this transaction:
 * a second run waits here and then finds them taken (so nothing is mailed twice).
 */
export async function lockPendingItems(tx: ScopedTx, firmId: string, userId: string): Promise<PendingItem[]> {
  return tx.db
    .select()
    .from(notificationItems)
    .where(
      and(
        eq(notificationItems.firmId, firmId),
        eq(notificationItems.recipientUserId, userId),
        isNull(notificationItems.digestId),
        isNull(notificationItems.skippedAt),
      ),
    )
    .orderBy(notificationItems.createdAt, notificationItems.id)
    .for("update");
}

/** When the recipient's last digest from this firm went out, or null. */
export async function lastDigestAt(tx: ScopedTx, firmId: string, userId: string): Promise<Date | null> {
  const [last] = await tx.db
    .select({ sentAt: notificationDigests.sentAt })
    .from(notificationDigests)
    .where(and(eq(notificationDigests.firmId, firmId), eq(notificationDigests.recipientUserId, userId)))
    .orderBy(desc(notificationDigests.sentAt))
    .limit(1);
  return last?.sentAt ?? null;
}

/** The topics the account turned off (none when it never chose). */
export async function mutedTopicsOf(tx: ScopedTx, userId: string): Promise<string[]> {
  const [row] = await tx.db
    .select({ muted: notificationSettings.mutedTopics })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return row?.muted ?? [];
}

/** The account's address, name and language. */
export async function accountOf(tx: ScopedTx, userId: string) {
  const [account] = await tx.db
    .select({ email: users.email, name: users.name, language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  return account;
}

/** The person an account reaches a file as: the name and the way to address them. */
export async function personOf(tx: ScopedTx, firmId: string, personId: string) {
  const [person] = await tx.db
    .select({
      firstName: persons.firstName,
      lastName: persons.lastName,
      language: persons.language,
      salutation: persons.salutation,
    })
    .from(persons)
    .where(and(eq(persons.firmId, firmId), eq(persons.id, personId)));
  return person;
}

/** Name and number of the files the items are on. */
export async function filesOf(tx: ScopedTx, firmId: string, fileIds: readonly string[]) {
  if (fileIds.length === 0) return new Map<string, { displayName: string; number: string }>();
  const rows = await tx.db
    .select({ id: clientFiles.id, displayName: clientFiles.displayName, number: clientFiles.number })
    .from(clientFiles)
    .where(and(eq(clientFiles.firmId, firmId), inArray(clientFiles.id, [...fileIds])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Marks items as left out of any mail (the topic is off, or the recipient no longer reaches them). */
export async function skipItems(
  tx: ScopedTx,
  firmId: string,
  ids: readonly string[],
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await tx.db
    .update(notificationItems)
    .set({ skippedAt: now })
    .where(and(eq(notificationItems.firmId, firmId), inArray(notificationItems.id, [...ids])));
}

/** Records the digest and ties its items to it, in the transaction that queues its mail. */
export async function recordDigest(
  tx: ScopedTx,
  digest: { firmId: string; id: string; userId: string; outboxId: string; now: Date },
  itemIds: readonly string[],
): Promise<void> {
  await tx.db.insert(notificationDigests).values({
    firmId: digest.firmId,
    id: digest.id,
    recipientUserId: digest.userId,
    itemCount: itemIds.length,
    outboxId: digest.outboxId,
    sentAt: digest.now,
  });
  await tx.db
    .update(notificationItems)
    .set({ digestId: digest.id, sentAt: digest.now })
    .where(and(eq(notificationItems.firmId, digest.firmId), inArray(notificationItems.id, [...itemIds])));
}

/** Serializes digests of one recipient at one firm for the rest of the transaction. */
export async function lockRecipient(tx: ScopedTx, firmId: string, userId: string): Promise<void> {
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`notification:${firmId}:${userId}`}))`);
}
