import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { ClientFileFilter, ClientFileListQuery } from "../../../contracts/clients.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { visibleClientFilesCondition } from "../access/client-files.access.js";
import type { StaffActor } from "../access/staff.policy.js";
import { users } from "../identity/identity.tables.js";
import { clientFiles } from "./clients.tables.js";

/** Below this length a search matches the start of a word (name, number, email), not any infix. */
export const MIN_INFIX_SEARCH = 3;

/**
 * How many files, in list order from where the page starts, a search reads before it asks the
 * trigram index: a broad search ("gmbh", "m") fills its page from these at once; a narrow one, the
 * usual kind, then pays this small read (about a millisecond) on top of the index's answer.
 */
const SEARCH_WINDOW = 1000;

/** The sort key's column for each sort of the list. */
const sortColumns = {
  name: clientFiles.displayName,
  number: clientFiles.number,
  updated: clientFiles.updatedAt,
} as const;
type SortColumn = (typeof sortColumns)[keyof typeof sortColumns];
type SortDirection = ClientFileListQuery["dir"];

/** Where the previous page ended: its last row's sort value (as text) and id. */
export interface KeysetPosition {
  value: string;
  id: string;
}

/** The WHERE of the list and of "select all matching" apart from the search: firm, visibility, filters. */
export function listConditions(firmId: string, actor: StaffActor, filter: ClientFileFilter): SQL | undefined {
  const conditions: Array<SQL | undefined> = [
    eq(clientFiles.firmId, firmId),
    visibleClientFilesCondition(actor),
  ];
  if (filter.kind) conditions.push(eq(clientFiles.kind, filter.kind));
  if (filter.caseOwnerId) conditions.push(eq(clientFiles.caseOwnerId, filter.caseOwnerId));
  return and(...conditions);
}

/** Escapes LIKE's wildcards so a typed "%" or "_" matches itself. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A search: its LIKE patterns, and whether the trigram index can narrow them at all. */
interface Search {
  patterns: string[];
  /** pg_trgm builds trigrams from letters and digits only: "%%" or "--" would read the whole index. */
  indexable: boolean;
}

/**
 * The search in `q`, or null without one: an infix from three characters, and for shorter input the
 * start of any word (" kl" in "muster klara"). The trigram index serves both forms.
 */
function parseSearch(q: string | undefined): Search | null {
  const text = q?.trim();
  if (!text) return null;
  const escaped = escapeLike(text);
  return {
    patterns: text.length >= MIN_INFIX_SEARCH ? [`%${escaped}%`] : [`${escaped}%`, `% ${escaped}%`],
    indexable: /[\p{L}\p{N}]/u.test(text),
  };
}

/**
 * The patterns as a text[]. search_text is lower() of its parts, so lower() of the pattern in the same
 * database matches it exactly, and LIKE rechecks far faster than ILIKE.
 */
function patternArray(search: Search): SQL {
  const lowered = search.patterns.map((p) => sql`lower(${p})`);
  return sql`array[${sql.join(lowered, sql`, `)}]::text[]`;
}

/** The search as a condition on client_files rows (LIKE is rechecked on each row it is given). */
function matchesSearch(search: Search): SQL {
  return sql`${clientFiles.searchText} like any (${patternArray(search)})`;
}

/*
 * A search takes its candidates from one of two sources, each a set of client_files rows aliased as
 * "client_files", so listConditions, the visibility rule and the keyset apply to them unchanged.
 */

/**
 * Every file of the scope's firm whose search text matches, found through the trigram index. Under
 * row-level security the planner will not use that index for LIKE (not leakproof), so a narrow
 * SECURITY DEFINER function that filters on app.firm_id itself does the lookup (ADR 0005). It returns
 * only the columns the list's conditions and sorts read; a condition on another column needs it there.
 */
function indexedMatches(search: Search): SQL {
  return sql`client_file_search(${patternArray(search)}) as ${clientFiles}`;
}

/** The next `rows` files of the firm in list order, matching or not, read along the sort's index. */
function listWindow(
  firmId: string,
  after: SQL | undefined,
  column: SortColumn,
  dir: SortDirection,
  rows: number,
) {
  const order = dir === "asc" ? asc : desc;
  return sql`(select * from ${clientFiles} where ${and(eq(clientFiles.firmId, firmId), after)}
    order by ${order(column)}, ${order(clientFiles.id)} limit ${rows}) as ${clientFiles}`;
}

/** The condition "id is one of the first `count` ids of `source` satisfying `where`, in list order". */
function amongFirst(
  source: SQL,
  where: SQL | undefined,
  column: SortColumn,
  dir: SortDirection,
  count: number,
) {
  const order = dir === "asc" ? asc : desc;
  return sql`${clientFiles.id} in (select ${clientFiles.id} from ${source} where ${where ?? sql`true`}
    order by ${order(column)}, ${order(clientFiles.id)} limit ${count})`;
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
  const cast = query.sort === "updated" ? sql`timestamptz` : sql`text`;
  const comparison = query.dir === "asc" ? sql`>` : sql`<`;
  const afterCondition = after
    ? sql`(${column}, ${clientFiles.id}) ${comparison} (${after.value}::${cast}, ${after.id}::uuid)`
    : undefined;
  const conditions = and(listConditions(firmId, actor, query), afterCondition);
  const search = parseSearch(query.q);
  // With a search, sorting by an expression keeps the planner from walking the sort index and
  // filtering row by row, which could read most of the table; the rows are few or read in full anyway.
  const orderKey = !search
    ? column
    : query.sort === "updated"
      ? sql`(${column} + interval '0 s')`
      : sql`(${column} || '')`;
  const order = query.dir === "asc" ? asc : desc;
  const count = query.limit + 1;
  // The page itself is always read here: from the table, under row-level security, every condition.
  const page = (rows?: SQL) =>
    tx.db
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
      .where(and(conditions, rows))
      .orderBy(order(orderKey), order(clientFiles.id))
      .limit(count);
  if (!search) return page();

  // A broad search fills its page from the next files in list order: its first matches there are
  // its first matches overall. A narrow one asks the index for every match and sorts those.
  const window = listWindow(firmId, afterCondition, column, query.dir, SEARCH_WINDOW);
  const walked = await page(
    amongFirst(window, and(conditions, matchesSearch(search)), column, query.dir, count),
  );
  if (walked.length === count) return walked;
  if (!search.indexable) return page(matchesSearch(search));
  return page(amongFirst(indexedMatches(search), conditions, column, query.dir, count));
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
  const conditions = listConditions(firmId, actor, filter);
  const search = parseSearch(filter.q);
  if (search?.indexable) {
    // Up to `cap` ids straight from the search function's rows: they are the firm's by its own filter
    // and by listConditions' firm condition; reading each back from the table would double the cost.
    const { rows } = await tx.db.execute<{ id: string }>(
      sql`select ${clientFiles.id} from ${indexedMatches(search)} where ${conditions}
        order by ${clientFiles.displayName}, ${clientFiles.id} limit ${cap + 1}`,
    );
    return rows.map((r) => r.id);
  }
  const rows = await tx.db
    .select({ id: clientFiles.id })
    .from(clientFiles)
    .where(and(conditions, search ? matchesSearch(search) : undefined))
    // The same reason as in selectListPage for sorting by an expression when searching.
    .orderBy(
      asc(search ? sql`(${clientFiles.displayName} || '')` : clientFiles.displayName),
      asc(clientFiles.id),
    )
    .limit(cap + 1);
  return rows.map((r) => r.id);
}
