import type { ScopedTx } from "../../platform/db/scope.js";
import { ownAuditEventsCondition } from "../access/account-data.js";
import { type AuditCursor, type AuditEventRow, selectAuditEvents } from "../audit/audit.queries.js";

/**
 * One page of the account's own events in the firm in scope, newest first (`limit + 1` rows, so the
 * caller knows whether more follow): what the account did, and what was done to its grantee entries.
 */
export function selectOwnAuditEvents(
  tx: ScopedTx,
  firmId: string,
  own: { accountId: string; granteeIds: readonly string[] },
  after: AuditCursor | undefined,
  limit: number,
) {
  return selectAuditEvents(
    tx,
    firmId,
    { also: ownAuditEventsCondition(own.accountId, own.granteeIds) },
    after,
    limit,
  );
}

/** A row of `selectOwnAuditEvents`. */
export type OwnAuditRow = AuditEventRow;
