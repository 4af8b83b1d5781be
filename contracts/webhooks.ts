import { z } from "zod";

/** The events a webhook can subscribe to (API-1). */
export const webhookEventTypes = [
  "invitation.accepted",
  "grantee.activated",
  "claim.reported",
  "case.created",
  "message.received",
  "document.confirmed",
  "upload.received",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Where one delivery stands. */
export const webhookDeliveryStatuses = ["pending", "delivered", "retrying", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** A registered endpoint as the API shows it: never its secret, only the secret's first characters. */
export const webhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  active: z.boolean(),
  secretHint: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  secretRotatedAt: z.string().nullable(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** The answer of creating an endpoint or rotating its secret: the secret, shown this once. */
export const webhookEndpointWithSecretSchema = webhookEndpointSchema.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecretSchema>;

/** GET /api/settings/webhooks — the firm's endpoints. */
export const webhookEndpointListSchema = z.object({ endpoints: z.array(webhookEndpointSchema) });
export type WebhookEndpointList = z.infer<typeof webhookEndpointListSchema>;

/** POST /api/settings/webhooks — registers an endpoint; the server checks the URL and names the field. */
export const createWebhookEndpointSchema = z
  .object({
    url: z.string().trim().min(1).max(2000),
    description: z.string().trim().max(200).optional(),
    events: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length),
    active: z.boolean().optional(),
  })
  .strict();
export type CreateWebhookEndpoint = z.infer<typeof createWebhookEndpointSchema>;

/** PATCH /api/settings/webhooks/:endpointId — changes what is given. */
export const updateWebhookEndpointSchema = z
  .object({
    url: z.string().trim().min(1).max(2000).optional(),
    description: z.string().trim().max(200).optional(),
    events: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateWebhookEndpoint = z.infer<typeof updateWebhookEndpointSchema>;

/** The path of one endpoint. */
export const webhookEndpointParamsSchema = z.object({ endpointId: z.uuid() }).strict();

/** The path of one delivery of one endpoint. */
export const webhookDeliveryParamsSchema = z.object({ endpointId: z.uuid(), deliveryId: z.uuid() }).strict();

/** One delivery in an endpoint's log. */
export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastResponse: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  resentFrom: z.uuid().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** GET /api/settings/webhooks/:endpointId/deliveries — the newest deliveries first. */
export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });
export type WebhookDeliveryList = z.infer<typeof webhookDeliveryListSchema>;

/** The query of the delivery log: how many (newest first). */
export const webhookDeliveryQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(200).optional() })
  .strict();
