import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ConfirmationPreview,
  PortalConfirmationList,
  PortalConfirmReceipt,
} from "../../../contracts/confirmations.js";
import type { ErrorBody } from "../../../tests/support/documents-world.js";
import { createFirm } from "../../../tests/support/factories.js";
import { signedInStaff } from "../../../tests/support/factories-clients.js";
import { TestClient } from "../../../tests/support/http.js";
import { auditWithAction, previewAs } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import {
  askToConfirm,
  type ConfirmationsWorld,
  confirmationsWorld,
  delivered,
  listed,
  pdfText,
  requestOutbox,
  requestsUrl,
} from "./confirmations.fixtures.js";

describe("confirmation requests (PORTAL-5, seed 000)", () => {
  let t: TestApp;
  let w: ConfirmationsWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await confirmationsWorld(t);
  });
  afterAll(() => t?.close());

  const portalList = (client: TestClient, headers?: Record<string, string>) =>
    client.get<PortalConfirmationList>(w.url(w.klaraFile, "confirmations"), headers);
  const confirmUrl = (id: string) => w.url(w.klaraFile, `confirmations/${id}/confirm`);

  it("seed 000: asking shares the document, mails the client, who confirms in the portal; the evidence and the PDF certificate hold who, when, version, SHA-256, IP and browser", async () => {
    const docId = w.document.unshared.id;
    const before = await listed(w, docId);
    expect(before.sharedToPortal).toBe(false);
    const klaraCandidate = before.candidates.find((c) => c.granteeId === w.grantee.klara);
    expect(klaraCandidate?.refusal).toBeNull();

    // The editable mail: the standard text to start from, and an edited subject shows as typed.
    const preview = await w.owner.client.post<ConfirmationPreview>(`${requestsUrl(w, docId)}/preview`, {
      granteeId: w.grantee.klara,
      subject: "Ihr Beratungsprotokoll",
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.subject).toBe("Ihr Beratungsprotokoll");
    expect(preview.body.standard.subject).toBe("Bitte bestätigen Sie den Erhalt: Internal note");
    expect(preview.body.text).toContain(preview.body.standard.message);

    const [request] = await askToConfirm(w, docId, [w.grantee.klara], {
      subject: "Ihr Beratungsprotokoll",
      message: "Liebe Frau Muster,\nbitte lesen Sie das Protokoll.",
    });
    expect(request?.status).toBe("open");
    expect(request?.version).toBe(1);
    const after = await listed(w, docId);
    expect(after.sharedToPortal).toBe(true);
    expect(after.candidates.find((c) => c.granteeId === w.grantee.klara)?.refusal).toBe("already_open");

    const [outbox] = await requestOutbox(t, request?.id ?? "");
    const mail = await delivered(t, outbox?.id ?? "");
    expect(mail.subject).toBe("Ihr Beratungsprotokoll");
    expect(mail.text).toContain("bitte lesen Sie das Protokoll.");
    expect(mail.text).toContain("Internal note");
    expect(mail.text).toContain(`/portal/${w.firmId}/${w.klaraFile}/documents`);
    expect(mail.to).toContain(w.klara.email);

    // The portal shows the request prominently; the document opens before confirming.
    const open = await portalList(w.klara.client);
    expect(open.body.items.map((i) => [i.id, i.status, i.mayConfirm])).toEqual([[request?.id, "open", true]]);
    const download = await t.app.inject({
      method: "GET",
      url: w.url(w.klaraFile, `documents/${docId}/download`),
      headers: { cookie: w.klara.client.cookie },
    });
    expect(download.statusCode).toBe(200);

    const confirmed = await w.klara.client.post<PortalConfirmReceipt>(
      confirmUrl(request?.id ?? ""),
      { confirmed: true },
      { "user-agent": "Mozilla/5.0 (Confirming Phone)" },
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.sha256).toBe(request?.sha256);
    // A second tap answers the same receipt and records nothing new.
    const again = await w.klara.client.post<PortalConfirmReceipt>(confirmUrl(request?.id ?? ""), {
      confirmed: true,
    });
    expect(again.body.confirmedAt).toBe(confirmed.body.confirmedAt);
    expect(await auditWithAction(t, w.firmId, "confirmation.confirm")).toHaveLength(1);
    // The staff member who asked hears of it in their next digest.
    const { rows: notes } = await t.deps.database.owner.query(
      "select 1 from notification_items where firm_id = $1 and recipient_user_id = $2 and topic = 'document_confirmed'",
      [w.firmId, w.owner.userId],
    );
    expect(notes).toHaveLength(1);

    const [done] = (await listed(w, docId)).items;
    expect(done?.status).toBe("confirmed");
    const { rows: versions } = await t.deps.database.owner.query<{ sha256: string }>(
      "select sha256 from document_versions where firm_id = $1 and document_id = $2 and version = 1",
      [w.firmId, docId],
    );
    expect(done?.evidence).toMatchObject({
      accountId: w.klara.userId,
      accountEmail: w.klara.email,
      personId: w.person.klara,
      name: "Klara Muster",
      documentId: docId,
      version: 1,
      sha256: versions[0]?.sha256,
      ip: "127.0.0.1",
      userAgent: "Mozilla/5.0 (Confirming Phone)",
    });
    expect(done?.evidence?.confirmedAt).toBe(confirmed.body.confirmedAt);
    // The evidence cannot be rewritten, not even by the app's own database role.
    await expect(
      inFirm(t.deps.database, w.firmId, (tx) =>
        tx.client.query("update confirmation_evidence set ip = '10.0.0.1'"),
      ),
    ).rejects.toThrow(/immutable/);

    const certificate = await t.app.inject({
      method: "GET",
      url: `/api/client-files/${w.klaraFile}/confirmations/${request?.id}/certificate?language=de`,
      headers: { cookie: w.owner.client.cookie },
    });
    expect(certificate.statusCode).toBe(200);
    expect(certificate.headers["content-type"]).toBe("application/pdf");
    expect(certificate.headers["content-disposition"]).toContain("attachment");
    const pdf = certificate.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const expected of [
      "Empfangsbestätigung",
      "Klara Muster",
      w.klara.email,
      "Internal note",
      versions[0]?.sha256 ?? "?",
      "127.0.0.1",
      "Mozilla/5.0 (Confirming Phone)",
    ])
      expect(text).toContain(expected);
    expect(
      pdfText(
        (
          await t.app.inject({
            method: "GET",
            url: `/api/client-files/${w.klaraFile}/confirmations/${request?.id}/certificate?language=fr`,
            headers: { cookie: w.owner.client.cookie },
          })
        ).rawPayload,
      ),
    ).toContain("Accusé de réception");

    const actions = (await auditWithAction(t, w.firmId, "confirmation.request")).map((a) => a.entityId);
    expect(actions).toContain(request?.id);
    expect(await auditWithAction(t, w.firmId, "confirmation.certificate_download")).toHaveLength(2);
    expect(await auditWithAction(t, w.firmId, "document.share")).toHaveLength(1);
  });

  it("only the grantee asked confirms: another grantee of the file hears 404, a staff preview 403", async () => {
    const [request] = await askToConfirm(w, w.document.shared.id, [w.grantee.klara]);
    const id = request?.id ?? "";
    // Max sees the document too, but the request is not his.
    expect((await portalList(w.max.client)).body.items.map((i) => i.id)).not.toContain(id);
    expect((await w.max.client.post(confirmUrl(id), { confirmed: true })).status).toBe(404);
    // Staff previewing Klara see the request but may not confirm for her.
    const previewed = await portalList(w.owner.client, previewAs(w.grantee.klara));
    expect(previewed.body.items.find((i) => i.id === id)?.mayConfirm).toBe(false);
    expect(
      (await w.owner.client.post(confirmUrl(id), { confirmed: true }, previewAs(w.grantee.klara))).status,
    ).toBe(403);
    expect((await listed(w, w.document.shared.id)).items.find((i) => i.id === id)?.status).toBe("open");
  });

  it("SEC-11 another firm's staff and accounts hear 404 for the requests, the certificate and the confirm", async () => {
    const [request] = await askToConfirm(w, w.document.shared.id, [w.grantee.bernd]);
    const id = request?.id ?? "";
    const otherFirm = await createFirm(t.deps, { name: "Elsewhere" });
    const stranger = await signedInStaff(t, otherFirm.firmId, "admin");
    for (const [verb, url] of [
      ["GET", requestsUrl(w, w.document.shared.id)],
      ["POST", `/api/client-files/${w.klaraFile}/confirmations/${id}/cancel`],
      ["POST", `/api/client-files/${w.klaraFile}/confirmations/${id}/resend`],
      ["GET", `/api/client-files/${w.klaraFile}/confirmations/${id}/certificate`],
    ] as const)
      expect((await stranger.client.request(verb, url, verb === "POST" ? {} : undefined)).status).toBe(404);
    expect((await stranger.client.post(confirmUrl(id), { confirmed: true })).status).toBe(404);
    expect((await listed(w, w.document.shared.id)).items.find((i) => i.id === id)?.status).toBe("open");
  });

  it("bad input answers with the field and a translated hint: no one chosen, someone who cannot see the document, an unticked box", async () => {
    const german = new TestClient(t.app, "de");
    german.cookie = w.owner.client.cookie;
    const empty = await german.post<ErrorBody>(requestsUrl(w, w.document.shared.id), { granteeIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details?.fields?.[0]?.field).toBe("granteeIds");

    // The PHV policy is tied to a contract the grant does not share: Klara would never see it.
    const hidden = await german.post<ErrorBody>(requestsUrl(w, w.document.onHiddenContract.id), {
      granteeIds: [w.grantee.klara],
    });
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.details?.fields).toEqual([
      {
        field: "granteeIds",
        message:
          "Klara Muster würde dieses Dokument nicht sehen: Die Freischaltung teilt seine Kategorie oder den zugehörigen Vertrag nicht.",
      },
    ]);
    const english = await w.owner.client.post<ErrorBody>(requestsUrl(w, w.document.onHiddenContract.id), {
      granteeIds: [w.grantee.klara],
    });
    expect(english.body.error.details?.fields?.[0]?.message).toContain("would not see this document");

    const [request] = await askToConfirm(w, w.document.shared.id, [w.grantee.max]);
    const unticked = await w.max.client.post<ErrorBody>(confirmUrl(request?.id ?? ""), { confirmed: false });
    expect(unticked.status).toBe(400);
    expect(unticked.body.error.details?.fields).toEqual([
      {
        field: "confirmed",
        message: "Please tick the box to confirm that you have received and read the document.",
      },
    ]);
    const missing = await w.max.client.post<ErrorBody>(confirmUrl(request?.id ?? ""), {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details?.fields?.[0]?.field).toBe("confirmed");
    // Asking Max twice for the same document is refused, naming him.
    const twice = await w.owner.client.post<ErrorBody>(requestsUrl(w, w.document.shared.id), {
      granteeIds: [w.grantee.max],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details?.fields?.[0]?.message).toContain("Max Muster has already been asked");
  });

  it("a grant without confirmations cannot be asked, and says why", async () => {
    await t.deps.database.owner.query(
      "update grants set features = '{messages}' where firm_id = $1 and id = $2",
      [w.firmId, w.grant.id],
    );
    try {
      const list = await listed(w, w.document.shared.id);
      expect(list.candidates.find((c) => c.granteeId === w.grantee.klara)?.refusal).toBe("feature_off");
      const res = await w.owner.client.post<ErrorBody>(requestsUrl(w, w.document.shared.id), {
        granteeIds: [w.grantee.klara],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details?.fields?.[0]?.message).toContain("does not include confirmations");
      // Open requests leave the portal with the feature.
      expect((await portalList(w.klara.client)).body.items).toEqual([]);
    } finally {
      await t.deps.database.owner.query(
        "update grants set features = '{messages,claim_reporting,document_confirmations}' where firm_id = $1 and id = $2",
        [w.firmId, w.grant.id],
      );
    }
  });
});
