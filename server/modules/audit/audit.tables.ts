import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * AUDIT-1: one row per recorded event — who (account or system), in which firm and file, did what to
 * which entity, with the state before and after, when, from where. Rows are only ever inserted.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorUserId: text("actor_user_id"),
    actorName: text("actor_name"),
    actorKind: text("actor_kind").notNull(),
    clientFileId: uuid("client_file_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** Ordering within the same millisecond, for stable pagination. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("audit_events_firm_idx").on(t.firmId, t.at, t.seq),
    index("audit_events_file_idx").on(t.firmId, t.clientFileId, t.at, t.seq),
  ],
);
