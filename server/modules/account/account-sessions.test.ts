import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { portalClientAtFirm, staffAtFirm } from "../identity/password-reset.fixtures.js";
import type { AccountSession, AccountSessionList } from "./account.schemas.js";

const chromeAndroid =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
const firefoxWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0";

/** The session token inside a `__Host-atrium_session=<token>.<signature>` cookie pair. */
function tokenOf(cookie: string): string {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  return value.slice(0, value.lastIndexOf("."));
}

describe("the account's own sessions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** `count` signed-in browsers of one account, the first on Chrome/Android, the others on Firefox/Windows. */
  async function browsers(account: { email: string; password: string }, count: number) {
    const clients: TestClient[] = [];
    for (let i = 0; i < count; i++) {
      const client = new TestClient(t.app);
      const userAgent = i === 0 ? chromeAndroid : firefoxWindows;
      const res = await client.post("/api/session", account, { "user-agent": userAgent });
      expect(res.status).toBe(200);
      clients.push(client);
    }
    return clients;
  }

  async function sessionsOf(client: TestClient) {
    const res = await client.get<AccountSessionList>("/api/account/sessions");
    expect(res.status).toBe(200);
    return res.body.sessions;
  }

  const currentOf = async (client: TestClient): Promise<AccountSession> => {
    const current = (await sessionsOf(client)).find((s) => s.current);
    if (!current) throw new Error("no current session listed");
    return current;
  };

  const auditRows = async (firmId: string, action: string) =>
    (
      await t.deps.database.owner.query(
        "select actor_user_id, entity_id, before, after from audit_events where firm_id = $1 and action = $2",
        [firmId, action],
      )
    ).rows;

  it("SEC-9 lists only the account's own sessions, the current first, without any token", async () => {
    const client = await portalClientAtFirm(t);
    const other = await portalClientAtFirm(t);
    const [phone, laptop] = await browsers(client, 2);
    await browsers(other, 1);
    if (!phone || !laptop) throw new Error("two browsers expected");

    const listed = await phone.get<AccountSessionList>("/api/account/sessions", { "accept-language": "de" });
    expect(listed.status).toBe(200);
    const sessions = listed.body.sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ current: true, userAgent: "Chrome auf Android" });
    expect(sessions[1]).toMatchObject({ current: false, userAgent: "Firefox auf Windows" });
    expect(sessions[0]?.ipAddress).toBe("127.0.0.1");
    for (const token of [tokenOf(phone.cookie), tokenOf(laptop.cookie)]) {
      expect(JSON.stringify(listed.body)).not.toContain(token);
    }
    const { rows } = await t.deps.database.owner.query<{ id: string }>(
      "select id from sessions where user_id = $1",
      [other.userId],
    );
    for (const { id } of rows) expect(sessions.map((s) => s.id)).not.toContain(id);
    expect((await currentOf(laptop)).id).toBe(sessions[1]?.id);
  });

  it("SEC-9 ending one session ends exactly that one, at its next request", async () => {
    const client = await portalClientAtFirm(t);
    const [a, b, c] = await browsers(client, 3);
    if (!a || !b || !c) throw new Error("three browsers expected");
    const target = await currentOf(b);

    const res = await a.delete(`/api/account/sessions/${target.id}`);
    expect(res.status).toBe(204);
    expect(res.cookies).toEqual([]);
    expect((await b.get("/api/me")).status).toBe(401);
    expect((await a.get("/api/me")).status).toBe(200);
    expect((await c.get("/api/me")).status).toBe(200);
    expect((await sessionsOf(a)).map((s) => s.id)).not.toContain(target.id);
    expect((await a.delete(`/api/account/sessions/${target.id}`)).status).toBe(404);

    const rows = await auditRows(client.firmId, "account.session_end");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: client.userId, entity_id: target.id });
    expect(JSON.stringify(rows[0])).not.toContain(tokenOf(b.cookie));
  });

  it("SEC-9 ending the current session signs this browser out", async () => {
    const client = await portalClientAtFirm(t);
    const [a] = await browsers(client, 1);
    if (!a) throw new Error("a browser expected");
    const res = await a.delete(`/api/account/sessions/${(await currentOf(a)).id}`);
    expect(res.status).toBe(204);
    expect(res.cookies.some((c) => /^__Host-atrium_session=;.*Max-Age=0/.test(c))).toBe(true);
    expect((await a.get("/api/me")).status).toBe(401);
  });

  it("SEC-11 another account's session id answers 404 and that session lives on", async () => {
    const client = await portalClientAtFirm(t);
    const other = await portalClientAtFirm(t);
    const [mine] = await browsers(client, 1);
    const [theirs] = await browsers(other, 1);
    if (!mine || !theirs) throw new Error("two browsers expected");
    const theirId = (await currentOf(theirs)).id;

    const res = await mine.delete<{ error: { code: string; message: string } }>(
      `/api/account/sessions/${theirId}`,
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain("does not exist");
    const unknown = await mine.delete("/api/account/sessions/00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(res.body);
    expect((await theirs.get("/api/me")).status).toBe(200);
    expect(await auditRows(client.firmId, "account.session_end")).toEqual([]);
  });

  it("SEC-9 signing out everywhere else keeps the current session and ends all others", async () => {
    const staff = await staffAtFirm(t);
    const [here, ...elsewhere] = await browsers(staff, 3);
    if (!here) throw new Error("a browser expected");
    const res = await here.post<{ ended: number }>("/api/account/sessions/sign-out-everywhere", {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    expect(res.cookies).toEqual([]);
    expect((await here.get("/api/me")).status).toBe(200);
    for (const client of elsewhere) expect((await client.get("/api/me")).status).toBe(401);
    expect((await sessionsOf(here)).map((s) => s.current)).toEqual([true]);

    const rows = await auditRows(staff.firmId, "account.sign_out_everywhere");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: staff.userId,
      after: { ended: 2, includeCurrent: false },
    });
  });

  it("SEC-9 signing out everywhere including the current session ends this one too", async () => {
    const client = await portalClientAtFirm(t);
    const [here, there] = await browsers(client, 2);
    if (!here || !there) throw new Error("two browsers expected");
    const heldCookie = here.cookie;
    const res = await here.post<{ ended: number }>("/api/account/sessions/sign-out-everywhere", {
      includeCurrent: true,
    });
    expect(res.body).toEqual({ ended: 2 });
    expect(res.cookies.some((c) => /^__Host-atrium_session=;/.test(c))).toBe(true);
    expect((await there.get("/api/me")).status).toBe(401);
    // A browser that ignored the cleared cookie is refused all the same: the session is gone.
    const stale = new TestClient(t.app);
    stale.cookie = heldCookie;
    expect((await stale.get("/api/me")).status).toBe(401);
  });

  it("asks for a session", async () => {
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get("/api/account/sessions")).status).toBe(401);
    expect((await anonymous.delete("/api/account/sessions/x")).status).toBe(401);
    expect((await anonymous.post("/api/account/sessions/sign-out-everywhere", {})).status).toBe(401);
  });
});
