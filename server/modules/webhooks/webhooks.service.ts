import { randomBytes } from "node:crypto";
import type {
  CreateWebhookEndpoint,
  UpdateWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
} from "../../../contracts/webhooks.js";
import { seal } from "../../platform/crypto.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { reachesInternalNetwork } from "../../platform/net/private-address.js";
import type { StaffWork } from "../access/staff-scope.js";
import { assertMayManageWebhooks } from "../access/webhooks.js";
import { recordAudit } from "../audit/audit.service.js";
import { insertDeliveries, type WebhookPayload } from "./webhooks.events.js";
import { auditedEndpoint, presentDelivery, presentEndpoint } from "./webhooks.presenter.js";
import {
  deleteEndpoint,
  findDelivery,
  findEndpoint,
  listDeliveries,
  listEndpoints,
  updateEndpoint,
} from "./webhooks.queries.js";
import { webhookEndpoints } from "./webhooks.tables.js";

/** What endpoint changes need from the process: the sealing key and the URL rules of the installation. */
export interface WebhookSettings {
  key: Buffer;
  /** Plain http only outside production. */
  requireHttps: boolean;
  refuseInternal: boolean;
}

const entityType = "webhook_endpoint";

function firmOf(work: StaffWork): string {
  return work.actor.staff.firmId;
}

/**
 * A URL as stored, or an `invalid` error naming `url`: http(s) only (https in production), no user
 * name or password in it, and — when the installation refuses them — no address inside its network.
 * (Checked again at each delivery: a name may be re-pointed later.)
 */
async function checkUrl(input: string, settings: WebhookSettings): Promise<string> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalidField("url", "webhooks.url_invalid");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw invalidField("url", "webhooks.url_invalid");
  if (url.protocol === "http:" && settings.requireHttps) throw invalidField("url", "webhooks.url_https");
  if (url.username || url.password) throw invalidField("url", "webhooks.url_credentials");
  url.hash = "";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (settings.refuseInternal && (await reachesInternalNetwork(host)))
    throw invalidField("url", "webhooks.url_internal");
  return url.toString();
}

/** A new signing secret: 192 random bits, prefixed so a leaked one is recognisable. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

async function requireEndpoint(work: StaffWork, id: string) {
  const row = await findEndpoint(work.tx, firmOf(work), id);
  if (!row) throw new AppError("not_found");
  return row;
}

/** API-1: the firm's webhook endpoints (admins). */
export async function listWebhookEndpoints(work: StaffWork): Promise<WebhookEndpointList> {
  assertMayManageWebhooks(work.actor);
  return { endpoints: (await listEndpoints(work.tx, firmOf(work))).map(presentEndpoint) };
}

/** API-1: registers an endpoint; its secret is answered this once and stored only sealed. */
export async function createWebhookEndpoint(
  work: StaffWork,
  settings: WebhookSettings,
  input: CreateWebhookEndpoint,
): Promise<WebhookEndpointWithSecret> {
  assertMayManageWebhooks(work.actor);
  const url = await checkUrl(input.url, settings);
  const secret = newSecret();
  const at = work.audit.at;
  const [row] = await work.tx.db
    .insert(webhookEndpoints)
    .values({
      firmId: firmOf(work),
      id: newId(at.getTime()),
      url,
      description: input.description ?? "",
      events: [...new Set(input.events)],
      active: input.active ?? true,
      secretSealed: seal(settings.key, secret),
      secretHint: secret.slice(0, 10),
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!row) throw new Error("webhook endpoint not stored");
  await recordAudit(work.tx, work.audit, {
    action: "webhook.create",
    entityType,
    entityId: row.id,
    after: auditedEndpoint(row),
  });
  return { ...presentEndpoint(row), secret };
}

/** API-1: changes an endpoint's URL, description, events or whether it is active (paused). */
export async function updateWebhookEndpoint(
  work: StaffWork,
  settings: WebhookSettings,
  id: string,
  input: UpdateWebhookEndpoint,
): Promise<WebhookEndpoint> {
  assertMayManageWebhooks(work.actor);
  const before = await requireEndpoint(work, id);
  const url = input.url === undefined ? before.url : await checkUrl(input.url, settings);
  const after = await updateEndpoint(work.tx, firmOf(work), id, {
    url,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.events === undefined ? {} : { events: [...new Set(input.events)] }),
    ...(input.active === undefined ? {} : { active: input.active }),
    updatedAt: work.audit.at,
  });
  if (!after) throw new AppError("not_found");
  await recordAudit(work.tx, work.audit, {
    action: "webhook.update",
    entityType,
    entityId: id,
    before: auditedEndpoint(before),
    after: auditedEndpoint(after),
  });
  return presentEndpoint(after);
}

