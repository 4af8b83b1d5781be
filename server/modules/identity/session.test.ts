import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { SESSION_EXPIRES_IN_S } from "./auth.js";

interface Me {
  user: { name: string };
  firm: { name: string } | null;
  staffRole: string | null;
}

/** The session token inside a `__Host-atrium_session=<token>.<signature>` cookie pair. */
function tokenOf(cookie: string): string {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  return value.slice(0, value.lastIndexOf("."));
}

describe("reading the session of each request (one round trip, better-auth for expiry and refresh)", () => {
  let t: TestApp;
  let staff: { email: string; password: string };
  beforeAll(async () => {
    t = await startTestApp();
    const firm = await createFirm(t.deps, { name: "Maklerbüro Brandt" });
    staff = await createStaff(t.deps, firm.firmId, { role: "admin", name: "Jonas Brandt" });
  });
  afterAll(() => t?.close());

  async function signedIn(): Promise<TestClient> {
    const client = new TestClient(t.app);
    expect((await client.post("/api/session", staff)).status).toBe(200);
    return client;
  }

  async function expiresAt(token: string): Promise<Date | null> {
    const { rows } = await t.deps.database.owner.query<{ expires_at: Date }>(
      "select expires_at from sessions where token = $1",
      [token],
    );
    return rows[0]?.expires_at ?? null;
  }

  it("knows the account, its firm and role from the cookie", async () => {
    const me = await (await signedIn()).get<Me>("/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { name: "Jonas Brandt" },
      firm: { name: "Maklerbüro Brandt" },
      staffRole: "admin",
    });
  });

  it("refuses a cookie whose signature does not match, or that carries none", async () => {
    const client = await signedIn();
    const token = tokenOf(client.cookie);
    for (const forged of [
      `__Host-atrium_session=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`,
      `__Host-atrium_session=${encodeURIComponent(token)}`,
      `__Host-atrium_session=${encodeURIComponent(`${token}.`)}%`,
    ]) {
      const res = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: forged } });
      expect(res.statusCode).toBe(401);
    }
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("extends a session that is due, and sends the renewed cookie", async () => {
    const client = await signedIn();
    const token = tokenOf(client.cookie);
    // Signed in two hours ago: past the one-hour update age.
    const aged = new Date(Date.now() + SESSION_EXPIRES_IN_S * 1000 - 2 * 3600_000);
    await t.deps.database.owner.query("update sessions set expires_at = $2 where token = $1", [token, aged]);
    const res = await client.get<Me>("/api/me");
    expect(res.status).toBe(200);
    expect(res.body.staffRole).toBe("admin");
    expect(res.cookies.some((c) => c.startsWith("__Host-atrium_session=") && /Max-Age=604800/.test(c))).toBe(
      true,
    );
    expect((await expiresAt(token))?.getTime()).toBeGreaterThan(aged.getTime() + 3600_000);
    // Once extended, the next request needs nothing done and sets no cookie.
    expect((await client.get("/api/me")).cookies).toEqual([]);
  });

  it("refuses an expired session and removes it", async () => {
    const client = await signedIn();
    const token = tokenOf(client.cookie);
    await t.deps.database.owner.query(
      "update sessions set expires_at = now() - interval '1 minute' where token = $1",
      [token],
    );
    expect((await client.get("/api/me")).status).toBe(401);
    expect(await expiresAt(token)).toBeNull();
  });

  it("a portal read finds the session in its own first round trip, with the same outcomes", async () => {
    // A firm and file this account reaches nowhere: a valid session hears 404, never 401.
    const url =
      "/api/portal/firms/00000000-0000-4000-8000-000000000001/files/00000000-0000-4000-8000-000000000002/contracts";
    const client = await signedIn();
    const token = tokenOf(client.cookie);
    expect((await client.get(url)).status).toBe(404);
    expect((await new TestClient(t.app).get(url)).status).toBe(401);

    const aged = new Date(Date.now() + SESSION_EXPIRES_IN_S * 1000 - 2 * 3600_000);
    await t.deps.database.owner.query("update sessions set expires_at = $2 where token = $1", [token, aged]);
    const extended = await client.get(url);
    expect(extended.status).toBe(404);
    expect(extended.cookies.some((c) => c.startsWith("__Host-atrium_session="))).toBe(true);
    expect((await expiresAt(token))?.getTime()).toBeGreaterThan(aged.getTime() + 3600_000);

    await t.deps.database.owner.query(
      "update sessions set expires_at = now() - interval '1 minute' where token = $1",
      [token],
    );
    expect((await client.get(url)).status).toBe(401);
    expect(await expiresAt(token)).toBeNull();
  });

  it("session_actor_in_firm scopes the transaction to the firm and the session's account", async () => {
    const client = await signedIn();
    const db = await t.deps.database.app.connect();
    try {
      await db.query("begin");
      const firm = "00000000-0000-4000-8000-000000000003";
      const { rows } = await db.query("select * from session_actor_in_firm($1, $2)", [
        tokenOf(client.cookie),
        firm,
      ]);
      expect(rows[0]).toMatchObject({ user_name: "Jonas Brandt", staff_role: "admin" });
      const after = await db.query<{ firm: string; user: string }>(
        "select current_setting('app.firm_id', true) as firm, current_setting('app.user_id', true) as user",
      );
      expect(after.rows[0]).toEqual({ firm, user: rows[0].user_id });
      await db.query("rollback");
      await db.query("begin");
      expect((await db.query("select * from session_actor_in_firm('nope', $1)", [firm])).rows).toEqual([]);
      const none = await db.query<{ firm: string }>("select current_setting('app.firm_id', true) as firm");
      expect(none.rows[0]?.firm ?? "").toBe("");
      await db.query("rollback");
    } finally {
      db.release();
    }
  });

  it("session_actor leaves the scope of the transaction it runs in as it was", async () => {
    const client = await signedIn();
    const db = await t.deps.database.app.connect();
    try {
      await db.query("begin");
      await db.query("select set_config('app.firm_id', '00000000-0000-4000-8000-000000000001', true)");
      const { rows } = await db.query("select * from session_actor($1)", [tokenOf(client.cookie)]);
      expect(rows[0]).toMatchObject({ user_name: "Jonas Brandt", staff_role: "admin" });
      const after = await db.query<{ firm: string; user: string }>(
        "select current_setting('app.firm_id', true) as firm, current_setting('app.user_id', true) as user",
      );
      expect(after.rows[0]).toEqual({ firm: "00000000-0000-4000-8000-000000000001", user: "" });
      await db.query("rollback");
    } finally {
      db.release();
    }
  });
});
