import {
  type CaseDetail,
  type CaseInbox,
  type CaseInboxQuery,
  staffCaseReplySchema,
  type UpdateCase,
} from "../../../contracts/cases.js";
import { AppError, invalidField } from "../../platform/errors.js";
import {
  caseReachesClient,
  portalShowsCaseKind,
  staffSeesCase,
  visibleCasesForStaff,
} from "../access/cases.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { parseBody } from "./cases.details.js";
import { auditedCase, presentCaseDetail, presentCaseSummary } from "./cases.presenter.js";
import {
  activeStaffAmong,
  type CaseRow,
  countInbox,
  findAttachment,
  findCase,
  type InboxFilter,
  listInbox,
  listThread,
  teamOfFile,
} from "./cases.queries.js";
import { addMessage, tellClients, tellStaff, touchCase } from "./cases.service.js";
import type { StoredAttachment } from "./cases.upload.js";

// The firm's inbox (CASE-1): every case a staff member may see (access/cases.ts), filtered and paged;
// replies reach the client's thread and the file's contacts hear about them (CASE-2).

const entityType = "case";
const defaultPageSize = 50;

/** The case if the staff member sees it; another firm's id, or a case they may not see, is 404. */
async function requireStaffCase(work: StaffWork, caseId: string): Promise<CaseRow> {
  const row = await findCase(work.tx, caseId);
  if (!row) throw new AppError("not_found");
  const teamUserIds =
    work.actor.staff.role === "admin" ? [] : await teamOfFile(work.tx, row.case.clientFileId);
  if (!staffSeesCase(work.actor, { caseOwnerId: row.caseOwnerId, teamUserIds }, row.case.assigneeUserId))
    throw new AppError("not_found");
  return row;
}

function encodeCursor(row: CaseRow): string {
  return Buffer.from(JSON.stringify({ at: row.cursorAt, id: row.case.id }), "utf8").toString("base64url");
}

// PostgreSQL's text of a timestamptz, e.g. "2026-11-26 12:00:00.123456+00".
const cursorInstant = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "at" in parsed &&
      "id" in parsed &&
      typeof parsed.at === "string" &&
      typeof parsed.id === "string" &&
      /^[0-9a-f-]{36}$/i.test(parsed.id) &&
      cursorInstant.test(parsed.at)
    )
      return { at: parsed.at, id: parsed.id };
  } catch {
    // Falls through to the same answer as any other unusable cursor.
  }
  throw invalidField("cursor", "field.type");
}

/** GET /api/cases: one page of the inbox, latest activity first, with counts by status. */
export async function listCaseInbox(work: StaffWork, query: CaseInboxQuery): Promise<CaseInbox> {
  const assignee =
    query.assignee === undefined || query.assignee === "all"
      ? null
      : query.assignee === "me"
        ? work.actor.user.id
        : query.assignee;
  const filter: InboxFilter = {
    query,
    assignee,
    visible: visibleCasesForStaff(work.actor),
    after: query.cursor ? decodeCursor(query.cursor) : null,
    limit: query.limit ?? defaultPageSize,
  };
  const rows = await listInbox(work.tx, filter);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentCaseSummary),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null,
    counts: await countInbox(work.tx, filter),
  };
}

/**
 * GET /api/cases/:id: the case and its thread, and whether a reply still reaches the client in the
 * portal; opening it marks the client's messages read.
 */
export async function getStaffCase(work: StaffWork, caseId: string): Promise<CaseDetail> {
  const row = await requireStaffCase(work, caseId);
  if (row.case.unreadForStaff) {
    await touchCase(work.tx, caseId, { unreadForStaff: false }, work.audit.at);
    row.case.unreadForStaff = false;
  }
  const reachable = await caseReachesClient(work.tx, row.case, work.audit.at);
  return presentCaseDetail(row, await listThread(work.tx, caseId), work.actor.user.id, reachable);
}

/** Before a reply's upload is read: 404 unless the staff member sees the case. */
export async function assertStaffSeesCase(work: StaffWork, caseId: string): Promise<string> {
  const row = await requireStaffCase(work, caseId);
  return row.case.firmId;
}

/**
 * POST /api/cases/:id/messages: a reply the client sees in the thread. The case waits for the client
 * unless another status is given; the file's contacts and whoever opened it hear about it.
 */
