import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupInput } from "../../../tests/support/factories.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

describe("HTTP conventions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("answers an unknown API route with the one error body, translated", async () => {
    const res = await new TestClient(t.app, "fr").get<ErrorBody>("/api/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: "not_found", message: "Cet élément n'existe pas ou ne vous est pas visible." },
    });
  });

  it("answers malformed JSON with a clear invalid error", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/setup",
      headers: { "content-type": "application/json", "x-atrium-csrf": "1", "accept-language": "en" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: "invalid", details: { fields: [{ field: "body" }] } },
    });
  });

  it("answers an oversized body with 413", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { "content-type": "application/json", "x-atrium-csrf": "1" },
      payload: JSON.stringify({ email: "a@b.c", password: "x".repeat(2_000_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it("SEC-16 refuses a write without the CSRF header (403) and changes nothing", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/setup",
      headers: { "content-type": "application/json", "accept-language": "en" },
      payload: setupInput(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("did not come from Atrium");
    expect((await new TestClient(t.app).get("/api/setup")).body).toEqual({ needsSetup: true });
  });

  it("SEC-16 refuses a cross-site write even with the header (Fetch Metadata)", async () => {
    const res = await new TestClient(t.app).post("/api/setup", setupInput(), {
      "sec-fetch-site": "cross-site",
    });
    expect(res.status).toBe(403);
    expect((await new TestClient(t.app).get("/api/setup")).body).toEqual({ needsSetup: true });
  });

  it("SEC-16 sends a strict CSP, HSTS, nosniff and no framing on every answer", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(String(res.headers["strict-transport-security"])).toMatch(/max-age=31536000/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("publishes OpenAPI 3.1 describing the routes, and a browsable reference", async () => {
    const doc = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toBe("3.1.0");
    for (const path of ["/api/health", "/api/setup", "/api/session", "/api/me"]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(spec.paths["/api/setup"].post.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["firmName", "language", "adminName", "adminEmail", "password"]),
    );
    const ui = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers["content-type"]).toContain("text/html");
  });
});
