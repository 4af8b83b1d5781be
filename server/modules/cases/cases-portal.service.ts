import {
  createPortalCaseSchema,
  type PortalCaseDetail,
  type PortalCaseList,
  portalCaseReplySchema,
} from "../../../contracts/cases.js";
import type { Language } from "../../../contracts/common.js";
import { AppError, invalidField } from "../../platform/errors.js";
import {
  type CaseStanding,
  checkClaimContract,
  chooseAssignee,
  creatableKinds,
  loadCaseStanding,
  mayReplyOnFile,
  mayReplyToCase,
  mayReportClaimWithoutContract,
  requireCreating,
  requireCreatingSome,
  requireReplying,
  viewerSeesCase,
  visibleCasesForViewer,
} from "../access/cases.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { openedCaseEvents, recordWebhookEvent } from "../webhooks/webhooks.events.js";
import { caseContentOf, parseBody } from "./cases.details.js";
import { auditedCase, detailsOf, presentPortalCaseSummary, presentThread } from "./cases.presenter.js";
import {
  activeStaffAmong,
  type CaseRow,
  findAttachment,
  findCase,
  listCasesOfFile,
  listThread,
} from "./cases.queries.js";
import { addMessage, tellStaff, touchCase } from "./cases.service.js";
import { cases } from "./cases.tables.js";
import type { StoredAttachment } from "./cases.upload.js";

// The portal's cases (PORTAL-6, PORTAL-7): a viewer opens cases where a grant's feature allows it,
// reads the cases they see (access/cases.ts) and answers in their threads. Everything is audited and
// the firm hears about it through the notifications' digest (CASE-2).

const entityType = "case";

async function openFile(work: PortalWork, fileId: string) {
  const access = await requirePortalFile(work, fileId);
  const standing = await loadCaseStanding(work.tx, access);
  return { access, standing };
}

/** The case on this file the viewer sees, or 404 (another file's, another firm's, or someone else's). */
async function requireViewerCase(work: PortalWork, standing: CaseStanding, caseId: string): Promise<CaseRow> {
  const row = await findCase(work.tx, caseId);
  if (!row || row.case.clientFileId !== standing.fileId || !viewerSeesCase(standing, row.case))
    throw new AppError("not_found");
  return row;
}

/** The viewer's person and name as a message author (a preview never gets here: it cannot write). */
function clientAuthor(work: PortalWork, standing: CaseStanding) {
  if (!standing.accountId) throw new AppError("forbidden", "access.preview_read_only");
  const personId = standing.grants.find((g) => g.personId !== null)?.personId ?? null;
  return { kind: "client" as const, accountId: standing.accountId, personId, name: work.viewerName };
}

async function presentDetail(
  work: PortalWork,
  standing: CaseStanding,
  row: CaseRow,
): Promise<PortalCaseDetail> {
  const thread = await listThread(work.tx, row.case.id);
  const viewerPersons = new Set(standing.grants.flatMap((g) => (g.personId ? [g.personId] : [])));
  return {
    ...presentPortalCaseSummary(row),
    details: detailsOf(row),
    messages: presentThread(
      thread,
      (m) =>
        m.authorKind === "client" &&
        ((standing.accountId !== null && m.authorAccountId === standing.accountId) ||
          (m.authorPersonId !== null && viewerPersons.has(m.authorPersonId))),
    ),
    canReply: mayReplyToCase(standing, row.case),
  };
}

/**
 * Before an upload is read: 404 for a file the viewer does not reach, 403 when they may create no
 * case here at all (a preview, `read`, no feature, not the primary contact) — so nothing is stored.
 */
export async function assertMayCreateSomeCase(work: PortalWork, fileId: string): Promise<void> {
  const { standing } = await openFile(work, fileId);
  requireCreatingSome(standing);
}

/** Before a reply's upload is read: 404 unless the viewer sees the case, 403 unless they may write in it. */
export async function assertMayReply(work: PortalWork, fileId: string, caseId: string): Promise<void> {
  const { standing } = await openFile(work, fileId);
  const row = await requireViewerCase(work, standing, caseId);
  requireReplying(standing, row.case);
}

/** GET …/cases: the cases of the file the viewer sees, and what they may do. */
export async function listPortalCases(work: PortalWork, fileId: string): Promise<PortalCaseList> {
  const { standing } = await openFile(work, fileId);
  const rows = await listCasesOfFile(work.tx, fileId, visibleCasesForViewer(standing));
  return {
    items: rows.map(presentPortalCaseSummary),
    abilities: {
      create: creatableKinds(standing),
      claimWithoutContract: mayReportClaimWithoutContract(standing),
      reply: mayReplyOnFile(standing),
    },
  };
}

/** GET …/cases/:caseId: the case and its thread; opening it marks the firm's answers read. */
export async function getPortalCase(
  work: PortalWork,
  fileId: string,
  caseId: string,
): Promise<PortalCaseDetail> {
  const { standing } = await openFile(work, fileId);
  const row = await requireViewerCase(work, standing, caseId);
  if (row.case.unreadForClient && !standing.preview) {
    await touchCase(work.tx, caseId, { unreadForClient: false }, work.now);
    await recordAudit(work.tx, work.audit, {
      action: "case.read",
      entityType,
      entityId: caseId,
      clientFileId: fileId,
    });
    row.case.unreadForClient = false;
  }
  return presentDetail(work, standing, row);
}

/**
 * POST …/cases: opens a case of the body's kind (files already stored under `caseId`). The case goes
 * to the grant's case handler, else the file's case owner, else the admins (CASE-1).
 */
