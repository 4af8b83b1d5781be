import { and, asc, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { clientFiles } from "../clients/clients.tables.js";
import { staffMembers } from "../firms/firms.tables.js";
import { users } from "../identity/identity.tables.js";
import { auditEvents } from "./audit.tables.js";

/** A position in the log, newest first: the event's time in microseconds since the epoch and its seq. */
export interface AuditCursor {
  atMicros: string;
  seq: string;
}

/** Which events a read wants; every field narrows, none widens. */
export interface AuditFilter {
  clientFileId?: string;
  actionPrefix?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  /** A further condition a caller states (the account's own events, decided in access). */
  also?: SQL;
}

/** Matches an action prefix literally: "_" and "%" in action names are not wildcards. */
function actionStartsWith(prefix: string): SQL {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${auditEvents.action} like ${`${escaped}%`}`;
}

function conditions(firmId: string, filter: AuditFilter, after: AuditCursor | undefined): SQL | undefined {
  return and(
    eq(auditEvents.firmId, firmId),
    filter.clientFileId ? eq(auditEvents.clientFileId, filter.clientFileId) : undefined,
    filter.actionPrefix ? actionStartsWith(filter.actionPrefix) : undefined,
    filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
    filter.from ? gte(auditEvents.at, filter.from) : undefined,
    filter.to ? lt(auditEvents.at, filter.to) : undefined,
    filter.also,
    // Exact to the microsecond (a JavaScript Date would round), so no event is skipped or repeated.
    after
      ? sql`(${auditEvents.at}, ${auditEvents.seq}) < (timestamptz 'epoch' + ${after.atMicros}::bigint * interval '1 microsecond', ${after.seq}::bigint)`
      : undefined,
  );
}

/**
 * One page of the firm's events, newest first, with the file each belongs to. Reads `limit + 1` rows
 * so the caller knows whether more follow; the (firm, file, at, seq) and (firm, at, seq) indexes serve it.
 */
export function selectAuditEvents(
  tx: ScopedTx,
  firmId: string,
  filter: AuditFilter,
  after: AuditCursor | undefined,
  limit: number,
) {
  return tx.db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      atMicros: sql<string>`(extract(epoch from ${auditEvents.at}) * 1000000)::bigint::text`,
      seq: auditEvents.seq,
      actorUserId: auditEvents.actorUserId,
      actorName: sql<string | null>`coalesce(${auditEvents.actorName}, ${users.name})`,
      actorKind: auditEvents.actorKind,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      clientFileId: auditEvents.clientFileId,
      clientFileName: clientFiles.displayName,
      clientFileNumber: clientFiles.number,
      before: auditEvents.before,
      after: auditEvents.after,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(
      clientFiles,
      and(eq(clientFiles.firmId, auditEvents.firmId), eq(clientFiles.id, auditEvents.clientFileId)),
    )
    .where(conditions(firmId, filter, after))
    .orderBy(desc(auditEvents.at), desc(auditEvents.seq))
    .limit(limit + 1);
}

/** A row of `selectAuditEvents`. */
export type AuditEventRow = Awaited<ReturnType<typeof selectAuditEvents>>[number];

/** The firm's staff members (also deactivated ones: their past actions stay in the log). */
export function selectFirmStaff(tx: ScopedTx, firmId: string) {
  return tx.db
    .select({ userId: staffMembers.userId, name: users.name, active: staffMembers.active })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(eq(staffMembers.firmId, firmId))
    .orderBy(asc(users.name));
}
