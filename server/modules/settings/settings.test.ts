import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FirmPolicies, FirmProfile } from "../../../contracts/settings.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { auditEvents } from "../audit/audit.tables.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

const fieldsOf = (body: unknown) =>
  Object.fromEntries(((body as ErrorBody).error.details?.fields ?? []).map((f) => [f.field, f.message]));

// A 1×1 PNG, and the starts of a JPEG and a WebP: enough for content sniffing.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("firm profile, policies and logo (FIRM-1, FIRM-3)", () => {
  let t: TestApp;
  let firmA: { firmId: string; name: string };
  let firmB: { firmId: string; name: string };
  let admin: TestClient;
  let advisor: TestClient;
  let adminB: TestClient;
  let anonymous: TestClient;

  async function signedIn(firmId: string, role: "admin" | "advisor" | "assistant") {
    const staff = await createStaff(t.deps, firmId, { role, name: `${role} of ${firmId.slice(-4)}` });
    const client = new TestClient(t.app, "en");
    const res = await client.post("/api/session", { email: staff.email, password: staff.password });
    expect(res.status).toBe(200);
    return client;
  }

  async function auditRows(firmId: string, action: string) {
    return inFirm(t.deps.database, firmId, (tx) =>
      tx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.firmId, firmId), eq(auditEvents.action, action))),
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    firmA = await createFirm(t.deps, { name: "Kanzlei Sonnenschein", realDefaults: true });
    firmB = await createFirm(t.deps, { name: "Cabinet Lumière", language: "fr", realDefaults: true });
    admin = await signedIn(firmA.firmId, "admin");
    advisor = await signedIn(firmA.firmId, "advisor");
    adminB = await signedIn(firmB.firmId, "admin");
    anonymous = new TestClient(t.app, "en");
  });
  afterAll(() => t?.close());

  describe("profile", () => {
    it("shows the profile to every staff member, with the public code", async () => {
      const res = await advisor.get<FirmProfile>("/api/firm");
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: firmA.firmId,
        name: "Kanzlei Sonnenschein",
        country: "DE",
        primaryColor: "#0f4c5c",
        defaultLanguage: "de",
        logoUrl: null,
      });
      expect(res.body.publicCode).toMatch(/^KANZ-[A-Z2-9]{5}$/);
    });

    it("asks for a session", async () => {
      expect((await anonymous.get("/api/firm")).status).toBe(401);
    });

    it("lets an admin change it, normalising phone (E.164), email, website and colours, and audits it", async () => {
      const res = await admin.patch<FirmProfile>("/api/firm", {
        name: "Kanzlei Sonnenschein GmbH",
        street: "Hauptstraße 1",
        postalCode: "10115",
        city: "Berlin",
        phone: "030 1234567",
        email: "Info@Sonnenschein.DE",
        website: "www.sonnenschein.de",
        primaryColor: "#AA3300",
        defaultLanguage: "en",
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: "Kanzlei Sonnenschein GmbH",
        phone: "+49301234567",
        email: "info@sonnenschein.de",
        website: "https://www.sonnenschein.de",
        primaryColor: "#aa3300",
        accentColor: "#e36414",
        defaultLanguage: "en",
      });
      const [row] = await auditRows(firmA.firmId, "firm.update");
      expect(row?.before).toMatchObject({ name: "Kanzlei Sonnenschein", phone: null });
      expect(row?.after).toMatchObject({ name: "Kanzlei Sonnenschein GmbH", phone: "+49301234567" });
      expect(row?.actorName).toBe(`admin of ${firmA.firmId.slice(-4)}`);
    });

    it("clears optional fields with an empty value", async () => {
      const res = await admin.patch<FirmProfile>("/api/firm", { street: "", website: null });
      expect(res.status).toBe(200);
      expect(res.body.street).toBeNull();
      expect(res.body.website).toBeNull();
    });

    it("reads a phone number without country code in the firm's country, and a foreign one with it", async () => {
      const res = await admin.patch<FirmProfile>("/api/firm", { country: "fr", phone: "01 23 45 67 89" });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ country: "FR", phone: "+33123456789" });
      const back = await admin.patch<FirmProfile>("/api/firm", { country: "DE", phone: "+33 1 23 45 67 89" });
      expect(back.body.phone).toBe("+33123456789");
    });

    it("names each wrong field", async () => {
      const res = await admin.patch("/api/firm", {
        name: "X",
        primaryColor: "red",
        country: "Germany",
        defaultLanguage: "es",
        logo: "x",
      });
      expect(res.status).toBe(400);
      expect(Object.keys(fieldsOf(res.body)).sort()).toEqual(
        ["country", "defaultLanguage", "logo", "name", "primaryColor"].sort(),
      );
      for (const [field, value, hint] of [
        ["phone", "12", "valid phone number"],
        ["email", "not-an-email", "valid email"],
        ["website", "javascript:alert(1)", "web address"],
      ] as const) {
        const one = await admin.patch("/api/firm", { [field]: value });
        expect(one.status).toBe(400);
        expect(fieldsOf(one.body)[field]).toContain(hint);
      }
    });

    it("refuses changes by non-admins (403) and leaves the profile unchanged", async () => {
      const res = await advisor.patch("/api/firm", { name: "Hijacked" });
      expect(res.status).toBe(403);
      expect((await advisor.get<FirmProfile>("/api/firm")).body.name).toBe("Kanzlei Sonnenschein GmbH");
    });

    it("SEC-11 keeps each firm's profile to itself", async () => {
      const b = await adminB.get<FirmProfile>("/api/firm");
      expect(b.body).toMatchObject({ id: firmB.firmId, name: "Cabinet Lumière", defaultLanguage: "fr" });
      await adminB.patch("/api/firm", { name: "Cabinet Lumière SARL" });
      expect((await admin.get<FirmProfile>("/api/firm")).body.name).toBe("Kanzlei Sonnenschein GmbH");
    });

    it("regenerates the public code for admins only, and audits it", async () => {
      const before = (await admin.get<FirmProfile>("/api/firm")).body.publicCode;
      expect((await advisor.post("/api/firm/public-code")).status).toBe(403);
      const res = await admin.post<{ publicCode: string }>("/api/firm/public-code");
      expect(res.status).toBe(200);
      expect(res.body.publicCode).toMatch(/^KANZ-[A-Z2-9]{5}$/);
      expect(res.body.publicCode).not.toBe(before);
      expect((await admin.get<FirmProfile>("/api/firm")).body.publicCode).toBe(res.body.publicCode);
      const [row] = await auditRows(firmA.firmId, "firm.public_code_regenerate");
      expect(row?.before).toEqual({ publicCode: before });
    });
  });

  it("documents every settings endpoint in the OpenAPI description", async () => {
    const doc = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    const paths = Object.keys((JSON.parse(doc.body) as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/firm",
        "/api/firm/public-code",
        "/api/firm/policies",
        "/api/firm/logo",
        "/api/firm/lines-of-business",
        "/api/firm/lines-of-business/{id}",
        "/api/firm/document-categories",
        "/api/firm/document-categories/{id}",
      ]),
    );
  });

  describe("policies", () => {
    it("starts with the seeds' defaults", async () => {
      const res = await advisor.get<FirmPolicies>("/api/firm/policies");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessManagedBy: "case_owner_and_admins",
        reminderDays: [2, 7],
        invitationLifetimeDays: 30,
        defaultSalutation: "formal",
        recommendedCategoryKeys: ["policy", "invoice", "advice_record", "claim"],
        holdersAccessIrrevocable: false,
        secondFactor: "any",
        senderName: null,
        replyTo: null,
      });
    });

    it("lets an admin set the seed-003 policies, and audits the change", async () => {
      const res = await admin.patch<FirmPolicies>("/api/firm/policies", {
        accessManagedBy: "case_owner",
        reminderDays: [7, 30],
        invitationLifetimeDays: 45,
        defaultSalutation: "informal",
        recommendedCategoryKeys: ["policy", "claim"],
        holdersAccessIrrevocable: true,
        secondFactor: "sms",
        senderName: "Kanzlei Sonnenschein",
        replyTo: "Service@Sonnenschein.DE",
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        reminderDays: [7, 30],
        invitationLifetimeDays: 45,
        holdersAccessIrrevocable: true,
        replyTo: "service@sonnenschein.de",
      });
      const [row] = await auditRows(firmA.firmId, "firm.policies_update");
      expect(row?.before).toMatchObject({ reminderDays: [2, 7], secondFactor: "any" });
      expect(row?.after).toMatchObject({ reminderDays: [7, 30], secondFactor: "sms" });
    });

    it.each([
      [[7, 2], "ascending"],
      [[0, 7], "ascending"],
      [[2, 2], "ascending"],
      [[1, 2, 3, 4, 5, 6], "ascending"],
      [[], "ascending"],
      [[2, 91], "ascending"],
    ])("refuses reminder days %j naming reminderDays", async (reminderDays, hint) => {
      const res = await admin.patch("/api/firm/policies", { reminderDays });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body).reminderDays).toContain(hint);
    });

    it("refuses an invitation lifetime that ends before the last reminder, with a hint", async () => {
      const res = await admin.patch("/api/firm/policies", { invitationLifetimeDays: 30 });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual({
        invitationLifetimeDays: expect.stringContaining("last reminder (day 30): enter at least 31 days"),
      });
      // Moving the reminders past the current lifetime is refused on the same field.
      const later = await admin.patch("/api/firm/policies", { reminderDays: [7, 60] });
      expect(fieldsOf(later.body).invitationLifetimeDays).toContain("day 60");
      const both = await admin.patch<FirmPolicies>("/api/firm/policies", {
        reminderDays: [2, 7],
        invitationLifetimeDays: 14,
      });
      expect(both.status).toBe(200);
    });

    it("names every other wrong policy field", async () => {
      const res = await admin.patch("/api/firm/policies", {
        accessManagedBy: "everyone",
        secondFactor: "email",
        defaultSalutation: "casual",
        holdersAccessIrrevocable: "yes",
      });
      expect(Object.keys(fieldsOf(res.body)).sort()).toEqual([
        "accessManagedBy",
        "defaultSalutation",
        "holdersAccessIrrevocable",
        "secondFactor",
      ]);
      const category = await admin.patch("/api/firm/policies", {
        recommendedCategoryKeys: ["policy", "nope"],
      });
      expect(fieldsOf(category.body).recommendedCategoryKeys).toContain("“nope”");
      const replyTo = await admin.patch("/api/firm/policies", { replyTo: "nobody" });
      expect(Object.keys(fieldsOf(replyTo.body))).toEqual(["replyTo"]);
      const lifetime = await admin.patch("/api/firm/policies", { invitationLifetimeDays: 400 });
      expect(fieldsOf(lifetime.body).invitationLifetimeDays).toContain("between 1 and 365");
    });

    it("refuses changes by non-admins (403)", async () => {
      const res = await advisor.patch("/api/firm/policies", { secondFactor: "none" });
      expect(res.status).toBe(403);
      expect((await advisor.get<FirmPolicies>("/api/firm/policies")).body.secondFactor).toBe("sms");
    });

    it("SEC-11 keeps each firm's policies to itself", async () => {
      const b = await adminB.get<FirmPolicies>("/api/firm/policies");
      expect(b.body.secondFactor).toBe("any");
      expect(b.body.reminderDays).toEqual([2, 7]);
    });
  });

  describe("logo", () => {
    const put = (client: TestClient, body: Buffer, contentType: string) =>
      client.request<FirmProfile>("PUT", "/api/firm/logo", body, { "content-type": contentType });

    it("SEC-15 accepts a PNG by its content even when it claims to be text, and serves it safely", async () => {
      const res = await put(admin, png, "text/plain");
      expect(res.status).toBe(200);
      expect(res.body.logoUrl).toMatch(/^\/api\/firm\/logo\?v=/);
      const logo = await t.app.inject({
        method: "GET",
        url: res.body.logoUrl ?? "",
        headers: { cookie: advisor.cookie },
      });
      expect(logo.statusCode).toBe(200);
      expect(logo.headers["content-type"]).toBe("image/png");
      expect(logo.headers["x-content-type-options"]).toBe("nosniff");
      expect(logo.headers["cache-control"]).toContain("max-age=");
      expect(logo.rawPayload.equals(png)).toBe(true);
      const [row] = await auditRows(firmA.firmId, "firm.logo_update");
      expect(row?.after).toMatchObject({ contentType: "image/png", size: png.length });
    });

    it("replaces the logo and removes the old file", async () => {
      const first = (await admin.get<FirmProfile>("/api/firm")).body.logoUrl ?? "";
      const res = await put(admin, png, "image/png");
      expect(res.status).toBe(200);
      expect(res.body.logoUrl).not.toBe(first);
      const oldKey = `${firmA.firmId}/logo/${new URL(first, "http://x").searchParams.get("v")}`;
      expect(await t.deps.files.exists(oldKey)).toBe(false);
    });

    it.each([
      [
        "JPEG",
        Buffer.concat([
          Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
          Buffer.from("JFIF\0"),
          Buffer.alloc(64),
        ]),
        "image/jpeg",
      ],
      [
        "WebP",
        Buffer.concat([
          Buffer.from("RIFF"),
          Buffer.from([0x24, 0, 0, 0]),
          Buffer.from("WEBPVP8 "),
          Buffer.alloc(64),
        ]),
        "image/webp",
      ],
    ])("accepts a %s logo and serves it with its sniffed type", async (_, body, type) => {
      const res = await put(admin, body, "application/octet-stream");
      expect(res.status).toBe(200);
      const logo = await admin.get(res.body.logoUrl ?? "");
      expect(logo.headers["content-type"]).toBe(type);
    });

    it.each([
      ["a text file claiming to be a PNG", Buffer.from("just some text, not an image"), "image/png"],
      ["an SVG (it may carry script)", svg, "image/svg+xml"],
      ["a PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), "image/jpeg"],
    ])("SEC-15 refuses %s, naming the file", async (_, body, contentType) => {
      const res = await put(admin, body, contentType);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body).file).toContain("PNG, JPEG or WebP");
    });

    it("SEC-15 answers 413 above 1 MB", async () => {
      const big = Buffer.concat([png, Buffer.alloc(1_048_576)]);
      const res = await put(admin, big, "image/png");
      expect(res.status).toBe(413);
      expect((res.body as unknown as ErrorBody).error.code).toBe("payload_too_large");
      const huge = await put(admin, Buffer.alloc(3 * 1_048_576), "image/png");
      expect(huge.status).toBe(413);
    });

    it("refuses an empty upload, naming the file", async () => {
      const res = await put(admin, Buffer.alloc(0), "image/png");
      expect(res.status).toBe(400);
      expect(Object.keys(fieldsOf(res.body))).toEqual(["file"]);
    });

    it("refuses uploads and removal by non-admins (403)", async () => {
      expect((await put(advisor, png, "image/png")).status).toBe(403);
      expect((await advisor.delete("/api/firm/logo")).status).toBe(403);
    });

    it("SEC-11 serves each firm only its own logo", async () => {
      const res = await adminB.get("/api/firm/logo");
      expect(res.status).toBe(404);
    });

    it("removes the logo for admins; then there is none to serve", async () => {
      const key = (await admin.get<FirmProfile>("/api/firm")).body.logoUrl ?? "";
      const res = await admin.delete<FirmProfile>("/api/firm/logo");
      expect(res.status).toBe(200);
      expect(res.body.logoUrl).toBeNull();
      expect((await admin.get("/api/firm/logo")).status).toBe(404);
      const storedKey = `${firmA.firmId}/logo/${new URL(key, "http://x").searchParams.get("v")}`;
      expect(await t.deps.files.exists(storedKey)).toBe(false);
      expect(await auditRows(firmA.firmId, "firm.logo_delete")).toHaveLength(1);
    });
  });
});
