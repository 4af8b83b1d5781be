import type { Language } from "../../../contracts/common.js";
import type { AccessLogEntry, AccessLogPage } from "../../../contracts/profile.js";
import type { AppDeps } from "../../deps.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { serverCatalogs } from "../../platform/i18n/messages.js";
import { translate } from "../../platform/i18n/translate.js";
import { decodeCursor, encodeCursor } from "../audit/audit.presenter.js";
import type { AuditCursor } from "../audit/audit.queries.js";
import { findAccountFirms, switchToFirm } from "../identity/account-firms.js";
import { type OwnAuditRow, selectOwnAuditEvents } from "./access-log.queries.js";
import { firmName, listOwnGrantees } from "./profile.queries.js";
import { describeUserAgent } from "./user-agent.js";

// The account's own access log (PORTAL-10). Audit rows live in each firm, under that firm's RLS; an
// account's log is the union of its own rows in every firm it belongs to, read firm by firm through
// the firm's own scope (no policy across firms is added): each firm answers one page of the account's
// rows, the pages are merged by time, and the cursor is the same (time, seq) position in every firm.

const DEFAULT_LIMIT = 30;

type Row = OwnAuditRow & { firmId: string; firmName: string };

function newerFirst(a: Row, b: Row): number {
  const at = BigInt(b.atMicros) - BigInt(a.atMicros);
  if (at !== 0n) return at > 0n ? 1 : -1;
  return b.seq - a.seq;
}

function labelOf(row: Row, language: Language): string {
  const key = `access_log.action.${row.action}`;
  if (!(key in serverCatalogs.en)) return translate(language, "access_log.other", { action: row.action });
  const after = (row.after ?? {}) as Record<string, unknown>;
  return translate(language, key, { name: typeof after.fileName === "string" ? after.fileName : "" });
}

/** One event as its account reads it; where from only for its own actions (others' addresses are theirs). */
function presentEntry(row: Row, accountId: string, language: Language): AccessLogEntry {
  const byYou = row.actorUserId === accountId;
  return {
    id: row.id,
    at: row.at.toISOString(),
    firm: { id: row.firmId, name: row.firmName },
    clientFile:
      row.clientFileId && row.clientFileName
        ? { id: row.clientFileId, displayName: row.clientFileName }
        : null,
    action: row.action,
    label: labelOf(row, language),
    byYou,
    actorName: byYou ? null : row.actorName,
    ipAddress: byYou ? row.ip : null,
    device: byYou ? describeUserAgent(row.userAgent, language) : null,
  };
}

/** Up to `limit + 1` of the account's own events across its firms, newest first, after `cursor`. */
export async function readOwnEvents(
  tx: ScopedTx,
  accountId: string,
  now: Date,
  after: AuditCursor | undefined,
  limit: number,
): Promise<Row[]> {
  const { all } = await findAccountFirms(tx, accountId, now);
  const own = await listOwnGrantees(tx, accountId, now);
  const rows: Row[] = [];
  for (const firmId of all) {
    const inFirm = await switchToFirm(tx, firmId);
    const granteeIds = own.filter((g) => g.firmId === firmId).map((g) => g.id);
    const page = await selectOwnAuditEvents(inFirm, firmId, { accountId, granteeIds }, after, limit);
    if (page.length === 0) continue;
    const name = await firmName(inFirm, firmId);
    for (const r of page) rows.push({ ...r, firmId, firmName: name });
  }
  return rows.sort(newerFirst).slice(0, limit + 1);
}

/** Every own event as its account reads it, newest first (for the export). */
export async function allOwnEvents(
  tx: ScopedTx,
  accountId: string,
  now: Date,
  language: Language,
): Promise<AccessLogEntry[]> {
  const rows = await readOwnEvents(tx, accountId, now, undefined, 100_000);
  return rows.map((r) => presentEntry(r, accountId, language));
}

/** One page of the signed-in account's own access log, in `language`, newest first. */
export async function ownAccessLog(
  deps: Pick<AppDeps, "database" | "clock">,
  accountId: string,
  query: { cursor?: string; limit?: number },
  language: Language,
): Promise<AccessLogPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor);
  const now = deps.clock.now();
  const rows = await inScope(deps.database, { userId: accountId }, (tx) =>
    readOwnEvents(tx, accountId, now, after, limit),
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => presentEntry(r, accountId, language)),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
