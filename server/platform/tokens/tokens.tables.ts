import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Single-use tokens behind emailed links (staff invitations now, client invitations and resets later).
 * Only the SHA-256 of a token is stored (SEC-5). A link is opened before anyone knows the firm, so a
 * row is also visible to a transaction that set `app.token_hash` to its hash — and to nothing else.
 */
export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    purpose: text("purpose").notNull(),
    /** What the token acts on, e.g. the staff invitation's id. */
    subjectId: uuid("subject_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("one_time_tokens_hash_idx").on(t.tokenHash),
    index("one_time_tokens_subject_idx").on(t.firmId, t.purpose, t.subjectId),
    check(
      "one_time_tokens_purpose_check",
      sql`${t.purpose} in ('staff_invitation', 'client_invitation', 'password_reset')`,
    ),
  ],
);
