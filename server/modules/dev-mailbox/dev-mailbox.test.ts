import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff, setupInput } from "../../../tests/support/factories.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface Summary {
  id: string;
  subject: string;
  to: string;
}

describe("the development mailbox", () => {
  let t: TestApp;
  let admin: TestClient;
  let firmId: string;
  beforeAll(async () => {
    t = await startTestApp({ devMailbox: true });
    admin = new TestClient(t.app, "de");
    const res = await admin.post<{ firmId: string }>(
      "/api/setup",
      setupInput({ adminEmail: "chefin@example.test" }),
    );
    expect(res.status).toBe(201);
    firmId = res.body.firmId;
  });
  afterAll(() => t?.close());

  it("is offered to admins when no SMTP server is configured", async () => {
    const me = await admin.get<{ devMailbox: boolean }>("/api/me");
    expect(me.body.devMailbox).toBe(true);
  });

  it("lists and shows the mails the local sink caught, with the HTML sandboxed", async () => {
    await expect
      .poll(async () => (await admin.get<{ mails: Summary[] }>("/api/dev/mailbox")).body.mails.length, {
        timeout: 20_000,
      })
      .toBe(1);
    const { mails } = (await admin.get<{ mails: Summary[] }>("/api/dev/mailbox")).body;
    expect(mails[0]?.to).toContain("chefin@example.test");
    expect(mails[0]?.subject).toContain("Kanzlei Muster GmbH");

    const one = await admin.get<{ text: string; html: string }>(`/api/dev/mailbox/${mails[0]?.id}`);
    expect(one.status).toBe(200);
    expect(one.body.text).toContain("Guten Tag Anna Admin");

    const html = await admin.get(`/api/dev/mailbox/${mails[0]?.id}/html`);
    expect(html.status).toBe(200);
    expect(String(html.headers["content-type"])).toContain("text/html");
    expect(String(html.headers["content-security-policy"])).toContain("sandbox");
    expect(String(html.headers["content-security-policy"])).toContain("default-src 'none'");
  });

  it("answers 404 for an id that is not a mail, including path tricks", async () => {
    expect((await admin.get("/api/dev/mailbox/1795625311057-000000000000")).status).toBe(404);
    expect((await admin.get("/api/dev/mailbox/..%2F..%2Fetc%2Fpasswd")).status).toBe(400);
  });

  it("is for admins only: 401 without a session, 403 for an advisor", async () => {
    expect((await new TestClient(t.app).get("/api/dev/mailbox")).status).toBe(401);
    const advisor = await createStaff(t.deps, firmId, { role: "advisor" });
    const client = new TestClient(t.app);
    await client.post("/api/session", { email: advisor.email, password: advisor.password });
    expect((await client.get<{ devMailbox: boolean }>("/api/me")).body.devMailbox).toBe(false);
    expect((await client.get("/api/dev/mailbox")).status).toBe(403);
  });
});

describe("the development mailbox with a real SMTP server configured", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("does not exist", async () => {
    const admin = new TestClient(t.app);
    await admin.post("/api/setup", setupInput());
    expect((await admin.get<{ devMailbox: boolean }>("/api/me")).body.devMailbox).toBe(false);
    expect((await admin.get("/api/dev/mailbox")).status).toBe(404);
  });
});
