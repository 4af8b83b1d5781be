import { and, eq, inArray } from "drizzle-orm";
import type {
  PortalConfirmation,
  PortalConfirmationList,
  PortalConfirmReceipt,
} from "../../../contracts/confirmations.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { assertMayConfirm, confirmingGranteeIds } from "../access/confirmations.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { closeConfirmationCase } from "../cases/cases-confirmation.js";
import { documentVersions } from "../documents/documents.tables.js";
import { users } from "../identity/identity.tables.js";
import { notifyStaff } from "../notifications/notify.js";
import { listShownDocuments } from "../portal/portal-lists.queries.js";
import { recordWebhookEvent } from "../webhooks/webhooks.events.js";
import {
  firmOf,
  insertEvidence,
  listRequestsForGrantees,
  lockRequest,
  type RequestRow,
  updateRequest,
} from "./confirmations.queries.js";

/** The most confirmed requests the portal lists besides the open ones (the latest). */
const confirmedShown = 50;

/** When each (document, version) was uploaded: the date shown with "version n of …". */
async function versionDates(work: PortalWork, rows: readonly RequestRow[]): Promise<Map<string, Date>> {
  if (rows.length === 0) return new Map();
  const found = await work.tx.db
    .select({
      documentId: documentVersions.documentId,
      version: documentVersions.version,
      uploadedAt: documentVersions.uploadedAt,
    })
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.firmId, firmOf(work.tx)),
        inArray(documentVersions.documentId, [...new Set(rows.map((r) => r.documentId))]),
      ),
    );
  return new Map(found.map((v) => [`${v.documentId}:${v.version}`, v.uploadedAt]));
}

/**
 * The viewer's confirmation requests on this file (PORTAL-5): open ones first, then the latest
 * confirmed ones, each only while the viewer sees its document (a document no longer shared with
 * them takes its request out of sight). In a staff preview they show, but cannot be confirmed.
 */
export async function listPortalConfirmations(
  work: PortalWork,
  fileId: string,
): Promise<PortalConfirmationList> {
  const access = await requirePortalFile(work, fileId);
  const rows = await listRequestsForGrantees(work.tx, fileId, confirmingGranteeIds(access));
  if (rows.length === 0) return { items: [] };
  const shown = new Map((await listShownDocuments(work, access)).map((d) => [d.document.id, d]));
  const visible = rows.filter((r) => {
    const doc = shown.get(r.documentId);
    return doc !== undefined && (r.status === "confirmed" || doc.current.version === r.version);
  });
  const open = visible.filter((r) => r.status === "open");
  const confirmed = visible.filter((r) => r.status === "confirmed").slice(0, confirmedShown);
  const dates = await versionDates(work, visible);
  const preview = work.viewer.kind === "preview";
  return {
    items: [...open, ...confirmed].map(
      (r): PortalConfirmation => ({
        id: r.id,
        documentId: r.documentId,
        documentTitle: shown.get(r.documentId)?.document.title ?? r.documentTitle,
        version: r.version,
        fileName: r.fileName,
        sha256: r.sha256,
        versionDate: dates.get(`${r.documentId}:${r.version}`)?.toISOString() ?? null,
        requestedAt: r.sentAt.toISOString(),
        requestedByName: r.requestedByName,
        status: r.status as "open" | "confirmed",
        confirmedAt: r.confirmedAt?.toISOString() ?? null,
        mayConfirm: !preview && r.status === "open",
      }),
    ),
  };
}

/**
 * Whether the viewer may confirm this request, decided before the body is read (the confirm route's
 * preValidation): a request not on this file, or another firm's, answers 404; a staff preview 403.
 */
export async function assertMayConfirmRequest(work: PortalWork, fileId: string, id: string): Promise<void> {
  const access = await requirePortalFile(work, fileId);
  const row = await lockRequest(work.tx, fileId, id);
  if (!row) throw new AppError("not_found");
  assertMayConfirm(access, row.granteeId);
}

function receiptOf(row: RequestRow, name: string, confirmedAt: Date): PortalConfirmReceipt {
  return {
    id: row.id,
    documentTitle: row.documentTitle,
    version: row.version,
    sha256: row.sha256,
    name,
    confirmedAt: confirmedAt.toISOString(),
  };
}

/**
 * "I confirm that I have received and read this document" (PORTAL-5): only the grantee the request is
 * addressed to (anyone else: 404; a staff preview: 403), only while they see the document and it is
 * still the version asked about. Records the evidence — who, when, the version and its SHA-256, IP
 * address and browser — once; a second click answers the same receipt. Audited; the staff member who
 * asked is notified and the request's inbox case is done.
 */
export async function confirmPortalRequest(
  work: PortalWork,
  fileId: string,
  id: string,
  confirmed: boolean,
): Promise<PortalConfirmReceipt> {
  const access = await requirePortalFile(work, fileId);
  const row = await lockRequest(work.tx, fileId, id);
  if (!row) throw new AppError("not_found");
  assertMayConfirm(access, row.granteeId);
  const [doc] = await listShownDocuments(work, access, row.documentId);
  if (!doc) throw new AppError("not_found");
  if (row.status === "confirmed" && row.confirmedAt) return receiptOf(row, work.viewerName, row.confirmedAt);
  if (row.status !== "open") throw new AppError("conflict", "confirmations.no_longer_open");
  if (doc.current.version !== row.version || doc.current.sha256 !== row.sha256)
    throw new AppError("conflict", "confirmations.new_version");
  if (!confirmed) throw invalidField("confirmed", "confirmations.tick_to_confirm");
  const viewer = access.viewer;
  if (viewer.kind !== "account") throw new AppError("forbidden", "access.preview_read_only");
  const [account] = await work.tx.db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, viewer.accountId));
  const at = work.audit.at;
  const evidence = {
    requestId: row.id,
    confirmedAt: at,
    accountId: viewer.accountId,
    accountEmail: account?.email ?? "",
    personId: access.grants.find((g) => g.grantee.id === row.granteeId)?.grantee.personId ?? null,
    name: account?.name ?? work.viewerName,
    documentId: row.documentId,
    documentTitle: doc.document.title,
    version: row.version,
    fileName: doc.current.fileName,
    sha256: doc.current.sha256,
    ip: work.audit.ip,
    userAgent: work.audit.userAgent,
  };
  await insertEvidence(work.tx, evidence);
  await updateRequest(work.tx, row.id, {
    status: "confirmed",
    confirmedAt: at,
    nextReminderAt: null,
    updatedAt: at,
  });
  await recordAudit(work.tx, work.audit, {
    action: "confirmation.confirm",
    entityType: "confirmation_request",
    entityId: row.id,
    clientFileId: fileId,
    before: { status: "open" },
    after: { status: "confirmed", ...evidence, confirmedAt: at.toISOString() },
  });
  await closeConfirmationCase(work.tx, work.audit, row.caseId, {
    kind: "confirmed",
    author: { kind: "client", accountId: viewer.accountId, personId: evidence.personId, name: evidence.name },
  });
  await notifyStaff(work.tx, {
    userIds: [row.requestedBy],
    topic: "document_confirmed",
    clientFileId: fileId,
    documentId: row.documentId,
    title: `${doc.document.title} – ${evidence.name}`,
    at,
  });
  await recordWebhookEvent(
    work.tx,
    "document.confirmed",
    {
      clientFileId: fileId,
      documentId: row.documentId,
      confirmationId: row.id,
      accountId: viewer.accountId,
      personId: evidence.personId,
    },
    at,
  );
  return receiptOf(row, evidence.name, at);
}
