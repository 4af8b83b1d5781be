import { and, eq, inArray, lt } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { type AuditContext, recordAudits } from "../audit/audit.service.js";
import { closeConfirmationCase } from "../cases/cases-confirmation.js";
import { firmOf } from "./confirmations.queries.js";
import { confirmationRequests } from "./confirmations.tables.js";

/**
 * A new version of a document makes every open or confirmed request for an older version
 * `superseded` (PORTAL-5: a new version needs a new confirmation): open ones stop reminding and can no
 * longer be confirmed; confirmed ones keep their evidence and certificate for the version they were
 * for. Staff see the confirmation as outdated and ask again; each request's inbox case is done with a
 * note saying so. Called in the new version's transaction; audited per request.
 */
export async function supersedeConfirmations(
  tx: ScopedTx,
  audit: AuditContext,
  fileId: string,
  documentId: string,
  newVersion: number,
): Promise<number> {
  const rows = await tx.db
    .update(confirmationRequests)
    .set({
      status: "superseded",
      supersededAt: audit.at,
      supersededByVersion: newVersion,
      nextReminderAt: null,
      updatedAt: audit.at,
    })
    .where(
      and(
        eq(confirmationRequests.firmId, firmOf(tx)),
        eq(confirmationRequests.documentId, documentId),
        inArray(confirmationRequests.status, ["open", "confirmed"]),
        lt(confirmationRequests.version, newVersion),
      ),
    )
    .returning({
      id: confirmationRequests.id,
      version: confirmationRequests.version,
      granteeId: confirmationRequests.granteeId,
      confirmedAt: confirmationRequests.confirmedAt,
      caseId: confirmationRequests.caseId,
    });
  await recordAudits(
    tx,
    audit,
    rows.map((row) => ({
      action: "confirmation.supersede",
      entityType: "confirmation_request",
      entityId: row.id,
      clientFileId: fileId,
      before: { status: row.confirmedAt ? "confirmed" : "open", version: row.version },
      after: { status: "superseded", supersededByVersion: newVersion, granteeId: row.granteeId },
    })),
  );
  for (const row of rows)
    await closeConfirmationCase(tx, audit, row.caseId, {
      kind: "superseded",
      newVersion,
      author: { kind: "staff", userId: audit.actorUserId, name: audit.actorName ?? "" },
    });
  return rows.length;
}
