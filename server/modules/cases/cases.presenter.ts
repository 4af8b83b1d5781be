import type {
  CaseAttachment,
  CaseDetail,
  CaseDetails,
  CaseKind,
  CaseMessage,
  CaseStatus,
  CaseSummary,
  InboxCaseKind,
  PortalCaseSummary,
} from "../../../contracts/cases.js";
import { isPreviewable } from "../documents/documents.content.js";
import type { CaseRow, ThreadRows } from "./cases.queries.js";
import type { caseAttachments, caseMessages } from "./cases.tables.js";

/** An attachment row → the API's attachment (never its storage key). */
export function presentAttachment(row: typeof caseAttachments.$inferSelect): CaseAttachment {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    previewable: isPreviewable(row.contentType),
  };
}

/** A thread → the API's messages; `isOwn` says which the viewer wrote. */
export function presentThread(
  thread: ThreadRows,
  isOwn: (message: typeof caseMessages.$inferSelect) => boolean,
): CaseMessage[] {
  return thread.map(({ message, attachments }) => ({
    id: message.id,
    authorKind: message.authorKind as "staff" | "client",
    authorName: message.authorName,
    own: isOwn(message),
    body: message.body,
    attachments: attachments.map(presentAttachment),
    createdAt: message.createdAt.toISOString(),
  }));
}

function contractRef(row: CaseRow) {
  return row.case.contractId && row.contractInsurer !== null
    ? { id: row.case.contractId, number: row.contractNumber ?? null, insurer: row.contractInsurer }
    : null;
}

/** The stored details (checked on the way in) as the API's details. */
export function detailsOf(row: CaseRow): CaseDetails {
  const details = row.case.details as Partial<CaseDetails>;
  return details.kind ? (details as CaseDetails) : ({ kind: row.case.kind } as CaseDetails);
}

/** A case row → the back office's summary. */
export function presentCaseSummary(row: CaseRow): CaseSummary {
  const c = row.case;
  return {
    id: c.id,
    clientFile: { id: c.clientFileId, number: row.fileNumber, displayName: row.fileDisplayName },
    kind: c.kind as InboxCaseKind,
    subject: c.subject,
    status: c.status as CaseStatus,
    assignee: c.assigneeUserId ? { id: c.assigneeUserId, name: row.assigneeName ?? "" } : null,
    createdByName: c.createdByName,
    contract: contractRef(row),
    grant: c.grantId && row.grantName !== null ? { id: c.grantId, name: row.grantName } : null,
    unread: c.unreadForStaff,
    lastActivityAt: c.lastActivityAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}

/** A case row and its thread → the back office's detail; `clientReachable` as access/cases.ts decided. */
export function presentCaseDetail(
  row: CaseRow,
  thread: ThreadRows,
  staffUserId: string,
  clientReachable: boolean,
): CaseDetail {
  return {
    ...presentCaseSummary(row),
    details: detailsOf(row),
    messages: presentThread(thread, (m) => m.authorKind === "staff" && m.authorUserId === staffUserId),
    clientReachable,
  };
}

/** A case row → the portal's summary; the handler's name only when the grant shows it (GRANT-4). */
export function presentPortalCaseSummary(row: CaseRow): PortalCaseSummary {
  const c = row.case;
  return {
    id: c.id,
    kind: c.kind as CaseKind,
    subject: c.subject,
    status: c.status as CaseStatus,
    handlerName: row.grantShowsHandler && row.assigneeName ? row.assigneeName : null,
    createdByName: c.createdByName,
    contract: contractRef(row),
    unread: c.unreadForClient,
    lastActivityAt: c.lastActivityAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}

/** What an audit entry keeps of a case (no message bodies: they stay in the thread). */
export function auditedCase(row: {
  kind: string;
  subject: string;
  status: string;
  assigneeUserId: string | null;
  grantId: string | null;
  contractId: string | null;
}) {
  return {
    kind: row.kind,
    subject: row.subject,
    status: row.status,
    assigneeUserId: row.assigneeUserId,
    grantId: row.grantId,
    contractId: row.contractId,
  };
}
