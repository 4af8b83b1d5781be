import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One CSV import (FILE-5): its options, progress and per-row errors; the work runs as a job. */
export const importRuns = pgTable(
  "import_runs",
  {
    firmId: uuid("firm_id").notNull(),
    id: uuid("id").notNull(),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("previewed"),
    fileName: text("file_name").notNull(),
    storageKey: text("storage_key").notNull(),
    options: jsonb("options").notNull(),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    createdRows: integer("created_rows").notNull().default(0),
    updatedRows: integer("updated_rows").notNull().default(0),
    unchangedRows: integer("unchanged_rows").notNull().default(0),
    errorRows: integer("error_rows").notNull().default(0),
    /** The first errors (row, column, reason); all of them are counted in error_rows. */
    errors: jsonb("errors").notNull().default([]),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    check("import_runs_kind_check", sql`${t.kind} in ('client_files', 'persons', 'contracts')`),
    check("import_runs_status_check", sql`${t.status} in ('previewed', 'running', 'done', 'failed')`),
  ],
);
