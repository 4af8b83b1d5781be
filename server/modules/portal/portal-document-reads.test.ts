import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalDocumentList, PortalOverview } from "../../../contracts/portal.js";
import { upload } from "../../../tests/support/documents-world.js";
import { makePdf } from "../../../tests/support/factories-documents.js";
import type { TestClient } from "../../../tests/support/http.js";
import {
  firmSnapshot,
  previewAs,
  type Seed004World,
  seed004World,
} from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { createPortalFileRowsFunctions } from "./portal-file-rows.sql.js";

describe("the portal's document mailbox: new and unread per account (PORTAL-4)", () => {
  let t: TestApp;
  let w: Seed004World;
  let doc: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004World(t);
    doc = w.document.shared.id;
  });
  afterAll(() => t?.close());

  /** The `unread` flag of the shared document in `client`'s list (or, with headers, a preview's). */
  async function unreadFor(client: TestClient, headers: Record<string, string> = {}) {
    const res = await client.request<PortalDocumentList>(
      "GET",
      w.url(w.klaraFile, "documents"),
      undefined,
      headers,
    );
    expect(res.status).toBe(200);
    return res.body.documents.find((d) => d.id === doc)?.unread;
  }

  async function overviewOf(client: TestClient) {
    const res = await client.get<PortalOverview>(w.url(w.klaraFile, "overview"));
    expect(res.status).toBe(200);
    return res.body;
  }

  function downloadAs(cookie: string, headers: Record<string, string> = {}) {
    return t.app.inject({
      method: "GET",
      url: w.url(w.klaraFile, `documents/${doc}/download?inline=1`),
      headers: { cookie, ...headers },
    });
  }

  it("starts unread for every account, and the overview counts it and lists it as new", async () => {
    expect(await unreadFor(w.klara.client)).toBe(true);
    expect(await unreadFor(w.max.client)).toBe(true);
    const overview = await overviewOf(w.klara.client);
    expect(overview.unreadDocuments).toBe(1);
    expect(overview.news.filter((n) => n.kind === "document")).toEqual([
      expect.objectContaining({ id: doc, title: "Policy HRV", detail: expect.any(String) }),
    ]);
    // Contracts and claims the firm changed lately, only those the grant shows.
    const records = overview.news.filter((n) => n.kind !== "document").map((n) => n.id);
    expect(records.sort()).toEqual(
      [w.contract.klaraHrv, w.contract.klaraForeignHrv, w.claim.onHrv, w.claim.free].sort(),
    );
  });

  it("a staff preview's opening marks nothing, shows the client's own state, and may not mark by hand", async () => {
    const preview = previewAs(w.grantee.klara);
    const opened = await downloadAs(w.owner.client.cookie, preview);
    expect(opened.statusCode).toBe(200);
    expect(await unreadFor(w.klara.client)).toBe(true);
    expect(await unreadFor(w.owner.client, preview)).toBe(true);
    const marked = await w.owner.client.request<{ error: { message: string } }>(
      "POST",
      w.url(w.klaraFile, `documents/${doc}/read`),
      undefined,
      preview,
    );
    expect(marked.status).toBe(403);
    expect(marked.body.error.message).toMatch(/preview/);
    const all = await w.owner.client.request(
      "POST",
      w.url(w.klaraFile, "documents/read"),
      undefined,
      preview,
    );
    expect(all.status).toBe(403);
    expect(await unreadFor(w.klara.client)).toBe(true);
    // The back office's own download is the firm's, not the client's reading either.
    const office = await t.app.inject({
      method: "GET",
      url: `/api/client-files/${w.klaraFile}/documents/${doc}/download`,
      headers: { cookie: w.owner.client.cookie },
    });
    expect(office.statusCode).toBe(200);
    expect(await unreadFor(w.klara.client)).toBe(true);
  });

  it("opening it marks it read for that account only; the preview then shows the client has read it", async () => {
    expect((await downloadAs(w.klara.client.cookie)).statusCode).toBe(200);
    expect(await unreadFor(w.klara.client)).toBe(false);
    expect(await unreadFor(w.owner.client, previewAs(w.grantee.klara))).toBe(false);
    expect(await unreadFor(w.max.client)).toBe(true);
    const overview = await overviewOf(w.klara.client);
    expect(overview.unreadDocuments).toBe(0);
    expect(overview.news.some((n) => n.kind === "document")).toBe(false);
    expect((await overviewOf(w.max.client)).unreadDocuments).toBe(1);
  });

  it("a new version makes it unread again, until it is opened again", async () => {
    const added = await upload(w.owner.client, `/api/client-files/${w.klaraFile}/documents/${doc}/versions`, [
      { name: "file", fileName: "Policy HRV v2.pdf", content: await makePdf("second") },
    ]);
    expect(added.status).toBe(201);
    expect(await unreadFor(w.klara.client)).toBe(true);
    expect((await overviewOf(w.klara.client)).unreadDocuments).toBe(1);
    expect((await downloadAs(w.klara.client.cookie)).statusCode).toBe(200);
    expect(await unreadFor(w.klara.client)).toBe(false);
  });

  it("a `read` grantee marks a document read without opening it; the file's data stays as it was", async () => {
    const before = await firmSnapshot(t, w.firmId);
    const res = await w.max.client.post(w.url(w.klaraFile, `documents/${doc}/read`), undefined);
    expect(res.status).toBe(204);
    expect(await unreadFor(w.max.client)).toBe(false);
    // Marking again changes nothing and still answers 204.
    expect((await w.max.client.post(w.url(w.klaraFile, `documents/${doc}/read`), undefined)).status).toBe(
      204,
    );
    expect(await firmSnapshot(t, w.firmId)).toBe(before);
  });

  it("marking a document the viewer does not see, or of a file they do not reach, answers 404", async () => {
    for (const hidden of [w.document.unshared.id, w.document.onHiddenContract.id]) {
      const res = await w.klara.client.post(w.url(w.klaraFile, `documents/${hidden}/read`), undefined);
      expect(res.status).toBe(404);
    }
    const otherFile = await w.klara.client.post(
      `/api/portal/firms/${w.firmId}/files/${crypto.randomUUID()}/documents/${doc}/read`,
      undefined,
    );
    expect(otherFile.status).toBe(404);
    const otherFirm = await w.klara.client.post(
      `/api/portal/firms/${crypto.randomUUID()}/files/${w.klaraFile}/documents/${doc}/read`,
      undefined,
    );
    expect(otherFirm.status).toBe(404);
  });

  it("marks every document of the file read at once", async () => {
    const added = await upload(w.owner.client, `/api/client-files/${w.klaraFile}/documents/${doc}/versions`, [
      { name: "file", fileName: "Policy HRV v3.pdf", content: await makePdf("third") },
    ]);
    expect(added.status).toBe(201);
    expect(await unreadFor(w.bernd.client)).toBe(true);
    expect(await unreadFor(w.klara.client)).toBe(true);
    const res = await w.bernd.client.post(w.url(w.klaraFile, "documents/read"), undefined);
    expect(res.status).toBe(204);
    expect(await unreadFor(w.bernd.client)).toBe(false);
    expect((await overviewOf(w.bernd.client)).unreadDocuments).toBe(0);
    expect(await unreadFor(w.klara.client)).toBe(true);
  });

  it("a database holding the list function from before `unread` gets the new one at start", async () => {
    const owner = new pg.Client({ connectionString: t.databaseUrl });
    await owner.connect();
    try {
      await owner.query("drop function public.portal_file_documents(uuid, text, uuid, timestamptz)");
      await owner.query(`create function public.portal_file_documents(file uuid, account text, grantee uuid,
        at timestamptz) returns table (id uuid) language sql stable as 'select null::uuid where false'`);
      await createPortalFileRowsFunctions(owner);
    } finally {
      await owner.end();
    }
    expect(await unreadFor(w.klara.client)).toBe(true);
  });
});
