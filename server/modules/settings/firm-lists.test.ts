import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentCategory, FirmPolicies, LineOfBusiness } from "../../../contracts/settings.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { auditEvents } from "../audit/audit.tables.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

const fieldsOf = (body: unknown) =>
  Object.fromEntries(((body as ErrorBody).error.details?.fields ?? []).map((f) => [f.field, f.message]));

describe("the firm's editable lists: lines of business and document categories", () => {
  let t: TestApp;
  let firmA: string;
  let admin: TestClient;
  let assistant: TestClient;
  let adminB: TestClient;

  async function signedIn(firmId: string, role: "admin" | "advisor" | "assistant") {
    const staff = await createStaff(t.deps, firmId, { role });
    const client = new TestClient(t.app, "en");
    expect((await client.post("/api/session", { email: staff.email, password: staff.password })).status).toBe(
      200,
    );
    return client;
  }

  async function auditRows(action: string, entityId: string) {
    return inFirm(t.deps.database, firmA, (tx) =>
      tx.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.firmId, firmA),
            eq(auditEvents.action, action),
            eq(auditEvents.entityId, entityId),
          ),
        ),
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    firmA = (await createFirm(t.deps)).firmId;
    const firmB = (await createFirm(t.deps)).firmId;
    admin = await signedIn(firmA, "admin");
    assistant = await signedIn(firmA, "assistant");
    adminB = await signedIn(firmB, "admin");
  });
  afterAll(() => t?.close());

  describe("lines of business", () => {
    let cyber: LineOfBusiness;

    it("lists the preloaded German lines to every staff member", async () => {
      const res = await assistant.get<LineOfBusiness[]>("/api/firm/lines-of-business");
      expect(res.status).toBe(200);
      const codes = res.body.map((l) => l.code);
      expect(codes).toEqual(
        expect.arrayContaining(["KFZ", "HRV", "PHV", "WG", "RS", "UNF", "LV", "KV", "BU"]),
      );
      expect(res.body.find((l) => l.code === "KFZ")).toMatchObject({ name: "Kraftfahrt", active: true });
    });

    it("lets an admin add one (code in upper case), and audits it", async () => {
      const res = await admin.post<LineOfBusiness>("/api/firm/lines-of-business", {
        code: " cyb ",
        name: "Cyber",
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: "CYB", name: "Cyber", active: true });
      cyber = res.body;
      const [row] = await auditRows("line_of_business.create", cyber.id);
      expect(row?.before).toBeNull();
      expect(row?.after).toMatchObject({ lineCode: "CYB", name: "Cyber" });
    });

    it("answers 409 naming the code when it is taken", async () => {
      const res = await admin.post("/api/firm/lines-of-business", { code: "kfz", name: "Auto" });
      expect(res.status).toBe(409);
      expect((res.body as ErrorBody).error.code).toBe("conflict");
      expect(fieldsOf(res.body).code).toContain("KFZ");
      const rename = await admin.patch(`/api/firm/lines-of-business/${cyber.id}`, { code: "HRV" });
      expect(rename.status).toBe(409);
      expect(fieldsOf(rename.body).code).toContain("HRV");
    });

    it("names wrong fields", async () => {
      const res = await admin.post("/api/firm/lines-of-business", { code: "a b!", name: "X" });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body).code).toContain("letters, digits");
      const missing = await admin.post("/api/firm/lines-of-business", { code: "NEU" });
      expect(Object.keys(fieldsOf(missing.body))).toEqual(["name"]);
      const patch = await admin.patch(`/api/firm/lines-of-business/${cyber.id}`, { active: "no", id: "x" });
      expect(Object.keys(fieldsOf(patch.body)).sort()).toEqual(["active", "id"]);
      const badId = await admin.patch("/api/firm/lines-of-business/not-an-id", { name: "X" });
      expect(Object.keys(fieldsOf(badId.body))).toEqual(["id"]);
    });

    it("renames, recodes and deactivates (never deletes), auditing before and after", async () => {
      const res = await admin.patch<LineOfBusiness>(`/api/firm/lines-of-business/${cyber.id}`, {
        code: "CYBER",
        name: "Cyberversicherung",
        active: false,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: cyber.id,
        code: "CYBER",
        name: "Cyberversicherung",
        active: false,
      });
      const list = await assistant.get<LineOfBusiness[]>("/api/firm/lines-of-business");
      expect(list.body.find((l) => l.id === cyber.id)?.active).toBe(false);
      const [row] = await auditRows("line_of_business.update", cyber.id);
      expect(row?.before).toMatchObject({ lineCode: "CYB", active: true });
      expect(row?.after).toMatchObject({ lineCode: "CYBER", active: false });
      expect((await admin.patch(`/api/firm/lines-of-business/${cyber.id}`, { active: true })).status).toBe(
        200,
      );
    });

    it("refuses changes by non-admins (403)", async () => {
      expect((await assistant.post("/api/firm/lines-of-business", { code: "X1", name: "X" })).status).toBe(
        403,
      );
      expect((await assistant.patch(`/api/firm/lines-of-business/${cyber.id}`, { name: "X" })).status).toBe(
        403,
      );
    });

    it("SEC-11 answers 404 for another firm's line and for unknown ids", async () => {
      const res = await adminB.patch(`/api/firm/lines-of-business/${cyber.id}`, { name: "Stolen" });
      expect(res.status).toBe(404);
      expect((await admin.patch(`/api/firm/lines-of-business/${newId()}`, { name: "X" })).status).toBe(404);
      const listB = await adminB.get<LineOfBusiness[]>("/api/firm/lines-of-business");
      expect(listB.body.some((l) => l.id === cyber.id)).toBe(false);
      const mine = await assistant.get<LineOfBusiness[]>("/api/firm/lines-of-business");
      expect(mine.body.find((l) => l.id === cyber.id)?.name).toBe("Cyberversicherung");
    });
  });

  describe("document categories", () => {
    let taxes: DocumentCategory;

    it("lists the preloaded categories to every staff member", async () => {
      const res = await assistant.get<DocumentCategory[]>("/api/firm/document-categories");
      expect(res.status).toBe(200);
      expect(res.body.map((c) => c.key)).toEqual(
        expect.arrayContaining([
          "policy",
          "application",
          "offer",
          "invoice",
          "advice_record",
          "claim",
          "other",
        ]),
      );
    });

    it("lets an admin add one, and audits it", async () => {
      const res = await admin.post<DocumentCategory>("/api/firm/document-categories", {
        key: "tax_statement",
        name: "Steuerbescheid",
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ key: "tax_statement", name: "Steuerbescheid", active: true });
      taxes = res.body;
      expect(await auditRows("document_category.create", taxes.id)).toHaveLength(1);
    });

    it("answers 409 naming the key when it is taken", async () => {
      const res = await admin.post("/api/firm/document-categories", { key: "policy", name: "Polizze" });
      expect(res.status).toBe(409);
      expect(fieldsOf(res.body).key).toContain("policy");
    });

    it("names wrong fields; the key cannot be changed", async () => {
      const res = await admin.post("/api/firm/document-categories", { key: "Steuer Bescheid", name: "" });
      expect(Object.keys(fieldsOf(res.body)).sort()).toEqual(["name"]);
      const key = await admin.post("/api/firm/document-categories", { key: "1abc", name: "X" });
      expect(fieldsOf(key.body).key).toContain("lower-case");
      const patch = await admin.patch(`/api/firm/document-categories/${taxes.id}`, { key: "taxes" });
      expect(patch.status).toBe(400);
      expect(Object.keys(fieldsOf(patch.body))).toEqual(["key"]);
    });

    it("renames and deactivates; a deactivated category leaves the recommended ones", async () => {
      await admin.patch("/api/firm/policies", { recommendedCategoryKeys: ["policy", "tax_statement"] });
      const res = await admin.patch<DocumentCategory>(`/api/firm/document-categories/${taxes.id}`, {
        name: "Steuerunterlagen",
        active: false,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ key: "tax_statement", name: "Steuerunterlagen", active: false });
      const policies = await admin.get<FirmPolicies>("/api/firm/policies");
      expect(policies.body.recommendedCategoryKeys).toEqual(["policy"]);
      const [row] = await auditRows("document_category.update", taxes.id);
      expect(row?.after).toMatchObject({ active: false });
      const refused = await admin.patch("/api/firm/policies", { recommendedCategoryKeys: ["tax_statement"] });
      expect(fieldsOf(refused.body).recommendedCategoryKeys).toContain("tax_statement");
    });

    it("refuses changes by non-admins (403)", async () => {
      expect((await assistant.post("/api/firm/document-categories", { key: "abc", name: "X" })).status).toBe(
        403,
      );
      expect((await assistant.patch(`/api/firm/document-categories/${taxes.id}`, { name: "X" })).status).toBe(
        403,
      );
    });

    it("SEC-11 answers 404 for another firm's category", async () => {
      const res = await adminB.patch(`/api/firm/document-categories/${taxes.id}`, { active: true });
      expect(res.status).toBe(404);
      const mine = await assistant.get<DocumentCategory[]>("/api/firm/document-categories");
      expect(mine.body.find((c) => c.id === taxes.id)?.active).toBe(false);
    });
  });
});
