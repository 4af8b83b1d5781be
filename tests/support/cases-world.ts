import { Readable } from "node:stream";
import { caseAttachments, caseMessages, cases } from "../../server/modules/cases/cases.tables.js";
import { inFirm } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { tinyPng } from "./factories-documents.js";
import type { TestApp } from "./test-app.js";

/** A message case a client opened, with one message and one stored PNG attachment, written straight. */
export async function insertCase(
  t: TestApp,
  firmId: string,
  c: {
    clientFileId: string;
    grantId: string;
    assigneeUserId: string | null;
    accountId: string;
    personId: string;
    name: string;
    subject?: string;
  },
) {
  const id = newId();
  const messageId = newId();
  const attachmentId = newId();
  const key = `${firmId}/cases/${id}/${attachmentId}`;
  const stored = await t.deps.files.put(key, Readable.from([tinyPng]));
  await inFirm(t.deps.database, firmId, async (tx) => {
    await tx.db.insert(cases).values({
      firmId,
      id,
      clientFileId: c.clientFileId,
      kind: "message",
      subject: c.subject ?? "A question",
      grantId: c.grantId,
      assigneeUserId: c.assigneeUserId,
      createdByAccountId: c.accountId,
      createdByPersonId: c.personId,
      createdByName: c.name,
      details: { kind: "message" },
    });
    await tx.db.insert(caseMessages).values({
      firmId,
      id: messageId,
      caseId: id,
      authorKind: "client",
      authorAccountId: c.accountId,
      authorPersonId: c.personId,
      authorName: c.name,
      body: "Please see the photo.",
    });
    await tx.db.insert(caseAttachments).values({
      firmId,
      id: attachmentId,
      caseId: id,
      messageId,
      storageKey: key,
      fileName: "photo.png",
      contentType: "image/png",
      sizeBytes: stored.size,
      sha256: stored.sha256,
    });
  });
  return { id, messageId, attachmentId };
}
