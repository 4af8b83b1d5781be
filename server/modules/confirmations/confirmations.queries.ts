import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { mailOutbox } from "../../platform/mail/outbox.tables.js";
import { confirmationEvidence, confirmationRequests } from "./confirmations.tables.js";

export type RequestRow = typeof confirmationRequests.$inferSelect;
export type EvidenceRow = typeof confirmationEvidence.$inferSelect;

/** A request with its evidence (once confirmed). */
export interface RequestWithEvidence {
  request: RequestRow;
  evidence: EvidenceRow | null;
}

/** The delivery state of a request's last mail. */
export interface RequestMailRow {
  id: string;
  status: string;
  attempts: number;
  lastSmtpResponse: string | null;
  bounceDiagnostic: string | null;
}

/** The firm of the transaction's scope (every query here needs one). */
export function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("confirmations queries need a firm scope");
  return firmId;
}

function selectWithEvidence(tx: ScopedTx, where: SQL | undefined) {
  return tx.db
    .select({ request: confirmationRequests, evidence: confirmationEvidence })
    .from(confirmationRequests)
    .leftJoin(
      confirmationEvidence,
      and(
        eq(confirmationEvidence.firmId, confirmationRequests.firmId),
        eq(confirmationEvidence.requestId, confirmationRequests.id),
      ),
    )
    .where(and(eq(confirmationRequests.firmId, firmOf(tx)), where));
}

/** The requests of one document of the file, newest first, with their evidence. */
export async function listRequestsOfDocument(
  tx: ScopedTx,
  fileId: string,
  documentId: string,
): Promise<RequestWithEvidence[]> {
  return selectWithEvidence(
    tx,
    and(eq(confirmationRequests.clientFileId, fileId), eq(confirmationRequests.documentId, documentId)),
  ).orderBy(desc(confirmationRequests.createdAt), desc(confirmationRequests.id));
}

/** One request of the file with its evidence, or undefined. */
export async function findRequest(
  tx: ScopedTx,
  fileId: string,
  id: string,
): Promise<RequestWithEvidence | undefined> {
  const [row] = await selectWithEvidence(
    tx,
    and(eq(confirmationRequests.clientFileId, fileId), eq(confirmationRequests.id, id)),
  );
  return row;
}

/** Locks one request of the file for a change. */
export async function lockRequest(tx: ScopedTx, fileId: string, id: string): Promise<RequestRow | undefined> {
  const [row] = await tx.db
    .select()
    .from(confirmationRequests)
    .where(
      and(
        eq(confirmationRequests.firmId, firmOf(tx)),
        eq(confirmationRequests.clientFileId, fileId),
        eq(confirmationRequests.id, id),
      ),
    )
    .for("update");
  return row;
}

/** The file's requests addressed to any of `granteeIds`: open ones and confirmed ones, newest first. */
export async function listRequestsForGrantees(
  tx: ScopedTx,
  fileId: string,
  granteeIds: readonly string[],
): Promise<RequestRow[]> {
  if (granteeIds.length === 0) return [];
  return tx.db
    .select()
    .from(confirmationRequests)
    .where(
      and(
        eq(confirmationRequests.firmId, firmOf(tx)),
        eq(confirmationRequests.clientFileId, fileId),
        inArray(confirmationRequests.granteeId, [...granteeIds]),
        inArray(confirmationRequests.status, ["open", "confirmed"]),
      ),
    )
    .orderBy(desc(confirmationRequests.createdAt), desc(confirmationRequests.id));
}

/** Inserts requests. */
export async function insertRequests(
  tx: ScopedTx,
  rows: ReadonlyArray<Omit<typeof confirmationRequests.$inferInsert, "firmId">>,
): Promise<void> {
  if (rows.length === 0) return;
  const firmId = firmOf(tx);
  await tx.db.insert(confirmationRequests).values(rows.map((row) => ({ ...row, firmId })));
}

/** Changes one request's own columns. */
export async function updateRequest(
  tx: ScopedTx,
  id: string,
  changes: Partial<Omit<typeof confirmationRequests.$inferInsert, "firmId" | "id">>,
): Promise<void> {
  await tx.db
    .update(confirmationRequests)
    .set(changes)
    .where(and(eq(confirmationRequests.firmId, firmOf(tx)), eq(confirmationRequests.id, id)));
}

/** Writes the evidence of a confirmation (once: the table refuses any later change). */
export async function insertEvidence(
  tx: ScopedTx,
  row: Omit<typeof confirmationEvidence.$inferInsert, "firmId">,
): Promise<void> {
  await tx.db.insert(confirmationEvidence).values({ ...row, firmId: firmOf(tx) });
}

/** The delivery state of the given outbox mails, by id. */
export async function findRequestMails(
  tx: ScopedTx,
  outboxIds: readonly string[],
): Promise<Map<string, RequestMailRow>> {
  if (outboxIds.length === 0) return new Map();
  const rows = await tx.db
    .select({
      id: mailOutbox.id,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastSmtpResponse: mailOutbox.lastSmtpResponse,
      bounceDiagnostic: mailOutbox.bounceDiagnostic,
    })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.firmId, firmOf(tx)), inArray(mailOutbox.id, [...outboxIds])));
  return new Map(rows.map((r) => [r.id, r]));
}
