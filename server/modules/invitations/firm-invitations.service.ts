import { and, desc, eq, gt, lte, type SQL } from "drizzle-orm";
import type { FirmInvitationList, InvitationListQuery } from "../../../contracts/invitations.js";
import { mailOutbox } from "../../platform/mail/outbox.tables.js";
import type { StaffWork } from "../access/staff-scope.js";
import { readableFileIds } from "../grants/grant-guard.js";
import { listGrantFiles } from "../grants/grants.queries.js";
import { grants } from "../grants/grants.tables.js";
import { presentInvitation } from "./invitations.presenter.js";
import { firmOf, type InvitationMailRow } from "./invitations.queries.js";
import { clientInvitations } from "./invitations.tables.js";

function statusCondition(status: InvitationListQuery["status"], now: Date): SQL | undefined {
  if (!status) return undefined;
  if (status === "pending")
    return and(eq(clientInvitations.status, "pending"), gt(clientInvitations.expiresAt, now));
  if (status === "expired")
    return and(eq(clientInvitations.status, "pending"), lte(clientInvitations.expiresAt, now));
  return eq(clientInvitations.status, status);
}

function deliveryCondition(delivery: InvitationListQuery["delivery"]): SQL | undefined {
  if (!delivery) return undefined;
  if (delivery === "queued") return and(eq(mailOutbox.status, "queued"), eq(mailOutbox.attempts, 0));
  if (delivery === "deferred") return and(eq(mailOutbox.status, "queued"), gt(mailOutbox.attempts, 0));
  return eq(mailOutbox.status, delivery);
}

/**
 * The firm's invitations, newest first, with each one's last mail (INV-6: "which mails did not
 * arrive?"), filtered by state and delivery. Only invitations whose grant the staff member may open
 * (every bundled file readable to them) are listed.
 */
export async function listFirmInvitations(
  work: StaffWork,
  query: InvitationListQuery,
): Promise<FirmInvitationList> {
  const now = work.audit.at;
  const rows = await work.tx.db
    .select({ invitation: clientInvitations, mail: mailOutbox, grantName: grants.name })
    .from(clientInvitations)
    .innerJoin(
      grants,
      and(eq(grants.firmId, clientInvitations.firmId), eq(grants.id, clientInvitations.grantId)),
    )
    .leftJoin(
      mailOutbox,
      and(eq(mailOutbox.firmId, clientInvitations.firmId), eq(mailOutbox.id, clientInvitations.lastOutboxId)),
    )
    .where(
      and(
        eq(clientInvitations.firmId, firmOf(work.tx)),
        statusCondition(query.status, now),
        deliveryCondition(query.delivery),
      ),
    )
    .orderBy(desc(clientInvitations.createdAt), desc(clientInvitations.id))
    .limit(query.limit);
  const files = await listGrantFiles(work.tx, [...new Set(rows.map((r) => r.invitation.grantId))]);
  const readable = await readableFileIds(
    work,
    files.map((f) => f.id),
  );
  const filesOf = new Map<string, typeof files>();
  for (const f of files) filesOf.set(f.grantId, [...(filesOf.get(f.grantId) ?? []), f]);
  const mails = new Map<string, InvitationMailRow>(
    rows.flatMap((r) => (r.mail ? [[r.mail.id, r.mail] as const] : [])),
  );
  return {
    invitations: rows
      .filter((r) => (filesOf.get(r.invitation.grantId) ?? []).every((f) => readable.has(f.id)))
      .map((r) => {
        const first = filesOf.get(r.invitation.grantId)?.[0];
        return {
          ...presentInvitation(r.invitation, mails, now),
          grantName: r.grantName,
          clientFileId: first?.id ?? null,
          clientFileName: first?.displayName ?? null,
        };
      }),
  };
}
