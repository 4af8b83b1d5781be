import { parseOptions } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupInput } from "../../../tests/support/factories.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface ErrorResponse {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

describe("first-run setup", () => {
  let t: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    client = new TestClient(t.app, "de");
  });
  afterAll(() => t?.close());

  it("reports that setup is needed on a fresh installation", async () => {
    const res = await client.get("/api/setup");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ needsSetup: true });
  });

  it.each([
    ["too short", "kurz7!x", "mindestens 8 Zeichen"],
    ["a top common password", "password1", "meistgenutzten"],
    ["a common password in other case", "Qwertyuiop", "meistgenutzten"],
  ])(
    "SEC-2 rejects a weak password (%s) naming the field, and creates nothing",
    async (_, password, hint) => {
      const res = await client.post<ErrorResponse>("/api/setup", setupInput({ password }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid");
      expect(res.body.error.details?.fields).toEqual([
        { field: "password", message: expect.stringContaining(hint) },
      ]);
      expect((await client.get("/api/setup")).body).toEqual({ needsSetup: true });
    },
  );

  it("names every wrong field with a translated hint", async () => {
    const res = await client.post<ErrorResponse>("/api/setup", {
      firmName: "X",
      language: "es",
      adminEmail: "nope",
    });
    expect(res.status).toBe(400);
    const fields = Object.fromEntries(
      (res.body.error.details?.fields ?? []).map((f) => [f.field, f.message]),
    );
    expect(fields).toMatchObject({
      firmName: expect.stringContaining("mindestens 2"),
      language: expect.stringContaining("de, fr, en"),
      adminName: "Bitte füllen Sie dieses Feld aus.",
      adminEmail: expect.stringContaining("gültige E-Mail"),
      password: "Bitte füllen Sie dieses Feld aus.",
    });
  });

  it("creates the firm and its admin, signs the admin in with a SEC-9 cookie, and sends the welcome mail", async () => {
    const input = setupInput({ adminEmail: "Anna.Admin@Example.TEST", adminName: "Anna Muster" });
    const res = await client.post<{ firmId: string; userId: string }>("/api/setup", input);
    expect(res.status).toBe(201);

    const sessionCookie = res.cookies.find((c) => c.startsWith("__Host-atrium_session="));
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).toMatch(/; Path=\//);
    expect(sessionCookie).toMatch(/; Secure/);
    expect(sessionCookie).toMatch(/; HttpOnly/);
    expect(sessionCookie).toMatch(/; SameSite=Lax/);
    expect(sessionCookie).not.toMatch(/Domain=/);

    const me = await client.get<{ firm: { name: string }; user: { email: string }; staffRole: string }>(
      "/api/me",
    );
    expect(me.status).toBe(200);
    expect(me.body.firm.name).toBe("Kanzlei Muster GmbH");
    expect(me.body.user.email).toBe("anna.admin@example.test");
    expect(me.body.staffRole).toBe("admin");

    const [mail] = await t.sink.waitFor((m) => m.to.includes("anna.admin@example.test"), {
      timeoutMs: 20_000,
    });
    expect(mail?.subject).toContain("Kanzlei Muster GmbH");
    expect(mail?.text).toContain("Guten Tag Anna Muster");
    expect(mail?.text).toContain("http://localhost:3000/app");

    const outbox = await t.deps.database.owner.query(
      "select status, attempts, last_smtp_response from mail_outbox where firm_id = $1",
      [res.body.firmId],
    );
    await expect
      .poll(
        async () =>
          (
            await t.deps.database.owner.query("select status from mail_outbox where firm_id = $1", [
              res.body.firmId,
            ])
          ).rows[0]?.status,
      )
      .toBe("sent");
    expect(outbox.rows).toHaveLength(1);
  });

  it("SEC-1 stores the password as argon2id with m >= 19456 KiB and t >= 2", async () => {
    const { rows } = await t.deps.database.owner.query<{ password: string }>(
      "select password from auth_accounts where password is not null",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { password } of rows) {
      expect(password.startsWith("$argon2id$")).toBe(true);
      const params = parseOptions(password);
      expect(params.memoryCost).toBeGreaterThanOrEqual(19_456);
      expect(params.timeCost).toBeGreaterThanOrEqual(2);
    }
    expect(JSON.stringify(rows)).not.toContain("correct horse");
  });

  it("refuses to run twice (409) and reports setup as done", async () => {
    const res = await client.post<ErrorResponse>("/api/setup", setupInput());
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("bereits eingerichtet"),
    });
    expect((await client.get("/api/setup")).body).toEqual({ needsSetup: false });
    const firms = await t.deps.database.owner.query("select count(*)::int as n from firms");
    expect(firms.rows[0].n).toBe(1);
  });
});

describe("first-run setup under a race", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("lets exactly one of five simultaneous setups through; the others get 409", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        new TestClient(t.app).post("/api/setup", setupInput({ firmName: `Firm ${i}` })),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    const { rows } = await t.deps.database.owner.query("select count(*)::int as n from firms");
    expect(rows[0].n).toBe(1);
  });
});
