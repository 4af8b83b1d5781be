import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface Me {
  user: { name: string; email: string; language: string };
  firm: { name: string } | null;
  staffRole: string | null;
  devMailbox: boolean;
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe("staff sign-in, session and own preferences", () => {
  let t: TestApp;
  let staff: { email: string; password: string; name: string };
  beforeAll(async () => {
    t = await startTestApp();
    const firm = await createFirm(t.deps, { name: "Cabinet Dupont" });
    staff = await createStaff(t.deps, firm.firmId, {
      role: "advisor",
      name: "Claire Dupont",
      language: "fr",
    });
  });
  afterAll(() => t?.close());

  it("answers 401 with a translated message when nobody is signed in", async () => {
    for (const [language, text] of [
      ["de", "Bitte melden Sie sich zuerst an."],
      ["fr", "Veuillez d'abord vous connecter."],
      ["en", "Please sign in first."],
    ] as const) {
      const res = await new TestClient(t.app, language).get<ErrorBody>("/api/me");
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: "unauthorized", message: text } });
    }
  });

  it("refuses a wrong password with the same answer as an unknown email", async () => {
    const client = new TestClient(t.app, "en");
    const wrong = await client.post<ErrorBody>("/api/session", {
      email: staff.email,
      password: "not the password",
    });
    const unknown = await client.post<ErrorBody>("/api/session", {
      email: "nobody@example.test",
      password: "x",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toBe("Email or password is wrong.");
    expect(client.cookie).toBe("");
  });

  it("compares the password exactly as typed (no trimming, case-sensitive)", async () => {
    const client = new TestClient(t.app);
    expect(
      (await client.post("/api/session", { email: staff.email, password: `${staff.password} ` })).status,
    ).toBe(401);
    expect(
      (await client.post("/api/session", { email: staff.email, password: staff.password.toUpperCase() }))
        .status,
    ).toBe(401);
  });

  it("signs in (email in any case), shows the firm and role, and signs out so the old cookie stops working", async () => {
    const client = new TestClient(t.app);
    const signIn = await client.post<Me>("/api/session", {
      email: staff.email.toUpperCase(),
      password: staff.password,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({
      firm: { name: "Cabinet Dupont" },
      staffRole: "advisor",
      devMailbox: false,
    });
    const cookie = client.cookie;
    expect(cookie).toMatch(/^__Host-atrium_session=/);

    expect((await client.get<Me>("/api/me")).body.user.name).toBe("Claire Dupont");
    const out = await client.delete("/api/session");
    expect(out.status).toBe(204);
    expect(out.cookies.some((c) => c.startsWith("__Host-atrium_session=;"))).toBe(true);

    const replay = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(replay.statusCode).toBe(401);
  });

  it("SEC-9 issues a new session id at every sign-in", async () => {
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.post("/api/session", { email: staff.email, password: staff.password });
    await b.post("/api/session", { email: staff.email, password: staff.password });
    expect(a.cookie).not.toBe("");
    expect(a.cookie).not.toBe(b.cookie);
  });

  it("stores the language choice and answers in it from then on", async () => {
    const client = new TestClient(t.app, "");
    await client.post("/api/session", { email: staff.email, password: staff.password });
    const changed = await client.patch<Me>("/api/me", { language: "de" });
    expect(changed.status).toBe(200);
    expect(changed.body.user.language).toBe("de");
    expect((await client.get<Me>("/api/me")).body.user.language).toBe("de");
    const bad = await client.patch<{ error: { details: { fields: Array<{ field: string }> } } }>("/api/me", {
      language: "es",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0]?.field).toBe("language");
  });

  it("does not let a deactivated staff member into the back office", async () => {
    const firm = await createFirm(t.deps);
    const gone = await createStaff(t.deps, firm.firmId, { active: false });
    const client = new TestClient(t.app);
    const res = await client.post<Me>("/api/session", { email: gone.email, password: gone.password });
    expect(res.status).toBe(200);
    expect(res.body.firm).toBeNull();
    expect(res.body.staffRole).toBeNull();
  });
});
