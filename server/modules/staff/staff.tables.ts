import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** An admin's invitation of a new staff member; the emailed link carries a one-time token. */
export const staffInvitations = pgTable(
  "staff_invitations",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    language: text("language").notNull(),
    invitedBy: text("invited_by").notNull(),
    status: text("status").notNull().default("pending"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: text("accepted_user_id"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    index("staff_invitations_email_idx").on(t.firmId, t.email),
    check("staff_invitations_role_check", sql`${t.role} in ('admin', 'advisor', 'assistant')`),
    check(
      "staff_invitations_status_check",
      sql`${t.status} in ('pending', 'accepted', 'revoked', 'expired')`,
    ),
  ],
);
