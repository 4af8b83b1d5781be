import { and, desc, eq, inArray } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { mailOutbox } from "../../platform/mail/outbox.tables.js";
import { clientInvitations } from "./invitations.tables.js";

/** A stored invitation. */
export type InvitationRow = typeof clientInvitations.$inferSelect;

/** The last mail of an invitation, as the outbox holds it. */
export type InvitationMailRow = Pick<
  typeof mailOutbox.$inferSelect,
  "id" | "status" | "lastSmtpResponse" | "attempts" | "createdAt" | "sentAt"
> &
  // A mail just queued has no bounce yet, so callers presenting one may leave these out.
  Partial<Pick<typeof mailOutbox.$inferSelect, "bouncedAt" | "bounceDiagnostic">>;

/** The firm of the transaction's scope. */
export function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("invitations work needs a firm scope");
  return firmId;
}

/** Stores a new invitation. */
export async function insertInvitation(tx: ScopedTx, row: typeof clientInvitations.$inferInsert) {
  await tx.db.insert(clientInvitations).values(row);
}

/** Changes an invitation (its `updated_at` with it). */
export async function updateInvitation(
  tx: ScopedTx,
  id: string,
  values: Partial<typeof clientInvitations.$inferInsert>,
  at: Date,
): Promise<void> {
  await tx.db
    .update(clientInvitations)
    .set({ ...values, updatedAt: at })
    .where(and(eq(clientInvitations.firmId, firmOf(tx)), eq(clientInvitations.id, id)));
}

/** One invitation of the firm, or undefined. */
export async function findInvitation(tx: ScopedTx, id: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.db
    .select()
    .from(clientInvitations)
    .where(and(eq(clientInvitations.firmId, firmOf(tx)), eq(clientInvitations.id, id)));
  return row;
}

/** The pending invitation of a grantee (at most one), or undefined. */
export async function findPendingInvitation(tx: ScopedTx, granteeId: string) {
  const [row] = await tx.db
    .select()
    .from(clientInvitations)
    .where(
      and(
        eq(clientInvitations.firmId, firmOf(tx)),
        eq(clientInvitations.granteeId, granteeId),
        eq(clientInvitations.status, "pending"),
      ),
    );
  return row;
}

/** The invitations of the grantees of `grantIds`, newest first. */
export async function listInvitationsOfGrants(tx: ScopedTx, grantIds: readonly string[]) {
  if (grantIds.length === 0) return [];
  return tx.db
    .select()
    .from(clientInvitations)
    .where(and(eq(clientInvitations.firmId, firmOf(tx)), inArray(clientInvitations.grantId, [...grantIds])))
    .orderBy(desc(clientInvitations.createdAt), desc(clientInvitations.id));
}

/**
 * Ends every pending invitation of a grantee (`withdrawn` on revoke, `replaced` by a newer one, or
 * `accepted`): no reminder is due any more. Returns the ids it ended, so their links can be voided.
 */
export async function endPendingInvitations(
  tx: ScopedTx,
  granteeIds: readonly string[],
  status: "withdrawn" | "replaced" | "accepted",
  at: Date,
  acceptedAccountId: string | null = null,
): Promise<string[]> {
  if (granteeIds.length === 0) return [];
  const rows = await tx.db
    .update(clientInvitations)
    .set({
      status,
      nextReminderAt: null,
      endedAt: at,
      updatedAt: at,
      ...(status === "accepted" ? { acceptedAt: at, acceptedAccountId } : {}),
    })
    .where(
      and(
        eq(clientInvitations.firmId, firmOf(tx)),
        inArray(clientInvitations.granteeId, [...granteeIds]),
        eq(clientInvitations.status, "pending"),
      ),
    )
    .returning({ id: clientInvitations.id });
  return rows.map((r) => r.id);
}

/** The last mails of these invitations, by outbox id. */
export async function findInvitationMails(
  tx: ScopedTx,
  outboxIds: readonly string[],
): Promise<Map<string, InvitationMailRow>> {
  if (outboxIds.length === 0) return new Map();
  const rows = await tx.db
    .select({
      id: mailOutbox.id,
      status: mailOutbox.status,
      lastSmtpResponse: mailOutbox.lastSmtpResponse,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      bouncedAt: mailOutbox.bouncedAt,
      bounceDiagnostic: mailOutbox.bounceDiagnostic,
    })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.firmId, firmOf(tx)), inArray(mailOutbox.id, [...outboxIds])));
  return new Map(rows.map((r) => [r.id, r]));
}
