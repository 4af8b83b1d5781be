import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentList, DocumentSummary } from "../../../contracts/documents.js";
import {
  auditActions,
  type DocumentsWorld,
  documentsWorld,
  download,
  type ErrorBody,
  fieldsOf,
  signIn,
  storedFiles,
  upload,
  uploadParts,
} from "../../../tests/support/documents-world.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { createClientFileRow, makePdf } from "../../../tests/support/factories-documents.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

describe("documents: sharing, deleting, who may", () => {
  let t: TestApp;
  let w: DocumentsWorld;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await documentsWorld(t);
    base = `/api/client-files/${w.file.id}/documents`;
  });
  afterAll(() => t?.close());

  it("toggles the share flag in one click and records it", async () => {
    const created = await upload(
      w.owner,
      base,
      uploadParts(w, { fileName: "s.pdf", content: await makePdf() }),
    );
    const url = `${base}/${created.body.id}/share`;
    const on = await w.owner.post<DocumentSummary>(url, { shared: true });
    expect(on.status).toBe(200);
    expect(on.body.sharedToPortal).toBe(true);
    const off = await w.teamMember.post<DocumentSummary>(url, { shared: false });
    expect(off.body.sharedToPortal).toBe(false);
    const bad = await w.owner.post<ErrorBody>(url, { shared: "yes" });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(["shared"]);

    const history = await auditActions(t, w.firm.firmId, created.body.id);
    expect(history).toEqual(["document.create", "document.share", "document.unshare"]);
  });

  it("deletes a document with its versions and stored files", async () => {
    const created = await upload(
      w.owner,
      base,
      uploadParts(w, { fileName: "d.pdf", content: await makePdf() }),
    );
    await upload(w.owner, `${base}/${created.body.id}/versions`, [
      { name: "file", fileName: "d2.pdf", content: await makePdf("2") },
    ]);
    const before = await storedFiles(t, w.firm.firmId);
    const res = await w.owner.delete(`${base}/${created.body.id}`);
    expect(res.status).toBe(204);
    expect(await storedFiles(t, w.firm.firmId)).toBe(before - 2);
    expect((await w.owner.get(`${base}/${created.body.id}`)).status).toBe(404);
    expect((await w.owner.delete(`${base}/${created.body.id}`)).status).toBe(404);
    expect(await auditActions(t, w.firm.firmId, created.body.id)).toContain("document.delete");
  });

  it("records downloads in the audit log", async () => {
    const created = await upload(
      w.owner,
      base,
      uploadParts(w, { fileName: "a.pdf", content: await makePdf() }),
    );
    await download(t, w.owner, `${base}/${created.body.id}/download`);
    expect(await auditActions(t, w.firm.firmId, created.body.id)).toEqual([
      "document.create",
      "document.download",
    ]);
  });

  it("answers 404 to staff not on the file's team, and lets an admin in", async () => {
    const created = await upload(
      w.owner,
      base,
      uploadParts(w, { fileName: "a.pdf", content: await makePdf() }),
    );
    const id = created.body.id;
    const o = w.outsider;
    expect((await o.get(base)).status).toBe(404);
    expect((await o.get(`${base}/${id}`)).status).toBe(404);
    expect((await download(t, o, `${base}/${id}/download`)).statusCode).toBe(404);
    expect((await o.patch(`${base}/${id}`, { title: "x" })).status).toBe(404);
    expect((await o.post(`${base}/${id}/share`, { shared: true })).status).toBe(404);
    expect((await o.delete(`${base}/${id}`)).status).toBe(404);
    expect(
      (await upload(o, base, uploadParts(w, { fileName: "a.pdf", content: await makePdf() }))).status,
    ).toBe(404);
    expect(
      (
        await upload(o, `${base}/${id}/versions`, [
          { name: "file", fileName: "a.pdf", content: await makePdf() },
        ])
      ).status,
    ).toBe(404);

    const admin = await createStaff(t.deps, w.firm.firmId, { role: "admin" });
    expect((await (await signIn(t, admin)).get(`${base}/${id}`)).status).toBe(200);
    expect((await new TestClient(t.app).get(base)).status).toBe(401);
  });

  it("SEC-11 another firm's ids answer 404 on every documents endpoint", async () => {
    const created = await upload(
      w.owner,
      base,
      uploadParts(w, { fileName: "a.pdf", content: await makePdf() }),
    );
    const id = created.body.id;
    const other = await createFirm(t.deps);
    const admin = await signIn(t, await createStaff(t.deps, other.firmId, { role: "admin" }));
    const otherFile = await createClientFileRow(t.deps, other.firmId, { caseOwnerId: "x" });
    const pdf = await makePdf();
    const checks = [
      await admin.get(base),
      await admin.get(`${base}/${id}`),
      await admin.patch(`${base}/${id}`, { title: "x" }),
      await admin.post(`${base}/${id}/share`, { shared: true }),
      await admin.delete(`${base}/${id}`),
      await upload(admin, base, uploadParts(w, { fileName: "a.pdf", content: pdf })),
      await upload(admin, `${base}/${id}/versions`, [{ name: "file", fileName: "a.pdf", content: pdf }]),
      // Their own file with our document's id: the document is not theirs either.
      await admin.get(`/api/client-files/${otherFile.id}/documents/${id}`),
    ];
    expect(checks.map((r) => r.status)).toEqual(checks.map(() => 404));
    expect((await download(t, admin, `${base}/${id}/download`)).statusCode).toBe(404);
    expect((await w.owner.get(`${base}/${id}`)).status).toBe(200);
  });

  it("deleting the client file removes the stored files of its documents", async () => {
    const file = await createClientFileRow(t.deps, w.firm.firmId, { caseOwnerId: w.ownerUserId });
    const fileBase = `/api/client-files/${file.id}/documents`;
    const created = await upload(
      w.owner,
      fileBase,
      uploadParts(w, { fileName: "x.pdf", content: await makePdf() }),
    );
    await upload(w.owner, `${fileBase}/${created.body.id}/versions`, [
      { name: "file", fileName: "x2.pdf", content: await makePdf("2") },
    ]);
    const before = await storedFiles(t, w.firm.firmId);
    expect((await w.owner.delete(`/api/client-files/${file.id}`)).status).toBe(204);
    expect(await storedFiles(t, w.firm.firmId)).toBe(before - 2);
    // The other file's documents stay.
    expect((await w.owner.get<DocumentList>(base)).body.items.length).toBeGreaterThan(0);
  });
});
