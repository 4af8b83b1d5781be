import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { buildApp } from "../../app.js";
import { markDraining } from "./draining.js";

describe("GET /api/health", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("is ok when the database is reachable and fully migrated", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("is unavailable (503) when a shipped migration has not been applied", async () => {
    const owner = t.deps.database.owner;
    const { rows } = await owner.query("select * from drizzle.__drizzle_migrations order by id desc limit 1");
    await owner.query("delete from drizzle.__drizzle_migrations where id = $1", [rows[0].id]);
    try {
      const res = await t.app.inject({
        method: "GET",
        url: "/api/health",
        headers: { "accept-language": "en" },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe("unavailable");
    } finally {
      await owner.query(
        "insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)",
        [rows[0].id, rows[0].hash, rows[0].created_at],
      );
    }
    expect((await t.app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
  });
});

describe("liveness and readiness", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("live and ready answer ok while the process runs and the database is migrated", async () => {
    for (const url of ["/api/health/live", "/api/health/ready"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json()).toEqual({ status: "ok" });
    }
  });

  it("readiness turns 503 (draining) once the process is shutting down; liveness stays ok", async () => {
    const app = await buildApp(t.deps);
    try {
      markDraining(app);
      for (const url of ["/api/health/ready", "/api/health"]) {
        const res = await app.inject({ method: "GET", url, headers: { "accept-language": "en" } });
        expect(res.statusCode, url).toBe(503);
        expect(res.json().error).toMatchObject({ code: "unavailable", details: { reason: "draining" } });
      }
      expect((await app.inject({ method: "GET", url: "/api/health/live" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("liveness does not touch the database: it stays ok while the database is unreachable", async () => {
    const { openDatabase } = await import("../../platform/db/pool.js");
    const unreachable = openDatabase("postgres://postgres@127.0.0.1:1/nowhere");
    const app = await buildApp({ ...t.deps, database: unreachable });
    try {
      expect((await app.inject({ method: "GET", url: "/api/health/live" })).statusCode).toBe(200);
      const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error.details).toEqual({ reason: "database" });
    } finally {
      await app.close();
      await unreachable.close();
    }
  });

  it("documents both probes in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of ["/api/health/live", "/api/health/ready", "/metrics"]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    expect(doc.paths["/api/health/ready"].get.responses["200"]).toBeDefined();
  });
});

describe("database readiness", () => {
  it("is not ready when the database cannot be reached", async () => {
    const { openDatabase } = await import("../../platform/db/pool.js");
    const { isDatabaseReady } = await import("../../platform/db/health.js");
    const unreachable = openDatabase("postgres://postgres@127.0.0.1:1/nowhere");
    try {
      expect(await isDatabaseReady(unreachable)).toBe(false);
    } finally {
      await unreachable.close();
    }
  });
});
