import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * A URL a firm's admin registered to hear about events (API-1). The signing secret is stored sealed
 * (AES-256-GCM under a key derived from the installation's secret): it must be usable for signing, so
 * it cannot be hashed, and it is never stored or logged readable.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: text("events").array().notNull(),
    active: boolean("active").notNull().default(true),
    secretSealed: text("secret_sealed").notNull(),
    /** The secret's first characters, so an admin can tell which secret a receiver holds. */
    secretHint: text("secret_hint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    secretRotatedAt: timestamp("secret_rotated_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    // recordWebhookEvent's lookup: the firm's active endpoints.
    index("webhook_endpoints_active_idx").on(t.firmId).where(sql`${t.active} = true`),
  ],
);

/**
 * One event on its way to one endpoint: the body it carries (fixed at the event, so every attempt and
 * the receiver's de-duplication see the same one), and where its delivery stands.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    endpointId: uuid("endpoint_id").notNull(),
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    /** The start of the receiver's answer, or what prevented one (timeout, refused address). */
    lastResponse: text("last_response"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** The delivery this one resends, if any. */
    resentFrom: uuid("resent_from"),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({
      columns: [t.firmId, t.endpointId],
      foreignColumns: [webhookEndpoints.firmId, webhookEndpoints.id],
    }).onDelete("cascade"),
    index("webhook_deliveries_endpoint_idx").on(t.firmId, t.endpointId, t.createdAt),
    check(
      "webhook_deliveries_status_check",
      sql`${t.status} in ('pending', 'delivered', 'retrying', 'failed')`,
    ),
  ],
);
