import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps } from "../../deps.js";
import type { Clock } from "../../platform/clock.js";
import { open } from "../../platform/crypto.js";
import type { Database } from "../../platform/db/pool.js";
import { inFirm } from "../../platform/db/scope.js";
import type { JobDefinition } from "../../platform/jobs/queue.js";
import { deliverWebhookJob, type deliverWebhookPayload, enqueueWebhookAttempt } from "./webhooks.events.js";
import { postWebhook, signWebhook, type WebhookAnswer } from "./webhooks.http.js";
import { webhookDeliveries, webhookEndpoints } from "./webhooks.tables.js";

/**
 * Seconds to wait after each failed attempt: 1 min, 5 min, 30 min, 1 h, 3 h, 6 h, 10 h — eight attempts
 * over about 21 hours, so a receiver down for most of a day still gets the event.
 */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [60, 300, 1800, 3600, 3 * 3600, 6 * 3600, 10 * 3600] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_SECONDS.length + 1;

/** What a delivery needs from the process. */
export interface WebhookJobDeps {
  database: Database;
  clock: Clock;
  /** Opens the endpoints' sealed secrets. */
  key: Buffer;
  /** WEBHOOK_INTERNAL_HOSTS=refuse: no connection into the installation's own network. */
  refuseInternal: boolean;
}

/** The delivery's dependencies taken from the app's. */
export function webhookJobDeps(
  deps: Pick<AppDeps, "database" | "clock" | "webhookKey" | "config">,
): WebhookJobDeps {
  return {
    database: deps.database,
    clock: deps.clock,
    key: deps.webhookKey,
    refuseInternal: deps.config.webhookInternalHosts === "refuse",
  };
}

/**
 * The endpoint's secret, or null when it cannot be opened (the installation's secret changed): the
 * delivery then fails with a word on what to do instead of being retried by the queue forever.
 */
function openSecret(key: Buffer, sealed: string): string | null {
  try {
    return open(key, sealed);
  } catch {
    return null;
  }
}

/** The webhook jobs with their handler bound to this process's dependencies. */
export function createWebhookJobs(deps: WebhookJobDeps): JobDefinition[] {
  const deliver: JobDefinition<typeof deliverWebhookPayload> = {
    ...deliverWebhookJob,
    handler: (payload) => deliverWebhookAttempt(deps, payload),
  };
  return [deliver];
}

/**
 * Makes attempt `attempt` of one delivery: POSTs the signed body outside any transaction, then records
 * the answer and, after a failure, enqueues the next attempt in the same transaction. A job whose
 * attempt was already made (a repeat after a crash) does nothing.
 */
export async function deliverWebhookAttempt(
  deps: WebhookJobDeps,
  { firmId, deliveryId, attempt }: z.infer<typeof deliverWebhookPayload>,
): Promise<void> {
  const picked = await inFirm(deps.database, firmId, async (tx) => {
    const [row] = await tx.db
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.firmId, webhookDeliveries.firmId),
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        ),
      )
      .where(and(eq(webhookDeliveries.firmId, firmId), eq(webhookDeliveries.id, deliveryId)));
    return row ?? null;
  });
  if (!picked) return;
  const { delivery, endpoint } = picked;
  const waiting = delivery.status === "pending" || delivery.status === "retrying";
  if (!waiting || delivery.attempts !== attempt - 1) return;

  let answer: WebhookAnswer;
  if (!endpoint.active) answer = { ok: false, statusCode: null, snippet: "endpoint paused" };
  else {
    const body = JSON.stringify(delivery.payload);
    const seconds = Math.floor(deps.clock.now().getTime() / 1000);
    const secret = openSecret(deps.key, endpoint.secretSealed);
    answer = !secret
      ? { ok: false, statusCode: null, snippet: "signing secret unreadable: rotate it" }
      : await postWebhook(
          new URL(endpoint.url),
          {
            "content-type": "application/json",
            "user-agent": "Atrium-Webhooks/1",
            "atrium-event": delivery.eventType,
            "atrium-delivery": delivery.id,
            "atrium-signature": signWebhook(secret, seconds, body),
          },
          body,
          { refuseInternal: deps.refuseInternal },
        );
  }

  const now = deps.clock.now();
  // A paused endpoint gets nothing more; its waiting deliveries end here and can be resent later.
  const last = attempt >= WEBHOOK_MAX_ATTEMPTS || !endpoint.active;
  const status = answer.ok ? "delivered" : last ? "failed" : "retrying";
  const delay = status === "retrying" ? (WEBHOOK_RETRY_DELAYS_SECONDS[attempt - 1] ?? 0) : 0;
  await inFirm(deps.database, firmId, async (tx) => {
    const updated = await tx.db
      .update(webhookDeliveries)
      .set({
        status,
        attempts: attempt,
        lastStatusCode: answer.statusCode,
        lastResponse: answer.snippet || null,
        lastAttemptAt: now,
        nextAttemptAt: status === "retrying" ? new Date(now.getTime() + delay * 1000) : null,
        deliveredAt: answer.ok ? now : null,
      })
      // A parallel run of the same attempt records once and schedules once.
      .where(
        and(
          eq(webhookDeliveries.firmId, firmId),
          eq(webhookDeliveries.id, deliveryId),
          eq(webhookDeliveries.attempts, attempt - 1),
          inArray(webhookDeliveries.status, ["pending", "retrying"]),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    if (updated.length > 0 && status === "retrying")
      await enqueueWebhookAttempt(tx, { firmId, deliveryId, attempt: attempt + 1 }, delay);
  });
}
