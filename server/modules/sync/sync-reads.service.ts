import type { SyncChangesQuery, SyncKind } from "../../../contracts/sync.js";
import { AppError, invalidField } from "../../platform/errors.js";
import type { ApiKeyWork } from "../api-keys/api-key-scope.js";
import { findByExternalId, listChangedAfter } from "./sync.queries.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const atPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A cursor is the position after the last record seen: its change time (to the microsecond) and id. */
function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at = "", id = "", extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (extra !== undefined || !atPattern.test(at) || !uuidPattern.test(id)) {
    throw invalidField("cursor", "sync.cursor_invalid");
  }
  return { at, id };
}

/** GET /api/sync/v1/<kind>/<externalId>: one record of the key's firm, else 404. */
export async function getRecord(work: ApiKeyWork, kind: SyncKind, externalId: string) {
  const record = await findByExternalId(work.tx, kind, externalId);
  if (!record) throw new AppError("not_found");
  return record;
}

/**
 * GET /api/sync/v1/<kind>: what changed after the cursor (or since a time), oldest first. The answer's
 * cursor continues after its last record, so a system that keeps it misses nothing and sees nothing twice.
 */
export async function listChanges(work: ApiKeyWork, kind: SyncKind, query: SyncChangesQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : query.since ? { since: query.since } : null;
  const rows = await listChangedAfter(work.tx, kind, after, query.limit);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: last ? encodeCursor(String(last.updatedAt), String(last.id)) : (query.cursor ?? null),
    hasMore: rows.length > query.limit,
  };
}
