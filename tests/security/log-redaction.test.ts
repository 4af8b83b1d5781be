import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupInput } from "../support/factories.js";
import { TestClient } from "../support/http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("logs keep no secrets", () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ logLines: lines });
  });
  afterAll(() => t?.close());

  it("a setup, a failed and a good sign-in, and a session leave neither password nor session token in the log", async () => {
    const password = "unguessable meadow lantern 42";
    const admin = new TestClient(t.app);
    const setup = await admin.post("/api/setup", setupInput({ adminEmail: "log@example.test", password }));
    expect(setup.status).toBe(201);
    const token = admin.cookie.split("=")[1] ?? "";
    expect(token.length).toBeGreaterThan(20);
    await admin.get("/api/me");
    await new TestClient(t.app).post("/api/session", { email: "log@example.test", password: `${password}!` });
    await new TestClient(t.app).post("/api/session", { email: "log@example.test", password });

    const log = lines.join("\n");
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain("/api/session");
    expect(log).not.toContain(password);
    expect(log).not.toContain(token.split(".")[0]);
    expect(log).not.toContain(decodeURIComponent(token));
  });
});