export async function createPortalCase(
  work: PortalWork,
  fileId: string,
  caseId: string,
  body: unknown,
  files: readonly StoredAttachment[],
  language: Language,
): Promise<PortalCaseDetail> {
  const { access, standing } = await openFile(work, fileId);
  const input = parseBody(createPortalCaseSchema, body);
  const creating = requireCreating(standing, input.kind);
  const content = caseContentOf(input, work.now, language);
  if (content.kind === "claim_report")
    await checkClaimContract(work.tx, access, standing, content.contractId);
  if (content.kind === "upload" && files.length === 0) throw invalidField("files", "cases.files_required");
  const assignment = await assignmentFor(work, standing, creating);
  const author = clientAuthor(work, standing);
  const creatorPersonId = creating.find((g) => g.personId)?.personId ?? author.personId;
  const values = {
    firmId: access.firmId,
    id: caseId,
    clientFileId: fileId,
    kind: content.kind,
    subject: content.subject,
    status: "open",
    assigneeUserId: assignment.assigneeUserId,
    grantId: assignment.grantId,
    createdByAccountId: author.accountId,
    createdByPersonId: creatorPersonId,
    createdByName: author.name,
    contractId: content.contractId,
    details: content.details,
    unreadForStaff: true,
    unreadForClient: false,
    lastActivityAt: work.now,
    createdAt: work.now,
    updatedAt: work.now,
  };
  await work.tx.db.insert(cases).values(values);
  if (content.message !== null || files.length > 0)
    await addMessage(
      work.tx,
      caseId,
      { ...author, personId: creatorPersonId },
      content.message ?? "",
      files,
      work.now,
    );
  await recordAudit(work.tx, work.audit, {
    action: "case.create",
    entityType,
    entityId: caseId,
    clientFileId: fileId,
    after: { ...auditedCase(values), assignedBy: assignment.reason, attachments: files.length },
  });
  await tellStaff(work.tx, {
    topic: content.kind === "upload" ? "client_upload" : "new_case",
    assigneeUserId: assignment.assigneeUserId,
    clientFileId: fileId,
    caseId,
    title: content.subject,
    at: work.now,
  });
  await recordWebhookEvent(
    work.tx,
    openedCaseEvents(content.kind, files.length),
    {
      clientFileId: fileId,
      caseId,
      caseKind: content.kind,
      personId: creatorPersonId,
      contractId: content.contractId,
      attachments: files.length,
    },
    work.now,
  );
  return getPortalCase(work, fileId, caseId);
}

/** The assignee of a new case and the grant it is filed under (the one whose handler takes it). */
async function assignmentFor(
  work: PortalWork,
  standing: CaseStanding,
  creating: ReturnType<typeof requireCreating>,
) {
  const handlerIds = creating.map((g) => g.caseHandlerId);
  const candidates = [...handlerIds.flatMap((id) => (id ? [id] : [])), standing.caseOwnerId];
  const activeStaff = await activeStaffAmong(work.tx, candidates);
  const chosen = chooseAssignee({
    caseHandlerIds: handlerIds,
    caseOwnerId: standing.caseOwnerId,
    activeStaff,
  });
  const grant =
    (chosen.reason === "case_handler" && creating.find((g) => g.caseHandlerId === chosen.assigneeUserId)) ||
    creating[0];
  return { ...chosen, grantId: grant?.grantId ?? null };
}

/** POST …/cases/:caseId/messages: the viewer's answer; the case is open again for the firm. */
export async function replyToPortalCase(
  work: PortalWork,
  fileId: string,
  caseId: string,
  body: unknown,
  files: readonly StoredAttachment[],
): Promise<PortalCaseDetail> {
  const { standing } = await openFile(work, fileId);
  const row = await requireViewerCase(work, standing, caseId);
  requireReplying(standing, row.case);
  const input = parseBody(portalCaseReplySchema, body);
  const author = clientAuthor(work, standing);
  const messageId = await addMessage(work.tx, caseId, author, input.body, files, work.now);
  await touchCase(
    work.tx,
    caseId,
    { status: "open", unreadForStaff: true, unreadForClient: false, lastActivityAt: work.now },
    work.now,
  );
  await recordAudit(work.tx, work.audit, {
    action: "case.message",
    entityType,
    entityId: caseId,
    clientFileId: fileId,
    before: { status: row.case.status },
    after: { status: "open", messageId, attachments: files.length },
  });
  await tellStaff(work.tx, {
    topic: files.length > 0 ? "client_upload" : "client_message",
    assigneeUserId: row.case.assigneeUserId,
    clientFileId: fileId,
    caseId,
    title: row.case.subject,
    at: work.now,
  });
  await recordWebhookEvent(
    work.tx,
    files.length > 0 ? ["message.received", "upload.received"] : "message.received",
    { clientFileId: fileId, caseId, messageId, personId: author.personId, attachments: files.length },
    work.now,
  );
  return getPortalCase(work, fileId, caseId);
}

/** GET …/attachments/:attachmentId: the attachment's row to stream, audited as a download. */
export async function openPortalAttachment(
  work: PortalWork,
  fileId: string,
  caseId: string,
  attachmentId: string,
) {
  const { standing } = await openFile(work, fileId);
  await requireViewerCase(work, standing, caseId);
  const attachment = await findAttachment(work.tx, caseId, attachmentId);
  if (!attachment) throw new AppError("not_found");
  await recordAudit(work.tx, work.audit, {
    action: "case.attachment_download",
    entityType,
    entityId: caseId,
    clientFileId: fileId,
    after: { attachmentId, fileName: attachment.fileName, sha256: attachment.sha256 },
  });
  return attachment;
}
