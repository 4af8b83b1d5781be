import { sql } from "drizzle-orm";
import { check, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A firm's API key (API-1) for its management system. Only the SHA-256 of the secret is kept: the
 * secret has 256 random bits, so a fast hash is as safe as a slow one and costs nothing per request.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    scopes: text("scopes").array().notNull(),
    /** The start of the key as shown to recognise it (no part of the secret). */
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdBy: text("created_by").notNull(),
    createdByName: text("created_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by"),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    check("api_keys_scopes_check", sql`${t.scopes} <@ array['read', 'write', 'import']::text[]`),
  ],
);
