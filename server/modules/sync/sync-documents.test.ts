import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportRunDetail } from "../../../contracts/imports.js";
import { type BatchBody, createKey, syncClient } from "../../../tests/support/api-keys-world.js";
import { makePdf, makeZip } from "../../../tests/support/factories-documents.js";
import { firmWithTeam, nth } from "../../../tests/support/factories-staff.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

type Sync = ReturnType<typeof syncClient>;

describe("the sync API's documents and imports (FILE-5, SEC-15)", () => {
  let t: TestApp;
  let sync: Sync;
  let importOnly: Sync;
  let firmId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const team = await firmWithTeam(t, ["admin"]);
    firmId = team.firmId;
    const admin = nth(team.members, 0).client;
    sync = syncClient(t.app, (await createKey(admin, ["read", "write"])).secret);
    importOnly = syncClient(t.app, (await createKey(admin, ["import"])).secret);
    const files = await sync.put<BatchBody>("/api/sync/v1/client-files", {
      items: [
        { externalId: "K-1", displayName: "Muster, Klara" },
        { externalId: "K-2", displayName: "Other, Olga" },
      ],
    });
    expect(files.body.counts.created).toBe(2);
  });
  afterAll(async () => {
    await t?.close();
  });

  const doc = async (extra: Record<string, unknown> = {}, text = "Police 4711") => ({
    externalId: "D-1",
    clientFileExternalId: "K-1",
    title: "Police Hausrat",
    category: "policy",
    fileName: "police.pdf",
    contentBase64: (await makePdf(text)).toString("base64"),
    ...extra,
  });

  it("FILE-5 creates a document with its content, then answers unchanged, then a new version", async () => {
    const item = await doc();
    const first = await sync.put<BatchBody>("/api/sync/v1/documents", { items: [item] });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.results[0]).toMatchObject({ status: "created", externalId: "D-1" });
    const again = await sync.put<BatchBody>("/api/sync/v1/documents", { items: [item] });
    expect(again.body.results[0]?.status).toBe("unchanged");
    const read = await sync.get<Record<string, unknown>>("/api/sync/v1/documents/D-1");
    expect(read.body).toMatchObject({
      version: 1,
      contentType: "application/pdf",
      sharedToPortal: false,
      category: "policy",
    });

    const changed = await sync.put<BatchBody>("/api/sync/v1/documents", {
      items: [await doc({ title: "Police Hausrat 2025", sharedToPortal: true }, "Police 4711, Nachtrag")],
    });
    expect(changed.body.results[0]?.status).toBe("updated");
    const after = await sync.get<Record<string, unknown>>("/api/sync/v1/documents/D-1");
    expect(after.body).toMatchObject({ version: 2, title: "Police Hausrat 2025", sharedToPortal: true });
    const audit = await t.deps.database.owner.query<{ action: string; actor_kind: string }>(
      "select action, actor_kind from audit_events where firm_id = $1 and entity_type = 'document' order by at, id",
      [firmId],
    );
    // One fake-clock instant: the rows' order within it is not defined, their set is.
    expect(audit.rows.map((r) => r.action).sort()).toEqual([
      "document.create",
      "document.share",
      "document.update",
      "document.version_add",
    ]);
    expect(audit.rows.every((r) => r.actor_kind === "api")).toBe(true);
  });

  it("SEC-15 judges the content by its bytes and refuses bad items one by one", async () => {
    const zip = makeZip([["evil.exe", "MZ"]]).toString("base64");
    const res = await sync.put<BatchBody>("/api/sync/v1/documents", {
      items: [
        await doc({ externalId: "D-2", fileName: "invoice.pdf", contentBase64: zip }),
        await doc({ externalId: "D-3", contentBase64: "***not base64***" }),
        await doc({ externalId: "D-4", category: "no-such-category" }),
        await doc({ externalId: "D-5", clientFileExternalId: "K-404" }),
        await doc({ externalId: "D-6", fileName: "../../etc/passwd\r\n.pdf" }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "invalid",
      "created",
    ]);
    expect(res.body.results.slice(0, 4).map((r) => r.problems[0]?.field)).toEqual([
      "items.0.contentBase64",
      "items.1.contentBase64",
      "items.2.category",
      "items.3.clientFileExternalId",
    ]);
    const d6 = await sync.get<Record<string, unknown>>("/api/sync/v1/documents/D-6");
    expect(String(d6.body.fileName)).not.toMatch(/[/\\\r\n]/);
    const stored = await t.deps.database.owner.query(
      "select 1 from documents where firm_id = $1 and external_id in ('D-2','D-3','D-4','D-5')",
      [firmId],
    );
    expect(stored.rowCount).toBe(0);
  });

  it("does not move a document to another client file", async () => {
    const res = await sync.put<BatchBody>("/api/sync/v1/documents", {
      items: [await doc({ clientFileExternalId: "K-2" })],
    });
    expect(res.body.results[0]?.problems[0]?.field).toBe("items.0.clientFileExternalId");
  });

  it("FILE-5 starts a CSV import through the imports service and reports it (scope import)", async () => {
    const csv = "external_id;display_name\nI-1;Import, Ida\nI-2;\n";
    const refused = await sync.post("/api/sync/v1/imports?kind=client_files", Buffer.from(csv), {
      "content-type": "text/csv",
    });
    expect(refused.status).toBe(403);
    const started = await importOnly.post<ImportRunDetail>(
      "/api/sync/v1/imports?kind=client_files&fileName=erp.csv",
      Buffer.from(csv),
      {
        "content-type": "text/csv",
      },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.status).toBe("running");
    let run = started.body;
    for (let i = 0; i < 200 && run.status === "running"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = (await importOnly.get<ImportRunDetail>(`/api/sync/v1/imports/${started.body.id}`)).body;
    }
    expect(run).toMatchObject({ status: "done", createdRows: 1, errorRows: 1 });
    expect((await importOnly.get("/api/sync/v1/imports/00000000-0000-4000-8000-000000000000")).status).toBe(
      404,
    );
  });
});
