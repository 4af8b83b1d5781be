import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../tests/support/documents-world.js";
import { type OwnDataWorld, ownDataWorld } from "../../../tests/support/own-data-world.js";
import { auditWithAction, previewAs } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { winAnsi } from "./portal-report.pdf.js";

describe("a file's PDF overview (reports)", () => {
  let t: TestApp;
  let w: OwnDataWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await ownDataWorld(t);
  });
  afterAll(() => t?.close());

  const download = (cookie: string, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers: { cookie, "accept-language": "en", ...headers } });

  it("gives the holder a PDF of what she sees, in her language, audited", async () => {
    const res = await download(w.klara.client.cookie, w.url(w.klaraFile, "report.pdf"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(String(res.headers["content-disposition"])).toContain("attachment");
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getTitle()).toBe("Overview of your file");
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);

    const german = await download(w.klara.client.cookie, `${w.url(w.klaraFile, "report.pdf")}?lang=de`);
    expect((await PDFDocument.load(german.rawPayload)).getTitle()).toBe("Übersicht Ihrer Akte");
    const french = await download(w.klara.client.cookie, w.url(w.klaraFile, "report.pdf"), {
      "accept-language": "fr",
    });
    expect((await PDFDocument.load(french.rawPayload)).getTitle()).toBe("Synthèse de votre dossier");

    const audited = await auditWithAction(t, w.firmId, "report.download");
    expect(audited).toHaveLength(3);
    expect(audited[0]).toMatchObject({ actorUserId: w.klara.userId, clientFileId: w.klaraFile });
  });

  it("refuses external advisors and partners with 403 on a file they see, and answers 404 for unseen files", async () => {
    for (const who of [w.bernd, w.max]) {
      const refused = await who.client.get<ErrorBody>(w.url(w.klaraFile, "report.pdf"));
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain("holders");
    }
    expect((await w.klara.client.get(w.url(w.otherFile, "report.pdf"))).status).toBe(404);
    // Klara's file at the other firm, asked under this firm's address: not this firm's file.
    expect((await w.klara.client.get(w.url(w.second.file, "report.pdf"))).status).toBe(404);
  });

  it("follows the previewed grantee's role in a staff preview", async () => {
    const asKlara = await w.owner.client.get(w.url(w.klaraFile, "report.pdf"), previewAs(w.grantee.klara));
    expect(asKlara.status).toBe(200);
    const asBernd = await w.owner.client.get(w.url(w.klaraFile, "report.pdf"), previewAs(w.grantee.bernd));
    expect(asBernd.status).toBe(403);
  });

  it("draws any name: characters outside WinAnsi become their base letter or '?'", () => {
    expect(winAnsi("Łukasz Müller – 1\u202f234,56 €")).toBe("?ukasz Müller – 1\u00a0234,56 €");
    expect(winAnsi("Ąśka")).toBe("Aska");
    expect(winAnsi("Zoë Ørsted")).toBe("Zoë Ørsted");
    expect(winAnsi("東京")).toBe("??");
  });
});
