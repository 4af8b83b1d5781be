import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientFile } from "../../../contracts/clients.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { insertClientFile, signedInStaff } from "../../../tests/support/factories-clients.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}
type Staff = Awaited<ReturnType<typeof signedInStaff>>;

const fieldsOf = (body: unknown) => ((body as ErrorBody).error.details?.fields ?? []).map((f) => f.field);

describe("client files", () => {
  let t: TestApp;
  let firmId: string;
  let admin: Staff;
  let advisor: Staff;
  let otherAdvisor: Staff;
  let assistant: Staff;
  let foreign: Staff;
  let foreignFileId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ firmId } = await createFirm(t.deps, { language: "de" }));
    admin = await signedInStaff(t, firmId, "admin", "Anna Admin");
    advisor = await signedInStaff(t, firmId, "advisor", "Bert Berater");
    otherAdvisor = await signedInStaff(t, firmId, "advisor", "Carla Consultant");
    assistant = await signedInStaff(t, firmId, "assistant", "Dora Assistant");
    const other = await createFirm(t.deps);
    foreign = await signedInStaff(t, other.firmId, "admin");
    foreignFileId = (await insertClientFile(t.deps, other.firmId, { caseOwnerId: foreign.userId })).id;
  });
  afterAll(() => t?.close());

  const auditRows = (fileId: string) =>
    inFirm(t.deps.database, firmId, async (tx) => {
      const { rows } = await tx.client.query<{ action: string; before: unknown; after: unknown }>(
        "select action, before, after from audit_events where client_file_id = $1 order by at, seq",
        [fileId],
      );
      return rows;
    });

  describe("POST /api/client-files", () => {
    it("creates a household from its holder: name derived, number assigned, creator as case owner, audited", async () => {
      const res = await advisor.client.post<ClientFile>("/api/client-files", {
        kind: "private",
        holder: { firstName: "Klara", lastName: "Muster", email: " Klara@Example.DE " },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: "private",
        displayName: "Muster, Klara",
        number: expect.stringMatching(/^K-\d{6}$/),
        caseOwner: { userId: advisor.userId, name: "Bert Berater", role: "advisor" },
        team: [],
        counts: { persons: 1, contracts: 0, documents: 0 },
        can: { edit: true, delete: true, reassign: true },
      });
      const audit = await auditRows(res.body.id);
      expect(audit.map((a) => a.action)).toEqual(["client_file.create", "person.create"]);
      expect(audit[0]?.before).toBeNull();
      expect(audit[0]?.after).toMatchObject({ displayName: "Muster, Klara" });
    });

    it("numbers files one after another, also when several are created at once", async () => {
      const created = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          admin.client.post<ClientFile>("/api/client-files", { kind: "business", displayName: `Firma ${i}` }),
        ),
      );
      expect(created.map((c) => c.status)).toEqual([201, 201, 201, 201, 201]);
      const numbers = created.map((c) => Number(c.body.number.slice(2))).sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(5);
      expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(4);
    });

    it("takes a given number, external id, team and notes", async () => {
      const res = await admin.client.post<ClientFile>("/api/client-files", {
        kind: "business",
        displayName: "Musterfirma GmbH",
        number: "B-7",
        externalId: "ext-musterfirma",
        caseOwnerId: advisor.userId,
        teamUserIds: [assistant.userId, assistant.userId],
        notes: "Key account",
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        number: "B-7",
        externalId: "ext-musterfirma",
        notes: "Key account",
        caseOwner: { userId: advisor.userId },
        team: [{ userId: assistant.userId, name: "Dora Assistant", role: "assistant" }],
      });
    });

    it("answers 409 naming number or externalId when another file has it", async () => {
      await admin.client.post("/api/client-files", {
        kind: "business",
        displayName: "Erste",
        number: "DUP-1",
        externalId: "dup-ext",
      });
      const byNumber = await admin.client.post("/api/client-files", {
        kind: "business",
        displayName: "Zweite",
        number: "DUP-1",
      });
      expect(byNumber.status).toBe(409);
      expect(fieldsOf(byNumber.body)).toEqual(["number"]);
      const byExternal = await admin.client.post("/api/client-files", {
        kind: "business",
        displayName: "Dritte",
        externalId: "dup-ext",
      });
      expect(byExternal.status).toBe(409);
      expect(fieldsOf(byExternal.body)).toEqual(["externalId"]);
    });

    it.each([
      ["an unknown kind", { kind: "family", displayName: "X" }, ["kind"]],
      ["no name and no holder", { kind: "private" }, ["displayName"]],
      [
        "a holder on a business file",
        { kind: "business", displayName: "X", holder: { firstName: "A", lastName: "B" } },
        ["holder"],
      ],
      [
        "a holder's bad phone",
        { kind: "private", holder: { firstName: "A", lastName: "B", phone: "12" } },
        ["holder.phone"],
      ],
      [
        "a holder's bad email",
        { kind: "private", holder: { firstName: "A", lastName: "B", email: "nope" } },
        ["holder.email"],
      ],
      ["an unknown field", { kind: "private", displayName: "X", colour: "red" }, ["colour"]],
    ])("refuses %s, naming the field", async (_, body, fields) => {
      const res = await advisor.client.post("/api/client-files", body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(fields);
    });

    it("refuses a case owner who is an assistant, inactive, or of another firm, naming caseOwnerId", async () => {
      const inactive = await createStaff(t.deps, firmId, { role: "advisor", active: false });
      for (const caseOwnerId of [assistant.userId, inactive.userId, foreign.userId]) {
        const res = await admin.client.post("/api/client-files", {
          kind: "business",
          displayName: "X",
          caseOwnerId,
        });
        expect(res.status).toBe(400);
        expect(fieldsOf(res.body)).toEqual(["caseOwnerId"]);
      }
    });

    it("lets an assistant create a file for an advisor and puts the assistant on its team", async () => {
      const res = await assistant.client.post<ClientFile>("/api/client-files", {
        kind: "business",
        displayName: "Assistenz GmbH",
        caseOwnerId: advisor.userId,
      });
      expect(res.status).toBe(201);
      expect(res.body.team.map((m) => m.userId)).toEqual([assistant.userId]);
      expect(res.body.can).toEqual({ edit: true, delete: false, reassign: false });
    });

    it("answers 401 without a session", async () => {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/client-files",
        payload: { kind: "private", displayName: "X" },
        headers: { "x-atrium-csrf": "1" },
      });
      expect(res.statusCode).toBe(401);
    });
  });

  describe("reading, changing and deleting one file", () => {
    let fileId: string;
    beforeAll(async () => {
      const res = await advisor.client.post<ClientFile>("/api/client-files", {
        kind: "private",
        holder: { firstName: "Hans", lastName: "Haus" },
        teamUserIds: [assistant.userId],
      });
      fileId = res.body.id;
    });

    it("GET answers the file to its case owner, its team and admins; 404 to other advisors", async () => {
      for (const who of [advisor, assistant, admin]) {
        const res = await who.client.get<ClientFile>(`/api/client-files/${fileId}`);
        expect(res.status).toBe(200);
        expect(res.body.displayName).toBe("Haus, Hans");
      }
      expect((await otherAdvisor.client.get(`/api/client-files/${fileId}`)).status).toBe(404);
    });

    it("SEC-11 another firm's file ids answer 404 on every file endpoint", async () => {
      const base = `/api/client-files/${foreignFileId}`;
      const answers = await Promise.all([
        admin.client.get(base),
        admin.client.patch(base, { displayName: "Hijacked" }),
        admin.client.request("PUT", `${base}/team`, { userIds: [] }),
        admin.client.post(`${base}/case-owner`, { userId: admin.userId }),
        admin.client.delete(base),
        admin.client.get("/api/client-files/not-a-uuid"),
      ]);
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
      const stillThere = await foreign.client.get<ClientFile>(base);
      expect(stillThere.status).toBe(200);
      expect(stillThere.body.displayName).not.toBe("Hijacked");
    });

    it("PATCH changes name, number, external id and notes, refreshes the search text, and audits before/after", async () => {
      const res = await assistant.client.patch<ClientFile>(`/api/client-files/${fileId}`, {
        displayName: "Haus, Hans und Grete",
        number: "H-100",
        externalId: "crm-100",
        notes: "Moved to Berlin",
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        displayName: "Haus, Hans und Grete",
        number: "H-100",
        externalId: "crm-100",
      });
      const list = await admin.client.get<{ items: Array<{ id: string }> }>("/api/client-files?q=crm-100");
      expect(list.body.items.map((i) => i.id)).toEqual([fileId]);
      const update = (await auditRows(fileId)).find((a) => a.action === "client_file.update");
      expect(update?.before).toMatchObject({ displayName: "Haus, Hans" });
      expect(update?.after).toMatchObject({ displayName: "Haus, Hans und Grete" });
    });

    it("PATCH refuses a bad value naming the field, and a taken number with 409", async () => {
      const bad = await advisor.client.patch(`/api/client-files/${fileId}`, { displayName: "" });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(["displayName"]);
      await insertClientFile(t.deps, firmId, { caseOwnerId: advisor.userId, number: "TAKEN-1" });
      const taken = await advisor.client.patch(`/api/client-files/${fileId}`, { number: "TAKEN-1" });
      expect(taken.status).toBe(409);
      expect(fieldsOf(taken.body)).toEqual(["number"]);
    });

    it("PATCH changes the kind only when the persons fit the other kind (409 naming kind)", async () => {
      const res = await advisor.client.patch(`/api/client-files/${fileId}`, { kind: "business" });
      expect(res.status).toBe(409);
      expect(fieldsOf(res.body)).toEqual(["kind"]);
      const empty = await advisor.client.post<ClientFile>("/api/client-files", {
        kind: "private",
        displayName: "Leer",
      });
      const changed = await advisor.client.patch<ClientFile>(`/api/client-files/${empty.body.id}`, {
        kind: "business",
      });
      expect(changed.status).toBe(200);
      expect(changed.body.kind).toBe("business");
    });

    it("PATCH is 404 for an advisor not on the team", async () => {
      expect((await otherAdvisor.client.patch(`/api/client-files/${fileId}`, { notes: "x" })).status).toBe(
        404,
      );
    });

    it("PUT team replaces the team; a team member may do it; unknown staff is invalid naming the entry", async () => {
      const res = await assistant.client.request<ClientFile>("PUT", `/api/client-files/${fileId}/team`, {
        userIds: [assistant.userId, otherAdvisor.userId],
      });
      expect(res.status).toBe(200);
      expect(res.body.team.map((m) => m.userId).sort()).toEqual(
        [assistant.userId, otherAdvisor.userId].sort(),
      );
      expect((await otherAdvisor.client.get(`/api/client-files/${fileId}`)).status).toBe(200);

      const bad = await advisor.client.request("PUT", `/api/client-files/${fileId}/team`, {
        userIds: [assistant.userId, foreign.userId],
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(["userIds.1"]);
      const missing = await advisor.client.request("PUT", `/api/client-files/${fileId}/team`, {});
      expect(fieldsOf(missing.body)).toEqual(["userIds"]);
    });

    it("POST case-owner is 403 for a team member, works for the case owner, and audits it", async () => {
      const denied = await assistant.client.post(`/api/client-files/${fileId}/case-owner`, {
        userId: assistant.userId,
      });
      expect(denied.status).toBe(403);
      const invalid = await advisor.client.post(`/api/client-files/${fileId}/case-owner`, {
        userId: assistant.userId,
      });
      expect(invalid.status).toBe(400);
      expect(fieldsOf(invalid.body)).toEqual(["userId"]);
      const res = await advisor.client.post<ClientFile>(`/api/client-files/${fileId}/case-owner`, {
        userId: otherAdvisor.userId,
      });
      expect(res.status).toBe(200);
      expect(res.body.caseOwner.userId).toBe(otherAdvisor.userId);
      // The new case owner leaves the team; the old one no longer reaches the file.
      expect(res.body.team.map((m) => m.userId)).toEqual([assistant.userId]);
      expect((await advisor.client.get(`/api/client-files/${fileId}`)).status).toBe(404);
      const reassign = (await auditRows(fileId)).find((a) => a.action === "client_file.reassign");
      expect(reassign?.before).toMatchObject({ caseOwner: { userId: advisor.userId } });
      expect(reassign?.after).toMatchObject({ caseOwner: { userId: otherAdvisor.userId } });
    });

    it("DELETE is 403 for a team member and 404 for an outsider; the case owner deletes with its persons, audited", async () => {
      expect((await assistant.client.delete(`/api/client-files/${fileId}`)).status).toBe(403);
      expect((await advisor.client.delete(`/api/client-files/${fileId}`)).status).toBe(404);
      const res = await otherAdvisor.client.delete(`/api/client-files/${fileId}`);
      expect(res.status).toBe(204);
      expect((await admin.client.get(`/api/client-files/${fileId}`)).status).toBe(404);
      const remaining = await inFirm(t.deps.database, firmId, async (tx) => {
        const { rows } = await tx.client.query("select 1 from persons where client_file_id = $1", [fileId]);
        return rows.length;
      });
      expect(remaining).toBe(0);
      const deleted = (await auditRows(fileId)).find((a) => a.action === "client_file.delete");
      expect(deleted?.before).toMatchObject({ id: fileId, number: "H-100" });
      expect(deleted?.after).toBeNull();
    });
  });

  it("GET staff-choices lists active staff and who can own files", async () => {
    const res = await assistant.client.get<{ items: Array<{ userId: string; canOwn: boolean }> }>(
      "/api/client-files/staff-choices",
    );
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((i) => [i.userId, i.canOwn]));
    expect(byId.get(admin.userId)).toBe(true);
    expect(byId.get(advisor.userId)).toBe(true);
    expect(byId.get(assistant.userId)).toBe(false);
    expect(byId.has(foreign.userId)).toBe(false);
  });
});
