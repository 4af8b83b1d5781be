import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentDetail, DocumentList } from "../../../contracts/documents.js";
import {
  type DocumentsWorld,
  documentsWorld,
  download,
  type ErrorBody,
  fieldsOf,
  sha256,
  storedFiles,
  upload,
  uploadParts,
} from "../../../tests/support/documents-world.js";
import {
  createClaimRow,
  createClientFileRow,
  createContractRow,
  deactivateCategory,
  makePdf,
  tinyPng,
} from "../../../tests/support/factories-documents.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

describe("documents of a client file", () => {
  let t: TestApp;
  let w: DocumentsWorld;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await documentsWorld(t);
    base = `/api/client-files/${w.file.id}/documents`;
  });
  afterAll(() => t?.close());

  it("uploads a real PDF as version 1, keeps its SHA-256 and downloads the exact bytes", async () => {
    const pdf = await makePdf();
    const res = await upload(
      w.owner,
      base,
      uploadParts(w, { fileName: "Police Müller.pdf", content: pdf }, { documentDate: "2026-02-01" }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: "Policy 2026",
      category: { key: "policy" },
      currentVersion: 1,
      fileName: "Police Müller.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
      documentDate: "2026-02-01",
      sharedToPortal: false,
      previewable: true,
    });
    expect(res.body.versions).toHaveLength(1);
    expect(res.body.versions[0]?.uploadedBy.name).toBe("Sam Staff");

    const dl = await download(t, w.owner, `${base}/${res.body.id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(Buffer.compare(dl.rawPayload, pdf)).toBe(0);
    expect(dl.headers["content-type"]).toBe("application/pdf");
    expect(dl.headers["content-length"]).toBe(String(pdf.length));
  });

  it("uploads a PNG and lists documents newest first with filters", async () => {
    t.clock.advance(60_000);
    const png = await upload(
      w.teamMember,
      base,
      uploadParts(w, { fileName: "scan.png", content: tinyPng }, { sharedToPortal: "true" }),
    );
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({
      contentType: "image/png",
      sha256: sha256(tinyPng),
      sharedToPortal: true,
    });

    const list = await w.owner.get<DocumentList>(base);
    expect(list.status).toBe(200);
    expect(list.body.items[0]?.id).toBe(png.body.id);
    expect(list.body.items.length).toBeGreaterThanOrEqual(2);
    expect(list.body.categories.map((c) => c.key)).toContain("invoice");

    const shared = await w.owner.get<DocumentList>(`${base}?shared=true`);
    expect(shared.body.items.map((d) => d.id)).toEqual([png.body.id]);
    const policy = await w.owner.get<DocumentList>(`${base}?categoryId=${w.categories.get("policy")?.id}`);
    expect(policy.body.items.every((d) => d.category.key === "policy")).toBe(true);
  });

  it("links a contract and a claim of the same file, and filters by contract", async () => {
    const contract = await createContractRow(t.deps, w.firm.firmId, w.file.id);
    const claim = await createClaimRow(t.deps, w.firm.firmId, w.file.id);
    const res = await upload(
      w.owner,
      base,
      uploadParts(
        w,
        { fileName: "a.pdf", content: await makePdf("A") },
        { contractId: contract.id, claimId: claim.id },
      ),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contractId: contract.id, claimId: claim.id });
    const list = await w.owner.get<DocumentList>(`${base}?contractId=${contract.id}`);
    expect(list.body.items.map((d) => d.id)).toEqual([res.body.id]);
  });

  it("refuses invalid upload fields, naming each, and keeps no file", async () => {
    const noTitle = await upload(w.owner, base, [
      { name: "categoryId", value: w.categories.get("policy")?.id ?? "" },
      { name: "file", fileName: "a.pdf", content: await makePdf() },
    ]);
    expect(noTitle.status).toBe(400);
    expect(fieldsOf(noTitle.body)).toEqual(["title"]);

    const badCategory = await upload(w.owner, base, [
      { name: "title", value: "x" },
      { name: "categoryId", value: "not-a-uuid" },
      { name: "documentDate", value: "31.12.2026" },
      { name: "file", fileName: "a.pdf", content: await makePdf() },
    ]);
    expect(badCategory.status).toBe(400);
    expect(fieldsOf(badCategory.body).sort()).toEqual(["categoryId", "documentDate"]);

    const noFile = await upload(w.owner, base, [
      { name: "title", value: "x" },
      { name: "categoryId", value: w.categories.get("policy")?.id ?? "" },
    ]);
    expect(noFile.status).toBe(400);
    expect(fieldsOf(noFile.body)).toEqual(["file"]);

    const json = await w.owner.post<ErrorBody>(base, { title: "x" });
    expect(json.status).toBe(400);
    expect(fieldsOf(json.body)).toEqual(["file"]);

    const other = await createClientFileRow(t.deps, w.firm.firmId, { caseOwnerId: "someone" });
    const otherContract = await createContractRow(t.deps, w.firm.firmId, other.id);
    const foreignLink = await upload(
      w.owner,
      base,
      uploadParts(w, { fileName: "a.pdf", content: await makePdf() }, { contractId: otherContract.id }),
    );
    expect(foreignLink.status).toBe(400);
    expect(fieldsOf(foreignLink.body)).toEqual(["contractId"]);

    const inactive = w.categories.get("other")?.id ?? "";
    await deactivateCategory(t.deps, w.firm.firmId, inactive);
    const inactiveRes = await upload(w.owner, base, [
      { name: "title", value: "x" },
      { name: "categoryId", value: inactive },
      { name: "file", fileName: "a.pdf", content: await makePdf() },
    ]);
    expect(inactiveRes.status).toBe(400);
    expect(fieldsOf(inactiveRes.body)).toEqual(["categoryId"]);

    expect(await storedFiles(t, w.firm.firmId)).toBe(
      (await w.owner.get<DocumentList>(base)).body.items.length,
    );
  });

  it("adds versions; earlier ones stay listable and downloadable", async () => {
    const v1 = await makePdf("first");
    const created = await upload(w.owner, base, uploadParts(w, { fileName: "contract.pdf", content: v1 }));
    const id = created.body.id;
    const v2 = await makePdf("second");
    const res = await upload(w.teamMember, `${base}/${id}/versions`, [
      { name: "file", fileName: "contract-signed.pdf", content: v2 },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.currentVersion).toBe(2);
    expect(res.body.sha256).toBe(sha256(v2));
    expect(res.body.versions.map((v) => [v.version, v.fileName, v.sha256])).toEqual([
      [2, "contract-signed.pdf", sha256(v2)],
      [1, "contract.pdf", sha256(v1)],
    ]);
    const old = await download(t, w.owner, `${base}/${id}/download?version=1`);
    expect(Buffer.compare(old.rawPayload, v1)).toBe(0);
    const current = await download(t, w.owner, `${base}/${id}/download`);
    expect(Buffer.compare(current.rawPayload, v2)).toBe(0);
    const missing = await download(t, w.owner, `${base}/${id}/download?version=9`);
    expect(missing.statusCode).toBe(404);

    const one = await w.owner.get<DocumentDetail>(`${base}/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.versions).toHaveLength(2);

    const noFile = await upload(w.owner, `${base}/${id}/versions`, [{ name: "note", value: "x" }]);
    expect(noFile.status).toBe(400);
    expect(fieldsOf(noFile.body)).toEqual(["file"]);
    const extra = await upload(w.owner, `${base}/${id}/versions`, [
      { name: "title", value: "x" },
      { name: "file", fileName: "v3.pdf", content: v2 },
    ]);
    expect(extra.status).toBe(400);
    expect(fieldsOf(extra.body)).toEqual(["title"]);
    expect((await w.owner.get<DocumentDetail>(`${base}/${id}`)).body.currentVersion).toBe(2);
  });

  it("changes title, category, links and date; refuses bad values naming the field", async () => {
    const created = await upload(
      w.owner,
      base,
      uploadParts(w, { fileName: "x.pdf", content: await makePdf() }),
    );
    const url = `${base}/${created.body.id}`;
    const invoice = w.categories.get("invoice")?.id;
    const res = await w.owner.patch<DocumentDetail>(url, {
      title: "Rechnung März",
      categoryId: invoice,
      documentDate: "2026-03-01",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: "Rechnung März",
      category: { key: "invoice" },
      documentDate: "2026-03-01",
    });

    const cleared = await w.owner.patch<DocumentDetail>(url, { documentDate: null, contractId: null });
    expect(cleared.body.documentDate).toBeNull();

    const bad = await w.owner.patch<ErrorBody>(url, { title: "", documentDate: "yesterday" });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(["documentDate", "title"]);
    const unknownCategory = await w.owner.patch<ErrorBody>(url, { categoryId: crypto.randomUUID() });
    expect(fieldsOf(unknownCategory.body)).toEqual(["categoryId"]);
    const unknownKey = await w.owner.patch<ErrorBody>(url, { sharedToPortal: true });
    expect(unknownKey.status).toBe(400);
  });
});
