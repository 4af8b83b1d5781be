import { and, asc, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { ClientFileFilter, ClientFileListQuery } from "../../../contracts/clients.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { visibleClientFilesCondition } from "../access/client-files.access.js";
import type { StaffActor } from "../access/staff.policy.js";
import { users } from "../identity/identity.tables.js";
import { clientFiles } from "./clients.tables.js";

/** Below this length a search matches the start of a word (name, number, email), not any infix. */
export const MIN_INFIX_SEARCH = 3;

/** Escapes LIKE's wildcards so a typed "%" or "_" matches itself. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The WHERE of the list and of "select all matching": firm, visibility, filters, search. */
export function listConditions(firmId: string, actor: StaffActor, filter: ClientFileFilter): SQL | undefined {
  const conditions: Array<SQL | undefined> = [
    eq(clientFiles.firmId, firmId),
    visibleClientFilesCondition(actor),
  ];
  if (filter.kind) conditions.push(eq(clientFiles.kind, filter.kind));
  if (filter.caseOwnerId) conditions.push(eq(clientFiles.caseOwnerId, filter.caseOwnerId));
  const q = filter.q?.trim();
  if (q) {
    const escaped = escapeLike(q);
    // search_text is lower() of its parts, so lower() of the pattern in the same database matches it
    // exactly, and LIKE rechecks far faster than ILIKE. The trigram index serves both forms: an
    // infix from three characters, and for shorter input the start of any word (" kl" in "muster klara").
    conditions.push(
      q.length >= MIN_INFIX_SEARCH
        ? sql`${clientFiles.searchText} like lower(${`%${escaped}%`})`
        : or(
            sql`${clientFiles.searchText} like lower(${`${escaped}%`})`,
            sql`${clientFiles.searchText} like lower(${`% ${escaped}%`})`,
          ),
    );
  }
  return and(...conditions);
}

/** The sort key's column for each sort of the list. */
const sortColumns = {
  name: clientFiles.displayName,
  number: clientFiles.number,
  updated: clientFiles.updatedAt,
} as const;

/** Where the previous page ended: its last row's sort value (as text) and id. */
export interface KeysetPosition {
  value: string;
  id: string;
}

/**
 * One page of the list in keyset order: rows after `after` by (sort key, id), `limit + 1` rows so the
 * caller knows whether more follow. The sort key comes back as text, exact to the microsecond for
 * timestamps, so the next page starts precisely where this one stopped.
 */
export async function selectListPage(
  tx: ScopedTx,
  actor: StaffActor,
  query: ClientFileListQuery,
  after: KeysetPosition | null,
) {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("the client list needs a firm scope");
  const column = sortColumns[query.sort];
  // With a search, sorting by an expression keeps the planner from walking the sort index and
  // filtering row by row: matches of a name cluster in one stretch of the alphabet, so that walk can
  // read most of the table; collecting the matches from the trigram index and sorting them is bounded.
  const orderKey = query.q?.trim() && query.sort !== "updated" ? sql`(${column} || '')` : column;
  const cast = query.sort === "updated" ? sql`timestamptz` : sql`text`;
  const conditions = [listConditions(firmId, actor, query)];
  if (after) {
    const comparison = query.dir === "asc" ? sql`>` : sql`<`;
    conditions.push(
      sql`(${column}, ${clientFiles.id}) ${comparison} (${after.value}::${cast}, ${after.id}::uuid)`,
    );
  }
  const order = query.dir === "asc" ? asc : desc;
  return tx.db
    .select({
      id: clientFiles.id,
      kind: clientFiles.kind,
      displayName: clientFiles.displayName,
      number: clientFiles.number,
      externalId: clientFiles.externalId,
      caseOwnerId: clientFiles.caseOwnerId,
      caseOwnerName: users.name,
      updatedAt: clientFiles.updatedAt,
      sortValue: sql<string>`${column}::text`,
    })
    .from(clientFiles)
    .leftJoin(users, eq(users.id, clientFiles.caseOwnerId))
    .where(and(...conditions))
    .orderBy(order(orderKey), order(clientFiles.id))
    .limit(query.limit + 1);
}

/** The ids of every file matching the filter, by name, at most `cap + 1` (to tell "more" apart). */
export async function selectMatchingIds(
  tx: ScopedTx,
  actor: StaffActor,
  filter: ClientFileFilter,
  cap: number,
) {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("the client list needs a firm scope");
  const rows = await tx.db
    .select({ id: clientFiles.id })
    .from(clientFiles)
    .where(listConditions(firmId, actor, filter))
    // The same reason as in selectListPage for sorting by an expression when searching.
    .orderBy(
      asc(filter.q?.trim() ? sql`(${clientFiles.displayName} || '')` : clientFiles.displayName),
      asc(clientFiles.id),
    )
    .limit(cap + 1);
  return rows.map((r) => r.id);
}