export async function replyToCase(
  work: StaffWork,
  caseId: string,
  body: unknown,
  files: readonly StoredAttachment[],
): Promise<CaseDetail> {
  const row = await requireStaffCase(work, caseId);
  const input = parseBody(staffCaseReplySchema, body);
  const at = work.audit.at;
  const author = { kind: "staff" as const, userId: work.actor.user.id, name: work.actor.user.name };
  const messageId = await addMessage(work.tx, caseId, author, input.body, files, at);
  const status = input.status ?? "waiting_for_client";
  await touchCase(
    work.tx,
    caseId,
    { status, unreadForClient: true, unreadForStaff: false, lastActivityAt: at },
    at,
  );
  await recordAudit(work.tx, work.audit, {
    action: "case.reply",
    entityType,
    entityId: caseId,
    clientFileId: row.case.clientFileId,
    before: { status: row.case.status },
    after: { status, messageId, attachments: files.length },
  });
  // A confirmation case's thread stays with the firm: nothing to tell the client about it.
  if (portalShowsCaseKind(row.case.kind))
    await tellClients(work.tx, {
      clientFileId: row.case.clientFileId,
      caseId,
      title: row.case.subject,
      openedBy: row.case.createdByAccountId,
      at,
    });
  return getStaffCase(work, caseId);
}

/** PATCH /api/cases/:id: a new status and/or assignee (an active staff member, or null for the admins). */
export async function updateCase(work: StaffWork, caseId: string, patch: UpdateCase): Promise<CaseDetail> {
  const row = await requireStaffCase(work, caseId);
  if (patch.status === undefined && patch.assigneeUserId === undefined)
    throw invalidField("status", "cases.nothing_to_change");
  const at = work.audit.at;
  const before = auditedCase(row.case);
  const statusChanged = patch.status !== undefined && patch.status !== row.case.status;
  const assigneeChanged =
    patch.assigneeUserId !== undefined && patch.assigneeUserId !== row.case.assigneeUserId;
  if (assigneeChanged && patch.assigneeUserId) {
    const active = await activeStaffAmong(work.tx, [patch.assigneeUserId]);
    if (!active.has(patch.assigneeUserId)) throw invalidField("assigneeUserId", "cases.assignee_unknown");
  }
  if (!statusChanged && !assigneeChanged) return getStaffCase(work, caseId);
  await touchCase(
    work.tx,
    caseId,
    {
      ...(statusChanged ? { status: patch.status } : {}),
      ...(assigneeChanged ? { assigneeUserId: patch.assigneeUserId ?? null } : {}),
    },
    at,
  );
  const after = {
    ...before,
    ...(statusChanged ? { status: patch.status } : {}),
    ...(assigneeChanged ? { assigneeUserId: patch.assigneeUserId ?? null } : {}),
  };
  if (statusChanged)
    await recordAudit(work.tx, work.audit, {
      action: "case.status_change",
      entityType,
      entityId: caseId,
      clientFileId: row.case.clientFileId,
      before: { status: before.status },
      after: { status: after.status },
    });
  if (assigneeChanged) {
    await recordAudit(work.tx, work.audit, {
      action: "case.assign",
      entityType,
      entityId: caseId,
      clientFileId: row.case.clientFileId,
      before: { assigneeUserId: before.assigneeUserId },
      after: { assigneeUserId: after.assigneeUserId },
    });
    // Whoever takes the case over hears about it like a new one (not when they took it themselves).
    const newAssignee = patch.assigneeUserId ?? null;
    if (newAssignee !== work.actor.user.id)
      await tellStaff(work.tx, {
        topic: "new_case",
        assigneeUserId: newAssignee,
        clientFileId: row.case.clientFileId,
        caseId,
        title: row.case.subject,
        at,
      });
  }
  // A case the firm closes or reopens is news for the client (when the portal shows its kind).
  if (statusChanged && portalShowsCaseKind(row.case.kind))
    await tellClients(work.tx, {
      clientFileId: row.case.clientFileId,
      caseId,
      title: row.case.subject,
      openedBy: row.case.createdByAccountId,
      at,
    });
  return getStaffCase(work, caseId);
}

/** GET /api/cases/:id/attachments/:attachmentId: the attachment's row to stream, audited as a download. */
export async function openStaffAttachment(work: StaffWork, caseId: string, attachmentId: string) {
  const row = await requireStaffCase(work, caseId);
  const attachment = await findAttachment(work.tx, caseId, attachmentId);
  if (!attachment) throw new AppError("not_found");
  await recordAudit(work.tx, work.audit, {
    action: "case.attachment_download",
    entityType,
    entityId: caseId,
    clientFileId: row.case.clientFileId,
    after: { attachmentId, fileName: attachment.fileName, sha256: attachment.sha256 },
  });
  return attachment;
}
