import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditActor, AuditPage } from "../../../contracts/audit.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { createAuditedFile, recordEvents } from "../../../tests/support/factories-audit.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { newId } from "../../platform/ids.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

const fieldsOf = (body: unknown) =>
  Object.fromEntries(((body as ErrorBody).error.details?.fields ?? []).map((f) => [f.field, f.message]));

describe("audit views: a file's history and the firm log (AUDIT-1)", () => {
  let t: TestApp;
  let firmA: string;
  let firmB: string;
  let admin: TestClient;
  let owner: TestClient;
  let outsider: TestClient;
  let adminB: TestClient;
  let ownerId: string;
  let file: { id: string; number: string; displayName: string };
  let otherFile: { id: string };
  let fileB: { id: string };

  async function signedIn(firmId: string, role: "admin" | "advisor" | "assistant", name?: string) {
    const staff = await createStaff(t.deps, firmId, { role, name });
    const client = new TestClient(t.app, "en");
    expect((await client.post("/api/session", { email: staff.email, password: staff.password })).status).toBe(
      200,
    );
    return { client, userId: staff.userId };
  }

  beforeAll(async () => {
    t = await startTestApp();
    firmA = (await createFirm(t.deps)).firmId;
    firmB = (await createFirm(t.deps)).firmId;
    admin = (await signedIn(firmA, "admin", "Anna Admin")).client;
    const o = await signedIn(firmA, "advisor", "Otto Owner");
    owner = o.client;
    ownerId = o.userId;
    outsider = (await signedIn(firmA, "assistant")).client;
    adminB = (await signedIn(firmB, "admin")).client;
    file = await createAuditedFile(t.deps, firmA, { caseOwnerId: ownerId, displayName: "Muster, Klara" });
    otherFile = await createAuditedFile(t.deps, firmA, { caseOwnerId: ownerId });
    fileB = await createAuditedFile(t.deps, firmB, { caseOwnerId: ownerId });

    // 60 events on the file, some in the same millisecond, plus events elsewhere.
    const start = new Date("2026-03-01T08:00:00Z").getTime();
    await recordEvents(
      t.deps,
      firmA,
      Array.from({ length: 60 }, (_, i) => ({
        at: new Date(start + Math.floor(i / 3) * 60_000),
        actorUserId: ownerId,
        actorName: "Otto Owner",
        action: i % 2 === 0 ? "contract.update" : "client_file.update",
        entityType: i % 2 === 0 ? "contract" : "client_file",
        entityId: `e${i}`,
        clientFileId: file.id,
        before: { n: i, premium: "100.00" },
        after: { n: i, premium: "120.00" },
      })),
    );
    await recordEvents(t.deps, firmA, [
      {
        at: new Date("2026-02-10T12:00:00Z"),
        action: "contract_status.update",
        entityType: "contract",
        clientFileId: otherFile.id,
        before: null,
        after: { password: "hunter2", status: "own" },
      },
      {
        at: new Date("2026-02-11T12:00:00Z"),
        action: "firm.update",
        entityType: "firm",
        entityId: '=HYPERLINK("http://evil")',
        after: { name: "Kanzlei" },
      },
    ]);
    await recordEvents(t.deps, firmB, [
      { action: "client_file.update", entityType: "client_file", clientFileId: fileB.id, after: { b: true } },
    ]);
  });
  afterAll(() => t?.close());

  it("asks for a session, and documents its endpoints in the OpenAPI description", async () => {
    const anonymous = new TestClient(t.app, "en");
    expect((await anonymous.get(`/api/client-files/${file.id}/history`)).status).toBe(401);
    expect((await anonymous.get("/api/audit")).status).toBe(401);
    const doc = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    const paths = Object.keys((JSON.parse(doc.body) as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/client-files/{id}/history",
        "/api/audit",
        "/api/audit/actors",
        "/api/audit/export.csv",
      ]),
    );
  });

  describe("file history", () => {
    it("lists the file's events newest first, with who, what, before/after, ip and user agent", async () => {
      const res = await owner.get<AuditPage>(`/api/client-files/${file.id}/history?limit=5`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(5);
      expect(res.body.items[0]).toMatchObject({
        actor: { userId: ownerId, name: "Otto Owner", kind: "staff" },
        action: "client_file.update",
        entityType: "client_file",
        entityId: "e59",
        clientFile: { id: file.id, displayName: "Muster, Klara", number: file.number },
        before: { n: 59, premium: "100.00" },
        after: { n: 59, premium: "120.00" },
        ip: "203.0.113.7",
        userAgent: "Mozilla/5.0 (test)",
      });
      expect(res.body.nextCursor).toEqual(expect.any(String));
    });

    it("pages through every event exactly once with the cursor, also within one millisecond", async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/client-files/${file.id}/history?limit=7${cursor ? `&cursor=${cursor}` : ""}`;
        const res: { status: number; body: AuditPage } = await owner.get<AuditPage>(url);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((i) => i.entityId ?? ""));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `e${59 - i}`));
    });

    it("filters by action prefix (literally: '_' is no wildcard)", async () => {
      const res = await owner.get<AuditPage>(
        `/api/client-files/${file.id}/history?action=contract.&limit=100`,
      );
      expect(res.body.items).toHaveLength(30);
      expect(res.body.items.every((i) => i.action.startsWith("contract."))).toBe(true);
      const other = await owner.get<AuditPage>(`/api/client-files/${otherFile.id}/history?action=contract_`);
      expect(other.body.items.map((i) => i.action)).toEqual(["contract_status.update"]);
      // Unescaped, "contract_" would match "contract.update" too.
      const literal = await owner.get<AuditPage>(`/api/client-files/${file.id}/history?action=contract_`);
      expect(literal.body.items).toEqual([]);
    });

    it("never shows secrets kept out by the audit writer", async () => {
      const res = await admin.get<AuditPage>(`/api/client-files/${otherFile.id}/history`);
      expect(res.body.items[0]?.after).toEqual({ password: "[redacted]", status: "own" });
    });

    it("names wrong query fields", async () => {
      const res = await owner.get(`/api/client-files/${file.id}/history?limit=1000&action=DROP%20TABLE`);
      expect(res.status).toBe(400);
      expect(Object.keys(fieldsOf(res.body)).sort()).toEqual(["action", "limit"]);
      const cursor = await owner.get(`/api/client-files/${file.id}/history?cursor=bm9wZQ`);
      expect(fieldsOf(cursor.body).cursor).toContain("first page");
      const id = await owner.get("/api/client-files/nope/history");
      expect(Object.keys(fieldsOf(id.body))).toEqual(["id"]);
    });

    it("is hidden (404) from staff who may not read the file", async () => {
      const res = await outsider.get(`/api/client-files/${file.id}/history`);
      expect(res.status).toBe(404);
    });

    it("SEC-11 answers 404 for another firm's file and for unknown ids", async () => {
      expect((await adminB.get(`/api/client-files/${file.id}/history`)).status).toBe(404);
      expect((await admin.get(`/api/client-files/${fileB.id}/history`)).status).toBe(404);
      expect((await admin.get(`/api/client-files/${newId()}/history`)).status).toBe(404);
    });
  });

  describe("firm log", () => {
    it("shows admins every event of their firm only, newest first", async () => {
      const res = await admin.get<AuditPage>("/api/audit?limit=100");
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(62);
      expect(res.body.items.some((i) => i.clientFile?.id === fileB.id)).toBe(false);
      const times = res.body.items.map((i) => i.at);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it("filters by actor, client file, action prefix and period", async () => {
      const byActor = await admin.get<AuditPage>(`/api/audit?actorUserId=${ownerId}&limit=100`);
      // The 60 recorded on the file, and Otto's own sign-in at the start.
      expect(byActor.body.items).toHaveLength(61);
      expect(byActor.body.items.filter((i) => i.action === "account.sign_in")).toHaveLength(1);
      const byFile = await admin.get<AuditPage>(`/api/audit?clientFileId=${otherFile.id}`);
      expect(byFile.body.items.map((i) => i.action)).toEqual(["contract_status.update"]);
      const byAction = await admin.get<AuditPage>("/api/audit?action=firm.");
      expect(byAction.body.items.map((i) => i.action)).toEqual(["firm.update"]);
      const byPeriod = await admin.get<AuditPage>(
        "/api/audit?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z",
      );
      expect(byPeriod.body.items.map((i) => i.action)).toEqual(["firm.update", "contract_status.update"]);
    });

    it("names wrong filters", async () => {
      const res = await admin.get("/api/audit?from=yesterday&clientFileId=42");
      expect(Object.keys(fieldsOf(res.body)).sort()).toEqual(["clientFileId", "from"]);
      const range = await admin.get("/api/audit?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z");
      expect(fieldsOf(range.body).to).toContain("after its start");
    });

    it("is for admins only (403)", async () => {
      expect((await owner.get("/api/audit")).status).toBe(403);
      expect((await owner.get("/api/audit/actors")).status).toBe(403);
      expect((await owner.get("/api/audit/export.csv")).status).toBe(403);
    });

    it("SEC-11 shows nothing of another firm, even filtered by its file", async () => {
      const res = await admin.get<AuditPage>(`/api/audit?clientFileId=${fileB.id}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      const b = await adminB.get<AuditPage>("/api/audit?limit=100");
      expect(b.body.items.every((i) => i.clientFile === null || i.clientFile.id === fileB.id)).toBe(true);
    });

    it("lists the firm's staff for the actor filter", async () => {
      const res = await admin.get<AuditActor[]>("/api/audit/actors");
      expect(res.status).toBe(200);
      expect(res.body.map((a) => a.name)).toEqual(expect.arrayContaining(["Anna Admin", "Otto Owner"]));
      expect(res.body).toHaveLength(3);
    });

    it("exports the filtered log as CSV, defused against formulas, and audits the export", async () => {
      const res = await admin.get<string>("/api/audit/export.csv?action=firm.");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(res.headers["content-disposition"]).toMatch(
        /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(res.headers["cache-control"]).toBe("no-store");
      const lines = res.body
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(lines[0]).toBe(
        "Time (UTC),Actor,Actor type,Action,Entity,Entity ID,File number,Client file,Before,After,IP address,User agent",
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain("firm.update");
      expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil"")",`);
      expect(lines[1]).toContain(`,"{""name"":""Kanzlei""}",`);

      const all = await admin.get<string>("/api/audit/export.csv");
      expect(all.body.trimEnd().split("\r\n").length).toBeGreaterThanOrEqual(63);
      const log = await admin.get<AuditPage>("/api/audit?action=audit_log.export");
      expect(log.body.items).toHaveLength(2);
      expect(log.body.items[1]?.after).toEqual({ filter: { action: "firm." } });
    });

    it("exports more than one batch, in order", async () => {
      const firm = (await createFirm(t.deps)).firmId;
      const boss = await signedIn(firm, "admin");
      const base = new Date("2026-01-01T00:00:00Z").getTime();
      await recordEvents(
        t.deps,
        firm,
        Array.from({ length: 2100 }, (_, i) => ({
          at: new Date(base + i * 1000),
          action: "contract.update",
          entityType: "contract",
          entityId: `c${i}`,
        })),
      );
      const res = await boss.client.get<string>("/api/audit/export.csv?action=contract.");
      const rows = res.body.trimEnd().split("\r\n").slice(1);
      expect(rows).toHaveLength(2100);
      expect(rows[0]).toContain(",c2099,");
      expect(rows[2099]).toContain(",c0,");
    });
  });
});
