import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDetail, CaseInbox, PortalCaseList } from "../../../contracts/cases.js";
import type { ConfirmationRequest } from "../../../contracts/confirmations.js";
import { type ErrorBody, fieldsOf, upload } from "../../../tests/support/documents-world.js";
import { makePdf } from "../../../tests/support/factories-documents.js";
import { auditWithAction } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { askToConfirm, type ConfirmationsWorld, confirmationsWorld } from "./confirmations.fixtures.js";

// Confirmation requests in the firm's inbox (CASE-1, seed 000): each request is a case of kind
// `confirmation`, the firm's own — the portal shows the request as a banner, never the case.

describe("confirmation requests as inbox cases", () => {
  let t: TestApp;
  let w: ConfirmationsWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await confirmationsWorld(t);
  });
  afterAll(() => t?.close());

  const caseIdOf = async (requestId: string) => {
    const { rows } = await t.deps.database.owner.query<{ case_id: string | null }>(
      "select case_id from confirmation_requests where id = $1",
      [requestId],
    );
    return rows[0]?.case_id ?? "";
  };
  const caseOf = async (requestId: string) => {
    const caseId = await caseIdOf(requestId);
    const res = await w.owner.client.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const staffAction = (id: string, verb: "cancel" | "resend") =>
    w.owner.client.post<ConfirmationRequest & ErrorBody>(
      `/api/client-files/${w.klaraFile}/confirmations/${id}/${verb}`,
    );
  const confirmUrl = (id: string) => w.url(w.klaraFile, `confirmations/${id}/confirm`);

  it("asking opens a case waiting for the client, assigned to the asker; resending keeps it; confirming makes it done with a thread entry", async () => {
    const docId = w.document.unshared.id;
    const [request] = await askToConfirm(w, docId, [w.grantee.klara]);
    const id = request?.id ?? "";
    const opened = await caseOf(id);
    expect(opened).toMatchObject({
      kind: "confirmation",
      status: "waiting_for_client",
      assignee: { id: w.owner.userId },
      createdByName: "Klara Muster",
      clientFile: { id: w.klaraFile },
      details: {
        kind: "confirmation",
        confirmation: { requestId: id, documentId: docId, documentTitle: "Internal note", version: 1 },
      },
      // Its thread is the firm's: the client reads the request in the portal, not this case.
      clientReachable: false,
    });
    expect(opened.subject).toContain("Internal note");
    expect(opened.subject).toContain("Klara Muster");
    expect(opened.messages).toHaveLength(1);
    expect(opened.messages[0]).toMatchObject({ authorKind: "staff", own: true });
    const created = await auditWithAction(t, w.firmId, "case.create");
    expect(created.map((a) => a.entityId)).toContain(opened.id);

    // The inbox filter by kind finds it.
    const inbox = await w.owner.client.get<CaseInbox>("/api/cases?kind=confirmation");
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((c) => c.id)).toEqual([opened.id]);
    expect(inbox.body.counts).toEqual({ open: 0, waiting_for_client: 1, done: 0 });
    expect(
      (await w.owner.client.get<CaseInbox>("/api/cases?kind=message")).body.items.map((c) => c.id),
    ).not.toContain(opened.id);

    // Sending again is the same request, the same case.
    expect((await staffAction(id, "resend")).status).toBe(200);
    expect((await w.owner.client.get<CaseInbox>("/api/cases?kind=confirmation")).body.items).toHaveLength(1);

    // The portal never lists it, nor opens it by id — Klara, who sees every case of her file, neither.
    const list = await w.klara.client.get<PortalCaseList>(w.url(w.klaraFile, "cases"));
    expect(list.status).toBe(200);
    expect(list.body.items.map((c) => c.id)).not.toContain(opened.id);
    expect(list.body.items.map((c) => c.id)).toContain(w.kase.id);
    expect((await w.klara.client.get(w.url(w.klaraFile, `cases/${opened.id}`))).status).toBe(404);
    expect(
      (await w.klara.client.post(w.url(w.klaraFile, `cases/${opened.id}/messages`), { body: "Hi" })).status,
    ).toBe(404);

    expect((await w.klara.client.post(confirmUrl(id), { confirmed: true })).status).toBe(200);
    // The confirmation is news for the asker: unread in the inbox until opened.
    const listedDone = await w.owner.client.get<CaseInbox>("/api/cases?kind=confirmation");
    expect(listedDone.body.items[0]).toMatchObject({ id: opened.id, status: "done", unread: true });
    const done = await caseOf(id);
    expect(done.status).toBe("done");
    expect(done.messages).toHaveLength(2);
    expect(done.messages[1]).toMatchObject({ authorKind: "client", authorName: "Klara Muster" });
    expect(done.messages[1]?.body).toContain("Internal note");
    const changes = await auditWithAction(t, w.firmId, "case.status_change");
    expect(changes.find((a) => a.entityId === done.id)?.after).toMatchObject({
      status: "done",
      confirmation: "confirmed",
    });
  });

  it("a cancelled request's case is done with a note by whoever cancelled it", async () => {
    const [request] = await askToConfirm(w, w.document.shared.id, [w.grantee.bernd]);
    const id = request?.id ?? "";
    expect((await caseOf(id)).status).toBe("waiting_for_client");
    expect((await staffAction(id, "cancel")).status).toBe(200);
    const done = await caseOf(id);
    expect(done.status).toBe("done");
    expect(done.messages.at(-1)).toMatchObject({ authorKind: "staff", authorName: "Olga Owner", own: true });
  });

  it("a new version makes the open request's case done with a note; the confirmed one's gets the note too", async () => {
    const doc = w.document.shared.id;
    const [open, confirmed] = await askToConfirm(w, doc, [w.grantee.klara, w.grantee.bernd]);
    const openId = open?.id ?? "";
    const confirmedId = confirmed?.id ?? "";
    expect((await w.bernd.client.post(confirmUrl(confirmedId), { confirmed: true })).status).toBe(200);
    const uploaded = await upload(
      w.owner.client,
      `/api/client-files/${w.klaraFile}/documents/${doc}/versions`,
      [{ name: "file", fileName: "policy-v2.pdf", content: await makePdf("Second version") }],
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    // The uploader's own doing: nothing unread for them.
    const listedAfter = await w.owner.client.get<CaseInbox>("/api/cases?kind=confirmation&status=done");
    const openCaseId = await caseIdOf(openId);
    expect(listedAfter.body.items.find((c) => c.id === openCaseId)?.unread).toBe(false);
    const done = await caseOf(openId);
    expect(done.status).toBe("done");
    expect(done.messages).toHaveLength(2);
    expect(done.messages.at(-1)).toMatchObject({ authorKind: "staff", authorName: "Olga Owner" });
    expect(done.messages.at(-1)?.body).toContain("2");
    const confirmedCase = await caseOf(confirmedId);
    expect(confirmedCase.status).toBe("done");
    expect(confirmedCase.messages.map((m) => m.authorKind)).toEqual(["staff", "client", "staff"]);
    // Asking again for the new version is a new case.
    const [renewed] = await askToConfirm(w, doc, [w.grantee.klara]);
    const again = await caseOf(renewed?.id ?? "");
    expect(again.id).not.toBe(done.id);
    expect(again.status).toBe("waiting_for_client");
  });

  it("clients cannot open a confirmation case through the portal: 400 naming `kind`", async () => {
    const res = await w.klara.client.post<ErrorBody>(w.url(w.klaraFile, "cases"), {
      kind: "confirmation",
      subject: "Please confirm",
      message: "x",
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(["kind"]);
  });
});
