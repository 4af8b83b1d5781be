import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

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
