import type {
  ConfirmationCandidate,
  ConfirmationList,
  ConfirmationPreview,
  ConfirmationPreviewBody,
  ConfirmationRequest,
  CreateConfirmations,
} from "../../../contracts/confirmations.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import {
  assertMayRequestConfirmations,
  assertMaySeeConfirmations,
  type ConfirmationCandidate as Candidate,
  confirmationCandidates,
} from "../access/confirmations.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { closeConfirmationCase, openConfirmationCase } from "../cases/cases-confirmation.js";
import { findDocument, findVersion } from "../documents/documents.queries.js";
import { shareDocument } from "../documents/documents.service.js";
import { firstReminderAt } from "../invitations/reminder-schedule.js";
import {
  type ConfirmationMailDeps,
  type ConfirmingFirm,
  confirmationMail,
  loadConfirmingFirm,
  queueConfirmationMail,
  renderConfirmationMail,
} from "./confirmation-mail.js";
import { presentRequest } from "./confirmations.presenter.js";
import {
  findRequest,
  findRequestMails,
  insertRequests,
  listRequestsOfDocument,
  lockRequest,
  type RequestRow,
  type RequestWithEvidence,
  updateRequest,
} from "./confirmations.queries.js";

const entityType = "confirmation_request";

/** The document of the file with its current version, or 404. */
async function loadDocument(work: StaffWork, fileId: string, documentId: string) {
  const row = await findDocument(work.tx, fileId, documentId);
  if (!row) throw new AppError("not_found");
  return row;
}

type LoadedDocument = Awaited<ReturnType<typeof loadDocument>>;

function candidatesOf(work: StaffWork, doc: LoadedDocument, firm: ConfirmingFirm) {
  return confirmationCandidates(
    work.tx,
    {
      id: doc.document.id,
      clientFileId: doc.document.clientFileId,
      categoryId: doc.document.categoryId,
      contractId: doc.document.contractId,
      claimId: doc.document.claimId,
    },
    work.audit.at,
    firm,
  );
}

/** Presents requests with their last mails (one query for all mails). */
async function presentAll(
  work: StaffWork,
  rows: readonly RequestWithEvidence[],
): Promise<ConfirmationRequest[]> {
  const mails = await findRequestMails(
    work.tx,
    rows.map((r) => r.request.lastOutboxId).filter((id): id is string => id !== null),
  );
  return rows.map((row) => presentRequest(row, mails));
}

async function presentOne(work: StaffWork, fileId: string, id: string): Promise<ConfirmationRequest> {
  const row = await findRequest(work.tx, fileId, id);
  if (!row) throw new AppError("not_found");
  const [presented] = await presentAll(work, [row]);
  return presented as ConfirmationRequest;
}

/** The document's requests (newest first) and the grantees of the file one may ask, or why not. */
export async function listConfirmations(
  work: StaffWork,
  fileId: string,
  documentId: string,
): Promise<ConfirmationList> {
  await assertMaySeeConfirmations(work.tx, work.actor, fileId);
  const doc = await loadDocument(work, fileId, documentId);
  const rows = await listRequestsOfDocument(work.tx, fileId, documentId);
  const firm = await loadConfirmingFirm(work.tx);
  const openFor = new Set(rows.filter((r) => r.request.status === "open").map((r) => r.request.granteeId));
  const candidates: ConfirmationCandidate[] = (await candidatesOf(work, doc, firm)).map((c) => ({
    granteeId: c.granteeId,
    name: c.name,
    email: c.email,
    grantName: c.grantName,
    language: c.language,
    salutation: c.salutation,
    refusal: c.refusal ?? (openFor.has(c.granteeId) ? "already_open" : null),
  }));
  return {
    currentVersion: doc.document.currentVersion,
    sharedToPortal: doc.document.sharedToPortal,
    items: await presentAll(work, rows),
    candidates,
  };
}

