import type { AuditEntry, AuditPage } from "../../../contracts/audit.js";
import { invalidField } from "../../platform/errors.js";
import type { AuditCursor, AuditEventRow } from "./audit.queries.js";

/** An opaque cursor for the position after `row`. */
export function encodeCursor(row: Pick<AuditEventRow, "atMicros" | "seq">): string {
  return Buffer.from(`${row.atMicros}.${row.seq}`).toString("base64url");
}

/** The position a cursor names; a cursor that was not ours is an `invalid` naming `cursor`. */
export function decodeCursor(cursor: string | undefined): AuditCursor | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  const match = /^(-?\d{1,20})\.(\d{1,20})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match?.[1] || !match[2]) throw invalidField("cursor", "audit.cursor_invalid");
  return { atMicros: match[1], seq: match[2] };
}

/** One event as the API shows it. */
export function presentAuditEntry(row: AuditEventRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { userId: row.actorUserId, name: row.actorName, kind: row.actorKind },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    clientFile: row.clientFileId
      ? { id: row.clientFileId, displayName: row.clientFileName, number: row.clientFileNumber }
      : null,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
    userAgent: row.userAgent,
  };
}

/** A page from `limit + 1` rows: the extra row only says that more follow. */
export function presentAuditPage(rows: AuditEventRow[], limit: number): AuditPage {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentAuditEntry),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

// A cell starting like a formula would run in a spreadsheet (CSV injection); a leading quote defuses it.
function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (CRLF-terminated, RFC 4180). */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** The CSV columns of the firm log export, as message keys (the header is in the reader's language). */
export const csvColumns = [
  "audit.csv.at",
  "audit.csv.actor",
  "audit.csv.actor_kind",
  "audit.csv.action",
  "audit.csv.entity_type",
  "audit.csv.entity_id",
  "audit.csv.client_file_number",
  "audit.csv.client_file",
  "audit.csv.before",
  "audit.csv.after",
  "audit.csv.ip",
  "audit.csv.user_agent",
] as const;

/** One event as a CSV line, in the order of `csvColumns`. */
export function auditCsvLine(row: AuditEventRow): string {
  return csvLine([
    row.at.toISOString(),
    row.actorName ?? row.actorUserId,
    row.actorKind,
    row.action,
    row.entityType,
    row.entityId,
    row.clientFileNumber,
    row.clientFileName,
    row.before,
    row.after,
    row.ip,
    row.userAgent,
  ]);
}
