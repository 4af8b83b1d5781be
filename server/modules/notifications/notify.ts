import { and, eq, inArray } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { accountsReachingFile } from "../access/notification-reach.js";
import { clientFiles } from "../clients/clients.tables.js";
import { staffMembers } from "../firms/firms.tables.js";
import { notificationItems } from "./notifications.tables.js";
import { type ContactTopic, topicIsFor } from "./routing.js";

// The two doors into notifications (CASE-2). They only note what happened, in the caller's
// transaction (so a rolled-back action notifies no one); the digest job mails it later, batched.

/** What staff members hear about. */
export type StaffTopic = "new_case" | "client_message" | "client_upload" | "document_confirmed";

/** An event for staff: to these staff members, or to the firm's admins. */
export interface StaffEvent {
  userIds: string[] | "admins";
  topic: StaffTopic;
  clientFileId: string;
  caseId?: string;
  documentId?: string;
  /** One line naming the event for the mail (a case's subject, a document's title). */
  title: string;
  /** When it happened (the request's clock); the database's time when left out. */
  at?: Date;
}

/** An event on a client file for its contacts in the portal. */
export interface FileContactsEvent {
  clientFileId: string;
  topic: ContactTopic;
  caseId?: string;
  documentId?: string;
  title: string;
  /** Accounts to notify besides those the role routing picks (e.g. whoever opened the case), if they reach the file. */
  alsoAccountIds?: string[];
  /** Accounts never to notify (e.g. whoever caused the event). */
  exceptAccountIds?: string[];
  at?: Date;
}

/** Notes `event` for the given active staff members of the firm (or its active admins); answers how many. */
export async function notifyStaff(tx: ScopedTx, event: StaffEvent): Promise<number> {
  const firmId = requireFirm(tx);
  const wanted = event.userIds === "admins" ? null : [...new Set(event.userIds)];
  if (wanted && wanted.length === 0) return 0;
  const staff = await tx.db
    .select({ userId: staffMembers.userId })
    .from(staffMembers)
    .where(
      and(
        eq(staffMembers.firmId, firmId),
        eq(staffMembers.active, true),
        wanted ? inArray(staffMembers.userId, wanted) : eq(staffMembers.role, "admin"),
      ),
    );
  if (staff.length === 0) return 0;
  await tx.db.insert(notificationItems).values(
    staff.map((s) => ({
      firmId,
      id: newId(),
      recipientUserId: s.userId,
      audience: "staff",
      topic: event.topic,
      clientFileId: event.clientFileId,
      caseId: event.caseId ?? null,
      documentId: event.documentId ?? null,
      title: event.title,
      ...(event.at ? { createdAt: event.at } : {}),
    })),
  );
  return staff.length;
}

/**
 * Notes `event` for the accounts reaching the file whose role the topic is meant for (routing.ts),
 * plus `alsoAccountIds`, minus `exceptAccountIds`; a document only for those who see it. Answers how many.
 */
export async function notifyFileContacts(tx: ScopedTx, event: FileContactsEvent): Promise<number> {
  const firmId = requireFirm(tx);
  const [file] = await tx.db
    .select({ kind: clientFiles.kind })
    .from(clientFiles)
    .where(and(eq(clientFiles.firmId, firmId), eq(clientFiles.id, event.clientFileId)));
  if (!file) return 0;
  const reach = await accountsReachingFile(
    tx,
    event.clientFileId,
    event.documentId ?? null,
    event.at ?? null,
  );
  const also = new Set(event.alsoAccountIds ?? []);
  const except = new Set(event.exceptAccountIds ?? []);
  // One item per account: the first person it qualifies as names it.
  const chosen = new Map<string, string | null>();
  for (const r of reach) {
    if (except.has(r.accountId) || chosen.has(r.accountId)) continue;
    const meant = topicIsFor(event.topic, r, file.kind);
    const asked = also.has(r.accountId) && !r.isEmployee && r.seesDocument;
    if (meant || asked) chosen.set(r.accountId, r.personId);
  }
  if (chosen.size === 0) return 0;
  await tx.db.insert(notificationItems).values(
    [...chosen].map(([accountId, personId]) => ({
      firmId,
      id: newId(),
      recipientUserId: accountId,
      audience: "portal",
      personId,
      topic: event.topic,
      clientFileId: event.clientFileId,
      caseId: event.caseId ?? null,
      documentId: event.documentId ?? null,
      title: event.title,
      ...(event.at ? { createdAt: event.at } : {}),
    })),
  );
  return chosen.size;
}

function requireFirm(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("notifications need a firm scope");
  return firmId;
}