/** The request row a candidate gets for the document's current version. */
function requestRowOf(
  work: StaffWork,
  doc: LoadedDocument,
  candidate: Candidate,
  texts: Pick<CreateConfirmations, "subject" | "message">,
  firm: ConfirmingFirm,
): RequestRow {
  const now = work.audit.at;
  return {
    firmId: firm.firmId,
    id: newId(),
    clientFileId: doc.document.clientFileId,
    documentId: doc.document.id,
    documentTitle: doc.document.title,
    version: doc.current.version,
    fileName: doc.current.fileName,
    sha256: doc.current.sha256,
    granteeId: candidate.granteeId,
    accountId: candidate.accountId ?? "",
    personId: candidate.personId,
    name: candidate.name,
    email: candidate.email ?? "",
    language: candidate.language,
    salutation: candidate.salutation,
    subject: texts.subject ?? null,
    message: texts.message ?? null,
    status: "open",
    reminderDays: firm.reminderDays,
    remindersDue: 0,
    remindersSent: 0,
    nextReminderAt: firstReminderAt(now, firm.reminderDays),
    sentAt: now,
    requestedBy: work.actor.user.id,
    requestedByName: work.actor.user.name,
    lastOutboxId: null,
    caseId: null,
    confirmedAt: null,
    cancelledAt: null,
    cancelledByName: null,
    supersededAt: null,
    supersededByVersion: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Refuses a grantee who cannot be asked, naming them and why. */
function assertAskable(candidate: Candidate | undefined, openFor: ReadonlySet<string>, granteeId: string) {
  if (!candidate) throw invalidField("granteeIds", "confirmations.grantee_unknown");
  const refusal = candidate.refusal ?? (openFor.has(granteeId) ? "already_open" : null);
  if (refusal) throw invalidField("granteeIds", `confirmations.refusal.${refusal}`, { name: candidate.name });
}

/**
 * The mail one grantee would get now, with the standard subject and text to edit (INV-5's way);
 * nothing is stored or shared.
 */
export async function previewConfirmation(
  work: StaffWork,
  deps: ConfirmationMailDeps,
  fileId: string,
  documentId: string,
  body: ConfirmationPreviewBody,
): Promise<ConfirmationPreview> {
  await assertMayRequestConfirmations(work.tx, work.actor, fileId);
  const doc = await loadDocument(work, fileId, documentId);
  const firm = await loadConfirmingFirm(work.tx);
  const candidate = (await candidatesOf(work, doc, firm)).find((c) => c.granteeId === body.granteeId);
  if (!candidate) throw invalidField("granteeId", "confirmations.grantee_unknown");
  const row = requestRowOf(work, doc, candidate, body, firm);
  const rendered = await renderConfirmationMail(await confirmationMail(work.tx, deps, firm, row, 0));
  return {
    to: candidate.email ?? "",
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    standard: rendered.standard,
  };
}

/**
 * "Request confirmation via the portal" (PORTAL-5, seed 000): shares the document to the portal if it
 * is not yet, then one request per chosen grantee for the current version, each with its mail queued
 * (and its reminders scheduled by the firm's reminder days) and its inbox case (assigned to the staff
 * member asking, waiting for the client) in this transaction. Audited per request.
 */
export async function requestConfirmations(
  work: StaffWork,
  deps: ConfirmationMailDeps,
  fileId: string,
  documentId: string,
  body: CreateConfirmations,
): Promise<{ items: ConfirmationRequest[] }> {
  await assertMayRequestConfirmations(work.tx, work.actor, fileId);
  const doc = await loadDocument(work, fileId, documentId);
  const firm = await loadConfirmingFirm(work.tx);
  const candidates = new Map((await candidatesOf(work, doc, firm)).map((c) => [c.granteeId, c]));
  const existing = await listRequestsOfDocument(work.tx, fileId, documentId);
  const openFor = new Set(
    existing.filter((r) => r.request.status === "open").map((r) => r.request.granteeId),
  );
  const granteeIds = [...new Set(body.granteeIds)];
  for (const granteeId of granteeIds) assertAskable(candidates.get(granteeId), openFor, granteeId);
  // Sharing is part of asking (seed 000): the firm can stop sharing again in the documents list.
  if (!doc.document.sharedToPortal) await shareDocument(work, fileId, documentId, true);
  const rows = granteeIds.map((id) => requestRowOf(work, doc, candidates.get(id) as Candidate, body, firm));
  for (const row of rows)
    row.caseId = await openConfirmationCase(work.tx, work.audit, {
      requestId: row.id,
      clientFileId: fileId,
      documentId,
      documentTitle: row.documentTitle,
      version: row.version,
      name: row.name,
      accountId: row.accountId || null,
      personId: row.personId,
      requestedBy: row.requestedBy,
      requestedByName: row.requestedByName,
    });
  await insertRequests(work.tx, rows);
  for (const row of rows) {
    const outboxId = await queueConfirmationMail(
      work.tx,
      deps,
      await confirmationMail(work.tx, deps, firm, row, 0),
    );
    await updateRequest(work.tx, row.id, { lastOutboxId: outboxId });
    row.lastOutboxId = outboxId;
    await recordAudit(work.tx, work.audit, {
      action: "confirmation.request",
      entityType,
      entityId: row.id,
      clientFileId: fileId,
      before: null,
      after: {
        documentId,
        version: row.version,
        sha256: row.sha256,
        granteeId: row.granteeId,
        name: row.name,
        email: row.email,
        subject: row.subject,
        message: row.message,
        outboxId,
      },
    });
  }
  return {
    items: await presentAll(
      work,
      rows.map((request) => ({ request, evidence: null })),
    ),
  };
}

/** Locks an open request of the file for a staff change, or 404 / 409 when it is not open. */
async function lockOpen(work: StaffWork, fileId: string, id: string): Promise<RequestRow> {
  await assertMayRequestConfirmations(work.tx, work.actor, fileId);
  const row = await lockRequest(work.tx, fileId, id);
  if (!row) throw new AppError("not_found");
  if (row.status !== "open") throw new AppError("conflict", "confirmations.not_open");
  return row;
}

/** Cancels an open request: it can no longer be confirmed, its reminders stop, its case is done. Audited. */
export async function cancelConfirmation(
  work: StaffWork,
  fileId: string,
  id: string,
): Promise<ConfirmationRequest> {
  const row = await lockOpen(work, fileId, id);
  const now = work.audit.at;
  await updateRequest(work.tx, id, {
    status: "cancelled",
    cancelledAt: now,
    cancelledByName: work.actor.user.name,
    nextReminderAt: null,
    updatedAt: now,
  });
  await recordAudit(work.tx, work.audit, {
    action: "confirmation.cancel",
    entityType,
    entityId: id,
    clientFileId: fileId,
    before: { status: row.status },
    after: { status: "cancelled", documentId: row.documentId, granteeId: row.granteeId },
  });
  await closeConfirmationCase(work.tx, work.audit, row.caseId, {
    kind: "cancelled",
    author: { kind: "staff", userId: work.actor.user.id, name: work.actor.user.name },
  });
  return presentOne(work, fileId, id);
}

/**
 * Sends an open request's mail again (the same subject and text) and starts its reminder series
 * afresh from now. Audited.
 */
export async function resendConfirmation(
  work: StaffWork,
  deps: ConfirmationMailDeps,
  fileId: string,
  id: string,
): Promise<ConfirmationRequest> {
  const row = await lockOpen(work, fileId, id);
  const now = work.audit.at;
  const firm = await loadConfirmingFirm(work.tx);
  const outboxId = await queueConfirmationMail(
    work.tx,
    deps,
    await confirmationMail(work.tx, deps, firm, row, 0),
  );
  await updateRequest(work.tx, id, {
    lastOutboxId: outboxId,
    sentAt: now,
    remindersDue: 0,
    remindersSent: 0,
    nextReminderAt: firstReminderAt(now, row.reminderDays),
    updatedAt: now,
  });
  await recordAudit(work.tx, work.audit, {
    action: "confirmation.resend",
    entityType,
    entityId: id,
    clientFileId: fileId,
    before: null,
    after: { email: row.email, outboxId },
  });
  return presentOne(work, fileId, id);
}

/** A confirmed request with its evidence, for the certificate; 409 while not confirmed. Audited as a download. */
export async function openCertificate(work: StaffWork, fileId: string, id: string) {
  await assertMaySeeConfirmations(work.tx, work.actor, fileId);
  const row = await findRequest(work.tx, fileId, id);
  if (!row) throw new AppError("not_found");
  if (!row.evidence) throw new AppError("conflict", "confirmations.not_confirmed");
  await recordAudit(work.tx, work.audit, {
    action: "confirmation.certificate_download",
    entityType,
    entityId: id,
    clientFileId: fileId,
    before: null,
    after: { documentId: row.request.documentId, version: row.evidence.version, sha256: row.evidence.sha256 },
  });
  const firm = await loadConfirmingFirm(work.tx);
  const version = await findVersion(work.tx, row.request.documentId, row.evidence.version);
  return { request: row.request, evidence: row.evidence, firm, versionDate: version?.uploadedAt ?? null };
}
