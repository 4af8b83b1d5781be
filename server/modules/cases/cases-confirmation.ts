import { and, eq } from "drizzle-orm";
import type { ConfirmationCaseDetails } from "../../../contracts/cases.js";
import type { Language } from "../../../contracts/common.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { translate } from "../../platform/i18n/translate.js";
import { newId } from "../../platform/ids.js";
import { type AuditContext, recordAudit } from "../audit/audit.service.js";
import { firms } from "../firms/firms.tables.js";
import { auditedCase } from "./cases.presenter.js";
import { addMessage, type MessageAuthor, touchCase } from "./cases.service.js";
import { cases } from "./cases.tables.js";

// A confirmation request (PORTAL-5, seed 000) as a case of the firm's inbox: the advisor asks, the
// case waits for the client; confirmed, cancelled or superseded, it is done. Opened and closed in the
// request's own transaction, so the inbox never disagrees with the request. Its subject and thread
// entries are written in the firm's language: they are the firm's notes, the portal does not show them.

const entityType = "case";

function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("cases need a firm scope");
  return firmId;
}

async function firmLanguage(tx: ScopedTx): Promise<Language> {
  const [row] = await tx.db
    .select({ language: firms.defaultLanguage })
    .from(firms)
    .where(eq(firms.firmId, firmOf(tx)));
  return (row?.language ?? "de") as Language;
}

/** The request a confirmation case is opened for. */
export interface ConfirmationCaseInput extends ConfirmationCaseDetails {
  clientFileId: string;
  /** The account and person asked: the case is "opened by" them, as it is their answer it waits for. */
  accountId: string | null;
  personId: string | null;
  /** The staff member who asked: the case is theirs. */
  requestedBy: string;
  requestedByName: string;
}

/**
 * Opens the inbox case of a new confirmation request: assigned to the staff member who asked, waiting
 * for the client, with a first thread entry saying what was asked of whom. Audited; answers its id.
 */
export async function openConfirmationCase(
  tx: ScopedTx,
  audit: AuditContext,
  input: ConfirmationCaseInput,
): Promise<string> {
  const firmId = firmOf(tx);
  const language = await firmLanguage(tx);
  const at = audit.at;
  const params = { document: input.documentTitle, name: input.name, version: input.version };
  const values = {
    firmId,
    id: newId(),
    clientFileId: input.clientFileId,
    kind: "confirmation",
    subject: translate(language, "cases.subject.confirmation", params).slice(0, 200),
    status: "waiting_for_client",
    assigneeUserId: input.requestedBy,
    grantId: null,
    createdByAccountId: input.accountId,
    createdByPersonId: input.personId,
    createdByName: input.name,
    contractId: null,
    details: {
      kind: "confirmation",
      confirmation: {
        requestId: input.requestId,
        documentId: input.documentId,
        documentTitle: input.documentTitle,
        version: input.version,
        name: input.name,
      },
    },
    // The staff member made it themselves: nothing unread for anyone.
    unreadForStaff: false,
    unreadForClient: false,
    lastActivityAt: at,
    createdAt: at,
    updatedAt: at,
  };
  await tx.db.insert(cases).values(values);
  const author: MessageAuthor = { kind: "staff", userId: input.requestedBy, name: input.requestedByName };
  await addMessage(
    tx,
    values.id,
    author,
    translate(language, "cases.confirmation.requested", params),
    [],
    at,
  );
  await recordAudit(tx, audit, {
    action: "case.create",
    entityType,
    entityId: values.id,
    clientFileId: input.clientFileId,
    after: { ...auditedCase(values), confirmationRequestId: input.requestId },
  });
  return values.id;
}

/** How a confirmation request ended, and who writes the thread entry that says so. */
export type ConfirmationOutcome =
  | { kind: "confirmed"; author: MessageAuthor }
  | { kind: "cancelled"; author: MessageAuthor }
  | { kind: "superseded"; author: MessageAuthor; newVersion: number };

/**
 * Closes a confirmation request's case (`done`) with a thread entry saying how the request ended. A
 * confirmation is news for the staff member (unread); a cancellation or new version is their own doing.
 * A case already gone (the file erased) or missing (older requests) is nothing to close. Audited.
 */
export async function closeConfirmationCase(
  tx: ScopedTx,
  audit: AuditContext,
  caseId: string | null,
  outcome: ConfirmationOutcome,
): Promise<void> {
  if (!caseId) return;
  const [row] = await tx.db
    .select()
    .from(cases)
    .where(and(eq(cases.firmId, firmOf(tx)), eq(cases.id, caseId)));
  if (!row) return;
  const language = await firmLanguage(tx);
  const details = (row.details as { confirmation?: ConfirmationCaseDetails }).confirmation;
  const params = {
    document: details?.documentTitle ?? row.subject,
    name: row.createdByName,
    version: details?.version ?? "",
    newVersion: outcome.kind === "superseded" ? outcome.newVersion : "",
  };
  const at = audit.at;
  await addMessage(
    tx,
    caseId,
    outcome.author,
    translate(language, `cases.confirmation.${outcome.kind}`, params),
    [],
    at,
  );
  await touchCase(
    tx,
    caseId,
    { status: "done", lastActivityAt: at, ...(outcome.kind === "confirmed" ? { unreadForStaff: true } : {}) },
    at,
  );
  if (row.status !== "done")
    await recordAudit(tx, audit, {
      action: "case.status_change",
      entityType,
      entityId: caseId,
      clientFileId: row.clientFileId,
      before: { status: row.status },
      after: { status: "done", confirmation: outcome.kind },
    });
}
