import { and, desc, eq } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { webhookDeliveries, webhookEndpoints } from "./webhooks.tables.js";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** The firm's endpoints, oldest first. */
export function listEndpoints(tx: ScopedTx, firmId: string): Promise<WebhookEndpointRow[]> {
  return tx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.firmId, firmId))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

/** One endpoint of the firm, or null. */
export async function findEndpoint(
  tx: ScopedTx,
  firmId: string,
  id: string,
): Promise<WebhookEndpointRow | null> {
  const [row] = await tx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.firmId, firmId), eq(webhookEndpoints.id, id)));
  return row ?? null;
}

/** Changes an endpoint; answers the changed row. */
export async function updateEndpoint(
  tx: ScopedTx,
  firmId: string,
  id: string,
  values: Partial<typeof webhookEndpoints.$inferInsert>,
): Promise<WebhookEndpointRow | null> {
  const [row] = await tx.db
    .update(webhookEndpoints)
    .set(values)
    .where(and(eq(webhookEndpoints.firmId, firmId), eq(webhookEndpoints.id, id)))
    .returning();
  return row ?? null;
}

/** Deletes an endpoint with its delivery log. */
export async function deleteEndpoint(tx: ScopedTx, firmId: string, id: string): Promise<void> {
  await tx.db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.firmId, firmId), eq(webhookEndpoints.id, id)));
}

/** An endpoint's deliveries, newest first. */
export function listDeliveries(
  tx: ScopedTx,
  firmId: string,
  endpointId: string,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  return tx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.firmId, firmId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** One delivery of one endpoint, or null. */
export async function findDelivery(
  tx: ScopedTx,
  firmId: string,
  endpointId: string,
  id: string,
): Promise<WebhookDeliveryRow | null> {
  const [row] = await tx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.firmId, firmId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.id, id),
      ),
    );
  return row ?? null;
}
