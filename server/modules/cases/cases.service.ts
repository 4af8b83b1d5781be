import { and, eq } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { notifyFileContacts, notifyStaff } from "../notifications/notify.js";
import { caseAttachments, caseMessages, cases } from "./cases.tables.js";
import type { StoredAttachment } from "./cases.upload.js";

// What the portal's and the back office's case work share: writing a message with its attachments,
// and telling the right people (CASE-2) in the same transaction, so a refused write tells no one.

/** Who writes a message. */
export type MessageAuthor =
  | { kind: "staff"; userId: string | null; name: string }
  | { kind: "client"; accountId: string; personId: string | null; name: string };

/** Adds one message with its attachments to a case's thread; answers the message's id. */
export async function addMessage(
  tx: ScopedTx,
  caseId: string,
  author: MessageAuthor,
  body: string,
  files: readonly StoredAttachment[],
  at: Date,
): Promise<string> {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("cases need a firm scope");
  // The id is taken from the wall clock: within one instant of the request clock it still orders the thread.
  const messageId = newId();
  await tx.db.insert(caseMessages).values({
    firmId,
    id: messageId,
    caseId,
    authorKind: author.kind,
    authorUserId: author.kind === "staff" ? author.userId : null,
    authorAccountId: author.kind === "client" ? author.accountId : null,
    authorPersonId: author.kind === "client" ? author.personId : null,
    authorName: author.name,
    body,
    createdAt: at,
  });
  if (files.length > 0) {
    await tx.db.insert(caseAttachments).values(
      files.map((f) => ({
        firmId,
        id: f.id,
        caseId,
        messageId,
        storageKey: f.key,
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.size,
        sha256: f.sha256,
        createdAt: at,
      })),
    );
  }
  return messageId;
}

/** Sets a case's state after a message or a change; only the fields given change. */
export async function touchCase(
  tx: ScopedTx,
  caseId: string,
  values: Partial<
    Pick<
      typeof cases.$inferInsert,
      "status" | "assigneeUserId" | "unreadForStaff" | "unreadForClient" | "lastActivityAt"
    >
  >,
  at: Date,
): Promise<void> {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("cases need a firm scope");
  await tx.db
    .update(cases)
    .set({ ...values, updatedAt: at })
    .where(and(eq(cases.firmId, firmId), eq(cases.id, caseId)));
}

/** Something the client did on a case, for the staff who handle it: the assignee, else the admins. */
export async function tellStaff(
  tx: ScopedTx,
  event: {
    topic: "new_case" | "client_message" | "client_upload";
    assigneeUserId: string | null;
    clientFileId: string;
    caseId: string;
    title: string;
    at: Date;
  },
): Promise<void> {
  await notifyStaff(tx, {
    userIds: event.assigneeUserId ? [event.assigneeUserId] : "admins",
    topic: event.topic,
    clientFileId: event.clientFileId,
    caseId: event.caseId,
    title: event.title,
    at: event.at,
  });
}

/** Something the firm did on a case, for the file's contacts (routing by role) and whoever opened it. */
export async function tellClients(
  tx: ScopedTx,
  event: { clientFileId: string; caseId: string; title: string; openedBy: string | null; at: Date },
): Promise<void> {
  await notifyFileContacts(tx, {
    clientFileId: event.clientFileId,
    topic: "case_update",
    caseId: event.caseId,
    title: event.title,
    alsoAccountIds: event.openedBy ? [event.openedBy] : [],
    at: event.at,
  });
}
