import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentDetail, DocumentList } from "../../../contracts/documents.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import {
  categoriesOf,
  createClientFileRow,
  type FormPart,
  makeDocx,
  makePdf,
  makeZip,
  multipartBody,
  tinyPng,
} from "../../../tests/support/factories-documents.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { isInvisibleControl, neutraliseFileName } from "./documents.content.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

describe("SEC-15 uploads and downloads of documents", () => {
  let t: TestApp;
  let client: TestClient;
  let base: string;
  let categoryId: string;
  let firmId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { ATRIUM_UPLOAD_LIMIT_MB: "1" } });
    const firm = await createFirm(t.deps, { language: "en" });
    firmId = firm.firmId;
    const staff = await createStaff(t.deps, firm.firmId, { role: "advisor" });
    const file = await createClientFileRow(t.deps, firm.firmId, { caseOwnerId: staff.userId });
    categoryId = (await categoriesOf(t.deps, firm.firmId)).get("correspondence")?.id ?? "";
    client = new TestClient(t.app, "en");
    await client.post("/api/session", { email: staff.email, password: staff.password });
    base = `/api/client-files/${file.id}/documents`;
  });
  afterAll(() => t?.close());

  function send(fileName: string, content: Buffer, contentType?: string) {
    const parts: FormPart[] = [
      { name: "title", value: "Upload" },
      { name: "categoryId", value: categoryId },
      { name: "file", fileName, content, contentType },
    ];
    const { payload, headers } = multipartBody(parts);
    return client.request<DocumentDetail & ErrorBody>("POST", base, payload, headers);
  }

  async function documentCount() {
    return (await client.get<DocumentList>(base)).body.items.length;
  }

  async function filesOnDisk() {
    const dir = path.join(t.deps.config.dataDir, "files");
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).length;
  }

  function expectRefusedFile(res: { status: number; body: ErrorBody }) {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid");
    const field = res.body.error.details?.fields?.[0];
    expect(field?.field).toBe("file");
    expect(field?.message).toContain("PDF, PNG, JPEG");
  }

  it("SEC-15 an upload over the size limit answers 413 and keeps nothing", async () => {
    const before = { docs: await documentCount(), files: await filesOnDisk() };
    const big = Buffer.concat([await makePdf(), Buffer.alloc(1024 * 1024, 0x20)]);
    const res = await send("big.pdf", big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    expect(await documentCount()).toBe(before.docs);
    // A refused stream's partial file may be removed a moment after the answer; none may remain.
    await expect.poll(filesOnDisk, { timeout: 5_000 }).toBe(before.files);

    const justFits = await send("fits.pdf", Buffer.concat([await makePdf(), Buffer.alloc(900 * 1024, 0x20)]));
    expect(justFits.status).toBe(201);
  });

  it("SEC-15 the type comes from the content: a PNG named x.pdf is stored as image/png", async () => {
    const res = await send("x.pdf", tinyPng, "application/pdf");
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe("image/png");
    const dl = await t.app.inject({
      method: "GET",
      url: `${base}/${res.body.id}/download`,
      headers: { cookie: client.cookie },
    });
    expect(dl.headers["content-type"]).toBe("image/png");
  });

  it("SEC-15 the client's declared type is ignored: a PDF sent as text/html is stored as a PDF", async () => {
    const res = await send("brief.pdf", await makePdf(), "text/html");
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe("application/pdf");
  });

  it("SEC-15 a text file named x.png is stored as text, never as an image", async () => {
    // Plain text is allowed; its name does not make it an image.
    const res = await send("x.png", Buffer.from("Sehr geehrte Damen und Herren,\n"));
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe("text/plain; charset=utf-8");
    expect(res.body.previewable).toBe(false);
  });

  it("SEC-15 HTML, SVG, scripts, executables, plain zips and binary junk are refused naming the file", async () => {
    const before = await filesOnDisk();
    const refused: Array<[string, Buffer]> = [
      ["page.html", Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>")],
      ["notes.txt", Buffer.from("Hello\n<script>alert(1)</script>")],
      ["x.png", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>")],
      ["run.pdf", Buffer.from("#!/bin/sh\nrm -rf /\n")],
      ["app.js", Buffer.from("alert(document.cookie)")],
      ["setup.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(300)])],
      ["bin.pdf", Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(300)])],
      ["archive.docx", makeZip([["a.txt", "hi"]])],
      ["data.txt", Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x42])],
      ["latin1.csv", Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])],
    ];
    for (const [name, content] of refused) {
      const res = await send(name, content);
      expectRefusedFile(res);
    }
    await expect.poll(filesOnDisk, { timeout: 5_000 }).toBe(before);
  });

  it("SEC-15 text that turns binary after the first bytes is refused", async () => {
    const content = Buffer.concat([Buffer.alloc(100 * 1024, 0x61), Buffer.from([0, 1, 2, 0xff])]);
    expectRefusedFile(await send("long.txt", content));
  });

  it("SEC-15 an empty file is refused", async () => {
    const res = await send("empty.pdf", Buffer.alloc(0));
    expect(res.status).toBe(400);
    expect(res.body.error.details?.fields?.[0]?.field).toBe("file");
  });

  it("SEC-15 office documents, CSV and text are accepted with their sniffed types", async () => {
    const docx = await send("Antrag.docx", makeDocx());
    expect(docx.status).toBe(201);
    expect(docx.body.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const csv = await send("liste.csv", Buffer.from("Name;Betrag\nMüller;12,50\n"));
    expect(csv.body.contentType).toBe("text/csv; charset=utf-8");
    const odt = await send("brief.odt", makeZip([["mimetype", "application/vnd.oasis.opendocument.text"]]));
    expect(odt.body.contentType).toBe("application/vnd.oasis.opendocument.text");
  });

  it("SEC-15 path parts, CRLF and control characters in names are neutralised", async () => {
    expect(neutraliseFileName("../../etc/passwd\r\n.pdf")).toBe("etc_passwd.pdf");
    expect(neutraliseFileName("..\\..\\boot.ini")).toBe("boot.ini");
    expect(neutraliseFileName('Re: "Angebot" <neu>.pdf')).toBe("Re_ _Angebot_ _neu_.pdf");
    expect(neutraliseFileName("\u202Efdp.exe")).toBe("fdp.exe");
    expect(neutraliseFileName("...")).toBe("document");

    // Over HTTP, a name with a line break never becomes a file part: the upload is refused, nothing kept.
    const before = await filesOnDisk();
    const crlf = await send("../../etc/passwd\r\n.pdf", await makePdf());
    expect(crlf.status).toBe(400);
    expect(crlf.body.error.details?.fields?.[0]?.field).toBe("file");
    await expect.poll(filesOnDisk, { timeout: 5_000 }).toBe(before);

    const res = await send("../../etc/pass\u0007wd\u0000.pdf", await makePdf());
    expect(res.status).toBe(201);
    const name = res.body.fileName;
    expect(name).not.toMatch(/\.\.|[/\\]/);
    expect([...name].some((c) => isInvisibleControl(c.codePointAt(0) ?? 0))).toBe(false);
    expect(name).toMatch(/passwd\.pdf$/);

    const tricky = await send("..\\..\\win\u0000dows\u202Efdp.exe\u0007.pdf", await makePdf());
    expect(tricky.status).toBe(201);
    expect(tricky.body.fileName).not.toMatch(/\.\.|[/\\]/);
    expect([...tricky.body.fileName].some((c) => isInvisibleControl(c.codePointAt(0) ?? 0))).toBe(false);

    const long = await send(`${"a".repeat(400)}.pdf`, await makePdf());
    expect(long.body.fileName.length).toBeLessThanOrEqual(180);
    expect(long.body.fileName.endsWith(".pdf")).toBe(true);

    const dl = await t.app.inject({
      method: "GET",
      url: `${base}/${res.body.id}/download`,
      headers: { cookie: client.cookie },
    });
    expect(String(dl.headers["content-disposition"])).not.toMatch(/[\r\n]/);
  });

  it("SEC-15 downloads are attachments with an encoded name, nosniff, no-store and the exact length", async () => {
    const pdf = await makePdf();
    const res = await send("Prüfbericht „Q1“ 2026.pdf", pdf);
    const dl = await t.app.inject({
      method: "GET",
      url: `${base}/${res.body.id}/download`,
      headers: { cookie: client.cookie },
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers["content-disposition"]).toBe(
      `attachment; filename="Prufbericht _Q1_ 2026.pdf"; filename*=UTF-8''Pr%C3%BCfbericht%20%E2%80%9EQ1%E2%80%9C%202026.pdf`,
    );
    expect(dl.headers["x-content-type-options"]).toBe("nosniff");
    expect(dl.headers["cache-control"]).toBe("no-store");
    expect(dl.headers["content-type"]).toBe("application/pdf");
    expect(dl.headers["content-length"]).toBe(String(pdf.length));
    expect(Buffer.compare(dl.rawPayload, pdf)).toBe(0);
  });

  it("SEC-15 inline preview is only for PDFs and images, inside a sandbox", async () => {
    const pdf = await send("p.pdf", await makePdf());
    const inline = await t.app.inject({
      method: "GET",
      url: `${base}/${pdf.body.id}/download?inline=1`,
      headers: { cookie: client.cookie },
    });
    expect(String(inline.headers["content-disposition"])).toMatch(/^inline; /);
    expect(inline.headers["content-security-policy"]).toContain("default-src 'none'; sandbox");
    expect(inline.headers["x-content-type-options"]).toBe("nosniff");

    const text = await send("t.txt", Buffer.from("just text"));
    const notInline = await t.app.inject({
      method: "GET",
      url: `${base}/${text.body.id}/download?inline=1`,
      headers: { cookie: client.cookie },
    });
    expect(String(notInline.headers["content-disposition"])).toMatch(/^attachment; /);
  });

  it("SEC-15 storage keys are made of ids only, never of the uploaded name", async () => {
    const res = await send("../../evil name.pdf", await makePdf());
    const { rows } = await t.deps.database.owner.query<{ storage_key: string }>(
      "select storage_key from document_versions where firm_id = $1 and document_id = $2",
      [firmId, res.body.id],
    );
    expect(rows[0]?.storage_key).toMatch(new RegExp(`^${firmId}/documents/${res.body.id}/[0-9a-f-]{36}$`));
  });
});
