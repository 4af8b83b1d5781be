import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.tables.js";
import { documents } from "./documents.tables.js";

/**
 * Which version of a shared document a portal account has opened, downloaded or marked as read
 * (PORTAL-4's mailbox). A document counts as unread for the account while it has no row here, or while
 * its current version is newer than `version`: a new version is news again. Staff previews never write
 * here; deleting the account or the document removes its rows.
 */
export const documentReads = pgTable(
  "document_reads",
  {
    firmId: uuid("firm_id").notNull(),
    documentId: uuid("document_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The newest version the account has read. */
    version: integer("version").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.documentId, t.userId] }),
    foreignKey({
      columns: [t.firmId, t.documentId],
      foreignColumns: [documents.firmId, documents.id],
    }).onDelete("cascade"),
    // An account's rows, for erasing or exporting them across a firm.
    index("document_reads_user_idx").on(t.userId),
  ],
);
