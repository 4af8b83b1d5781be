import { eq, sql } from "drizzle-orm";
import {
  type NotificationSettings,
  type NotificationTopic,
  notificationTopics,
  portalNotificationTopics,
  staffNotificationTopics,
  type UpdateNotificationSettings,
} from "../../../contracts/notifications.js";
import type { AppDeps } from "../../deps.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import type { Actor } from "../access/actor.js";
import { GAP_MS } from "./digest-timing.js";
import { notificationSettings } from "./notifications.tables.js";

type SettingsDeps = Pick<AppDeps, "database" | "clock">;

/** Whether the account reaches client files in the portal (its own grantee rows, read in its scope). */
async function reachesFiles(tx: ScopedTx, userId: string): Promise<boolean> {
  const { rows } = await tx.client.query<{ reaches: boolean }>(
    "select exists (select 1 from grantees where account_id = $1) as reaches",
    [userId],
  );
  return rows[0]?.reaches ?? false;
}

async function readMuted(tx: ScopedTx, userId: string): Promise<Set<string>> {
  const [row] = await tx.db
    .select({ muted: notificationSettings.mutedTopics })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return new Set(row?.muted ?? []);
}

async function present(tx: ScopedTx, actor: Actor): Promise<NotificationSettings> {
  const muted = await readMuted(tx, actor.user.id);
  const staff = actor.staff !== null;
  // Someone with neither (a fresh account) sees the portal's topics: that is where they are headed.
  const portal = !staff || (await reachesFiles(tx, actor.user.id));
  const topics = [
    ...(portal ? portalNotificationTopics.map((topic) => ({ topic, audience: "portal" as const })) : []),
    ...(staff ? staffNotificationTopics.map((topic) => ({ topic, audience: "staff" as const })) : []),
  ];
  return {
    topics: topics.map((t) => ({ ...t, email: !muted.has(t.topic) })),
    digestIntervalMinutes: GAP_MS / 60_000,
  };
}

/** The signed-in account's notification settings (its own, global across firms). */
export async function getNotificationSettings(
  deps: SettingsDeps,
  actor: Actor,
): Promise<NotificationSettings> {
  return inScope(deps.database, { userId: actor.user.id }, (tx) => present(tx, actor));
}

/** Switches topics on or off for the signed-in account; topics not named keep their setting. */
export async function updateNotificationSettings(
  deps: SettingsDeps,
  actor: Actor,
  body: UpdateNotificationSettings,
): Promise<NotificationSettings> {
  return inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    const muted = await readMuted(tx, actor.user.id);
    for (const [topic, on] of Object.entries(body.email) as Array<[NotificationTopic, boolean | undefined]>) {
      if (on === true) muted.delete(topic);
      if (on === false) muted.add(topic);
    }
    // Kept in the contract's order, so the stored list reads the same whatever the request's order.
    const mutedTopics = notificationTopics.filter((t) => muted.has(t));
    const now = deps.clock.now();
    await tx.db
      .insert(notificationSettings)
      .values({ userId: actor.user.id, mutedTopics, updatedAt: now })
      .onConflictDoUpdate({
        target: notificationSettings.userId,
        set: { mutedTopics: sql`excluded.muted_topics`, updatedAt: now },
      });
    return present(tx, actor);
  });
}
