import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../identity/identity.tables.js";

/** The tenant. Its key is called firm_id like everywhere else, so one isolation rule covers it too. */
export const firms = pgTable("firms", {
  firmId: uuid("firm_id").primaryKey(),
  name: text("name").notNull(),
  defaultLanguage: text("default_language").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A staff member of a firm: links a global account to the firm with a role. */
export const staffMembers = pgTable(
  "staff_members",
  {
    firmId: uuid("firm_id")
      .notNull()
      .references(() => firms.firmId),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.userId] }),
    index("staff_members_user_idx").on(t.userId),
    check("staff_members_role_check", sql`${t.role} in ('admin', 'advisor', 'assistant')`),
  ],
);

/**
 * One row once the first-run setup has happened. Global on purpose: "is this installation set up?"
 * must be answerable before any firm is known, and its primary key makes a second setup impossible.
 */
export const installation = pgTable(
  "installation",
  {
    id: integer("id").primaryKey().default(1),
    firstFirmId: uuid("first_firm_id").notNull(),
    setUpAt: timestamp("set_up_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("installation_singleton", sql`${t.id} = 1`)],
);
