import {
  type ClientFileFilter,
  type ClientFileKind,
  type ClientFileListQuery,
  type ClientFilePage,
  type ClientFileSelection,
  SELECT_ALL_LIMIT,
} from "../../../contracts/clients.js";
import { invalidField } from "../../platform/errors.js";
import type { StaffWork } from "../access/staff-scope.js";
import { type KeysetPosition, selectListPage, selectMatchingIds } from "./client-list.queries.js";

interface CursorContent extends KeysetPosition {
  sort: ClientFileListQuery["sort"];
  dir: ClientFileListQuery["dir"];
}

// How PostgreSQL prints a timestamptz as text (DateStyle ISO): "2024-01-01 10:00:00.123456+00".
const timestampText = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opaque cursor of a page's end: the sort it belongs to and the last row's key. */
export function encodeCursor(content: CursorContent): string {
  return Buffer.from(JSON.stringify([content.sort, content.dir, content.value, content.id])).toString(
    "base64url",
  );
}

/** Reads a cursor back; a cursor that is damaged or from another sort is `invalid` naming `cursor`. */
export function decodeCursor(cursor: string, query: ClientFileListQuery): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 4) {
      const [sort, dir, value, id] = parsed as unknown[];
      const fits =
        sort === query.sort &&
        dir === query.dir &&
        typeof value === "string" &&
        typeof id === "string" &&
        uuidShape.test(id) &&
        (sort !== "updated" || timestampText.test(value));
      if (fits) return { value: value as string, id: id as string };
    }
  } catch {
    // Falls through to the same answer as any other unusable cursor.
  }
  throw invalidField("cursor", "clients.cursor_invalid");
}

/**
 * One page of the client list (FILE-1): search, filters and sort on the server, keyset pagination so
 * a deep page costs what the first does; `hasMore` instead of an exact total, which would cost a
 * count over every matching file.
 */
export async function listClientFiles(work: StaffWork, query: ClientFileListQuery): Promise<ClientFilePage> {
  const after = query.cursor ? decodeCursor(query.cursor, query) : null;
  const rows = await selectListPage(work.tx, work.actor, query, after);
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind as ClientFileKind,
      displayName: r.displayName,
      number: r.number,
      externalId: r.externalId,
      caseOwner: { userId: r.caseOwnerId, name: r.caseOwnerName ?? r.caseOwnerId },
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor:
      hasMore && last
        ? encodeCursor({ sort: query.sort, dir: query.dir, value: last.sortValue, id: last.id })
        : null,
    hasMore,
  };
}

/** "Select all matching": the ids of every file the filter finds, up to SELECT_ALL_LIMIT. */
export async function selectAllMatching(
  work: StaffWork,
  filter: ClientFileFilter,
): Promise<ClientFileSelection> {
  const ids = await selectMatchingIds(work.tx, work.actor, filter, SELECT_ALL_LIMIT);
  const truncated = ids.length > SELECT_ALL_LIMIT;
  return { ids: truncated ? ids.slice(0, SELECT_ALL_LIMIT) : ids, truncated };
}