/** API-1: deletes an endpoint with its delivery log; waiting attempts then find nothing to send. */
export async function deleteWebhookEndpoint(work: StaffWork, id: string): Promise<void> {
  assertMayManageWebhooks(work.actor);
  const before = await requireEndpoint(work, id);
  await deleteEndpoint(work.tx, firmOf(work), id);
  await recordAudit(work.tx, work.audit, {
    action: "webhook.delete",
    entityType,
    entityId: id,
    before: auditedEndpoint(before),
  });
}

/** API-1: replaces an endpoint's secret (answered this once); the next attempt signs with the new one. */
export async function rotateWebhookSecret(
  work: StaffWork,
  key: Buffer,
  id: string,
): Promise<WebhookEndpointWithSecret> {
  assertMayManageWebhooks(work.actor);
  await requireEndpoint(work, id);
  const secret = newSecret();
  const at = work.audit.at;
  const row = await updateEndpoint(work.tx, firmOf(work), id, {
    secretSealed: seal(key, secret),
    secretHint: secret.slice(0, 10),
    secretRotatedAt: at,
    updatedAt: at,
  });
  if (!row) throw new AppError("not_found");
  // The audit notes that it happened, never the secret.
  await recordAudit(work.tx, work.audit, {
    action: "webhook.rotate_secret",
    entityType,
    entityId: id,
    after: { secretRotatedAt: at.toISOString() },
  });
  return { ...presentEndpoint(row), secret };
}

/** API-1: an endpoint's delivery log, newest first. */
export async function listWebhookDeliveries(
  work: StaffWork,
  endpointId: string,
  limit = 50,
): Promise<WebhookDeliveryList> {
  assertMayManageWebhooks(work.actor);
  await requireEndpoint(work, endpointId);
  const rows = await listDeliveries(work.tx, firmOf(work), endpointId, limit);
  return { deliveries: rows.map(presentDelivery) };
}

async function deliverAgain(
  work: StaffWork,
  endpointId: string,
  payload: WebhookPayload,
  resentFrom: string | null,
): Promise<WebhookDelivery> {
  const firmId = firmOf(work);
  const [id] = await insertDeliveries(work.tx, firmId, [endpointId], payload, work.audit.at, resentFrom);
  const row = id ? await findDelivery(work.tx, firmId, endpointId, id) : null;
  if (!row) throw new Error("webhook delivery not stored");
  return presentDelivery(row);
}

/** API-1: sends a delivery's event again as a new delivery (same event id: receivers de-duplicate on it). */
export async function resendWebhookDelivery(
  work: StaffWork,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  assertMayManageWebhooks(work.actor);
  await requireEndpoint(work, endpointId);
  const original = await findDelivery(work.tx, firmOf(work), endpointId, deliveryId);
  if (!original) throw new AppError("not_found");
  const delivery = await deliverAgain(work, endpointId, original.payload as WebhookPayload, original.id);
  await recordAudit(work.tx, work.audit, {
    action: "webhook.resend",
    entityType,
    entityId: endpointId,
    after: { deliveryId: delivery.id, resentFrom: original.id, eventType: original.eventType },
  });
  return delivery;
}

/** API-1: sends a `webhook.test` event to one endpoint, so an admin sees the receiver answer. */
export async function sendWebhookTest(work: StaffWork, endpointId: string): Promise<WebhookDelivery> {
  assertMayManageWebhooks(work.actor);
  const endpoint = await requireEndpoint(work, endpointId);
  const at = work.audit.at;
  const payload: WebhookPayload = {
    id: newId(at.getTime()),
    type: "webhook.test",
    firmId: firmOf(work),
    occurredAt: at.toISOString(),
    data: { endpointId: endpoint.id },
  };
  const delivery = await deliverAgain(work, endpointId, payload, null);
  await recordAudit(work.tx, work.audit, {
    action: "webhook.test",
    entityType,
    entityId: endpointId,
    after: { deliveryId: delivery.id },
  });
  return delivery;
}
