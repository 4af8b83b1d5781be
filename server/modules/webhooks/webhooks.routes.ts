import { z } from "zod";
import {
  createWebhookEndpointSchema,
  updateWebhookEndpointSchema,
  webhookDeliveryListSchema,
  webhookDeliveryParamsSchema,
  webhookDeliveryQuerySchema,
  webhookDeliverySchema,
  webhookEndpointListSchema,
  webhookEndpointParamsSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
} from "../../../contracts/webhooks.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhookEndpoint,
  type WebhookSettings,
} from "./webhooks.service.js";

const tags = ["webhooks"];
const base = "/api/settings/webhooks";

/** API-1: the firm's webhook endpoints, their delivery log, resend and test (admins). */
export async function webhooksRoutes(app: App, deps: AppDeps): Promise<void> {
  const settings: WebhookSettings = {
    key: deps.webhookKey,
    requireHttps: deps.config.env === "production",
    refuseInternal: deps.config.webhookInternalHosts === "refuse",
  };

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "The firm's webhook endpoints (admins)",
        response: { 200: webhookEndpointListSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => listWebhookEndpoints(work)),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Register a webhook endpoint; its signing secret is answered this once (admins)",
        body: createWebhookEndpointSchema,
        response: { 201: webhookEndpointWithSecretSchema },
      },
    },
    async (request, reply) => {
      const created = await inStaffScope(deps, request, (work) =>
        createWebhookEndpoint(work, settings, request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    `${base}/:endpointId`,
    {
      schema: {
        tags,
        summary: "Change a webhook endpoint: URL, description, events, active or paused (admins)",
        params: webhookEndpointParamsSchema,
        body: updateWebhookEndpointSchema,
        response: { 200: webhookEndpointSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        updateWebhookEndpoint(work, settings, request.params.endpointId, request.body),
      ),
  );

  app.delete(
    `${base}/:endpointId`,
    {
      schema: {
        tags,
        summary: "Delete a webhook endpoint and its delivery log (admins)",
        params: webhookEndpointParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inStaffScope(deps, request, (work) => deleteWebhookEndpoint(work, request.params.endpointId));
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/:endpointId/rotate-secret`,
    {
      schema: {
        tags,
        summary: "Replace the endpoint's signing secret; the new one is answered this once (admins)",
        params: webhookEndpointParamsSchema,
        response: { 200: webhookEndpointWithSecretSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        rotateWebhookSecret(work, settings.key, request.params.endpointId),
      ),
  );

  app.get(
    `${base}/:endpointId/deliveries`,
    {
      schema: {
        tags,
        summary: "The endpoint's delivery log, newest first (admins)",
        params: webhookEndpointParamsSchema,
        querystring: webhookDeliveryQuerySchema,
        response: { 200: webhookDeliveryListSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        listWebhookDeliveries(work, request.params.endpointId, request.query.limit),
      ),
  );

  app.post(
    `${base}/:endpointId/deliveries/:deliveryId/resend`,
    {
      schema: {
        tags,
        summary: "Send a delivery's event again, as a new delivery with the same event id (admins)",
        params: webhookDeliveryParamsSchema,
        response: { 201: webhookDeliverySchema },
      },
    },
    async (request, reply) => {
      const { endpointId, deliveryId } = request.params;
      const delivery = await inStaffScope(deps, request, (work) =>
        resendWebhookDelivery(work, endpointId, deliveryId),
      );
      return reply.code(201).send(delivery);
    },
  );

  app.post(
    `${base}/:endpointId/test`,
    {
      schema: {
        tags,
        summary: "Send a webhook.test event to the endpoint (admins)",
        params: webhookEndpointParamsSchema,
        response: { 201: webhookDeliverySchema },
      },
    },
    async (request, reply) => {
      const delivery = await inStaffScope(deps, request, (work) =>
        sendWebhookTest(work, request.params.endpointId),
      );
      return reply.code(201).send(delivery);
    },
  );
}
