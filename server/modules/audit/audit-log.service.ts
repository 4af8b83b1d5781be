import type {
  AuditActor,
  AuditPage,
  FileHistoryQuery,
  FirmAuditFilter,
  FirmAuditQuery,
} from "../../../contracts/audit.js";
import type { Language } from "../../../contracts/common.js";
import type { AppDeps } from "../../deps.js";
import { inFirm } from "../../platform/db/scope.js";
import { invalidField } from "../../platform/errors.js";
import { translate } from "../../platform/i18n/translate.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import { assertStaffCan } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { auditCsvLine, csvColumns, csvLine, decodeCursor, presentAuditPage } from "./audit.presenter.js";
import { type AuditCursor, type AuditFilter, selectAuditEvents, selectFirmStaff } from "./audit.queries.js";
import { recordAudit } from "./audit.service.js";

/** AUDIT-1: one client file's history, newest first, for whoever may read the file. */
export async function readFileHistory(
  work: StaffWork,
  fileId: string,
  query: FileHistoryQuery,
): Promise<AuditPage> {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const rows = await selectAuditEvents(
    work.tx,
    work.actor.staff.firmId,
    { clientFileId: fileId, actionPrefix: query.action },
    decodeCursor(query.cursor),
    query.limit,
  );
  return presentAuditPage(rows, query.limit);
}

function firmFilter(query: FirmAuditFilter): AuditFilter {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && to <= from) throw invalidField("to", "audit.range_invalid");
  return {
    actionPrefix: query.action,
    actorUserId: query.actorUserId,
    clientFileId: query.clientFileId,
    from,
    to,
  };
}

/** AUDIT-1: the firm-wide log for admins, filtered, newest first. */
export async function readFirmLog(work: StaffWork, query: FirmAuditQuery): Promise<AuditPage> {
  assertStaffCan(work.actor, "audit.read_firm");
  const rows = await selectAuditEvents(
    work.tx,
    work.actor.staff.firmId,
    firmFilter(query),
    decodeCursor(query.cursor),
    query.limit,
  );
  return presentAuditPage(rows, query.limit);
}

/** The firm's staff, to filter the log by who acted (admins). */
export async function listAuditActors(work: StaffWork): Promise<AuditActor[]> {
  assertStaffCan(work.actor, "audit.read_firm");
  return selectFirmStaff(work.tx, work.actor.staff.firmId);
}

const EXPORT_BATCH = 1000;

/** AUDIT-1: checks and records an export of the firm log (admins); the export itself is audited too. */
export async function startFirmLogExport(work: StaffWork, query: FirmAuditFilter): Promise<AuditFilter> {
  assertStaffCan(work.actor, "audit.read_firm");
  const filter = firmFilter(query);
  await recordAudit(work.tx, work.audit, {
    action: "audit_log.export",
    entityType: "audit_log",
    before: null,
    after: { filter: query },
  });
  return filter;
}

/**
 * The firm log as CSV lines (header first), read in batches of short transactions so a large export
 * holds no connection for long.
 */
export async function* streamFirmLog(
  deps: AppDeps,
  firmId: string,
  filter: AuditFilter,
  language: Language,
): AsyncGenerator<string> {
  // The byte order mark makes spreadsheet programs read the file as UTF-8.
  yield `\uFEFF${csvLine(csvColumns.map((key) => translate(language, key)))}`;
  let after: AuditCursor | undefined;
  for (;;) {
    const rows = await inFirm(deps.database, firmId, (tx) =>
      selectAuditEvents(tx, firmId, filter, after, EXPORT_BATCH),
    );
    const batch = rows.slice(0, EXPORT_BATCH);
    if (batch.length > 0) yield batch.map(auditCsvLine).join("");
    const last = batch[batch.length - 1];
    if (rows.length <= EXPORT_BATCH || !last) return;
    after = { atMicros: last.atMicros, seq: String(last.seq) };
  }
}
