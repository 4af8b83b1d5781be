import { and, arrayOverlaps, eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { z } from "zod";
import type { WebhookEventType } from "../../../contracts/webhooks.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { defineJob, QUEUE_SCHEMA } from "../../platform/jobs/queue.js";
import { clientFiles, persons } from "../clients/clients.tables.js";
import { grantees } from "../grants/grants.tables.js";
import { webhookDeliveries, webhookEndpoints } from "./webhooks.tables.js";

/** What an event tells about itself: ids (with the firm's external ids added), never content or secrets. */
export interface WebhookEventData {
  clientFileId?: string;
  personId?: string | null;
  caseId?: string;
  messageId?: string;
  documentId?: string;
  invitationId?: string;
  granteeId?: string;
  accountId?: string;
  contractId?: string | null;
  confirmationId?: string;
  caseKind?: string;
  attachments?: number;
}

/** The JSON body every delivery of an event carries. */
export interface WebhookPayload {
  id: string;
  type: WebhookEventType | "webhook.test";
  firmId: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export const deliverWebhookPayload = z.object({
  firmId: z.uuid(),
  deliveryId: z.uuid(),
  /** Which attempt this job is (1 = the first): a job of an attempt already made does nothing. */
  attempt: z.number().int().min(1),
});

/**
 * The delivery job of one attempt. Failed attempts are not retried by pg-boss: the handler records the
 * answer and enqueues the next attempt itself, so the log can show when it will run. pg-boss's own
 * retries only cover a handler that could not record anything (a database outage, a killed worker).
 */
export const deliverWebhookJob = defineJob({
  name: "webhook.deliver",
  payload: deliverWebhookPayload,
  retryLimit: 3,
  retryDelay: 30,
  retryBackoff: true,
  batchSize: 10,
  // A delivery takes at most the 10 s timeout plus a DNS lookup; a dead worker's jobs return soon.
  expireInSeconds: 60,
  handler: async () => {
    throw new Error("webhook.deliver is handled by the worker's createWebhookJobs()");
  },
});

// A pg-boss instance that never connects: it only builds pg-boss's insert, which runs on the
// connection of the caller's transaction. Call sites of events (a case, an acceptance) hold a
// transaction but not the process's queue; this keeps their one line free of it and the job atomic
// with the change that caused it.
const transactionalSender = new PgBoss({
  schema: QUEUE_SCHEMA,
  db: {
    executeSql: async () => {
      throw new Error("webhook jobs are only enqueued through a transaction");
    },
  },
});

/** Enqueues attempt `attempt` of a delivery in the caller's transaction, after `delaySeconds`. */
export async function enqueueWebhookAttempt(
  tx: ScopedTx,
  payload: z.infer<typeof deliverWebhookPayload>,
  delaySeconds = 0,
): Promise<void> {
  await transactionalSender.send(deliverWebhookJob.name, deliverWebhookPayload.parse(payload), {
    ...(delaySeconds > 0 ? { startAfter: delaySeconds } : {}),
    db: { executeSql: (text: string, values: unknown[]) => tx.client.query(text, values) },
  });
}

/**
 * Adds what a management system keys on: the grant and person of a grantee, and the firm's external
 * ids of the file and person. Answers null when a grantee named is not active (no `grantee.activated`
 * for a grantee who stays locked).
 */
async function completeData(tx: ScopedTx, firmId: string, type: WebhookEventType, data: WebhookEventData) {
  const out: Record<string, unknown> = { ...data };
  if (data.granteeId) {
    const [grantee] = await tx.db
      .select({ grantId: grantees.grantId, personId: grantees.personId, status: grantees.status })
      .from(grantees)
      .where(and(eq(grantees.firmId, firmId), eq(grantees.id, data.granteeId)));
    if (type === "grantee.activated" && grantee?.status !== "active") return null;
    out.grantId = grantee?.grantId ?? null;
    out.personId = data.personId ?? grantee?.personId ?? null;
  }
  if (data.clientFileId) {
    const [file] = await tx.db
      .select({ externalId: clientFiles.externalId })
      .from(clientFiles)
      .where(and(eq(clientFiles.firmId, firmId), eq(clientFiles.id, data.clientFileId)));
    out.clientFileExternalId = file?.externalId ?? null;
  }
  const personId = out.personId as string | null | undefined;
  if (personId) {
    const [person] = await tx.db
      .select({ externalId: persons.externalId })
      .from(persons)
      .where(and(eq(persons.firmId, firmId), eq(persons.id, personId)));
    out.personExternalId = person?.externalId ?? null;
  }
  return out;
}

/**
 * Records events (one per type given) for every active endpoint of the firm that wants them: a
 * delivery row and its job each, in the caller's transaction, so a rolled-back change sends nothing.
 * Costs one indexed query when no endpoint listens.
 */
export async function recordWebhookEvent(
  tx: ScopedTx,
  types: WebhookEventType | readonly WebhookEventType[],
  data: WebhookEventData,
  at: Date,
): Promise<void> {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("recordWebhookEvent needs a firm scope");
  const wanted = typeof types === "string" ? [types] : [...types];
  if (wanted.length === 0) return;
  const endpoints = await tx.db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.firmId, firmId),
        eq(webhookEndpoints.active, true),
        arrayOverlaps(webhookEndpoints.events, wanted),
      ),
    );
  if (endpoints.length === 0) return;
  for (const type of wanted) {
    const listening = endpoints.filter((e) => e.events.includes(type)).map((e) => e.id);
    if (listening.length === 0) continue;
    const complete = await completeData(tx, firmId, type, data);
    if (!complete) continue;
    const payload: WebhookPayload = {
      id: newId(at.getTime()),
      type,
      firmId,
      occurredAt: at.toISOString(),
      data: complete,
    };
    await insertDeliveries(tx, firmId, listening, payload, at);
  }
}

/** Writes one pending delivery of `payload` per endpoint and enqueues each one's first attempt. */
export async function insertDeliveries(
  tx: ScopedTx,
  firmId: string,
  endpointIds: readonly string[],
  payload: WebhookPayload,
  at: Date,
  resentFrom: string | null = null,
): Promise<string[]> {
  // Ids from the wall clock, not the request's: they order the log when two share an instant.
  const rows = endpointIds.map((endpointId) => ({
    firmId,
    id: newId(),
    endpointId,
    eventId: payload.id,
    eventType: payload.type,
    payload,
    status: "pending",
    createdAt: at,
    nextAttemptAt: at,
    resentFrom,
  }));
  await tx.db.insert(webhookDeliveries).values(rows);
  for (const row of rows) await enqueueWebhookAttempt(tx, { firmId, deliveryId: row.id, attempt: 1 });
  return rows.map((r) => r.id);
}

/** The events of a case a client opens: always `case.created`, plus a claim's and an upload's own. */
export function openedCaseEvents(kind: string, attachments: number): WebhookEventType[] {
  const types: WebhookEventType[] = ["case.created"];
  if (kind === "claim_report") types.push("claim.reported");
  if (attachments > 0) types.push("upload.received");
  return types;
}
