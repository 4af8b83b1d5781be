import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.js";
import { PASSWORD_CHECKS_PER_IP } from "../../server/modules/identity/password-checks.js";
import { portalClientAtFirm, unknownEmail } from "../../server/modules/identity/password-reset.fixtures.js";
import { rateLimitKey } from "../../server/modules/identity/rate-limits.js";
import { CHALLENGE_COOKIE } from "../../server/modules/identity/sign-in-challenge.service.js";
import { type Answer, type Member, send, startMembers } from "../startup/cluster.js";
import { Cleanup } from "../startup/process.js";
import { TestClient } from "../support/http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

interface ErrorBody {
  error: { code: string; message: string };
}

/** The load balancer in front of both processes (ATRIUM_TRUSTED_PROXIES=127.0.0.1). */
const PROXY = "127.0.0.1";
/** A client that reaches the processes directly, past the load balancer: its X-Forwarded-For is a lie. */
const DIRECT = "127.0.0.2";
const paused = "Too many wrong passwords for this account";

/**
 * SEC-17 across processes: two real web processes (ATRIUM_ROLE=web) on one database, behind a load
 * balancer at 127.0.0.1 that they trust. Requests alternate between them, each with another forged
 * X-Forwarded-For; every limit must trigger at exactly the count it has in one process, and a forged
 * or prefixed X-Forwarded-For must never start a fresh count. The in-process app only builds accounts.
 */
describe("SEC-17 rate limits across two server processes and spoofed X-Forwarded-For", {
  timeout: 120_000,
}, () => {
  const cleanup = new Cleanup();
  let t: TestApp;
  let a: Member;
  let b: Member;

  beforeAll(async () => {
    t = await startTestApp({ env: { ATRIUM_ROLE: "web" } });
    cleanup.add(() => t.close());
    [a, b] = (await startMembers(cleanup, t.databaseUrl, ["web", "web"], {
      ATRIUM_TRUSTED_PROXIES: PROXY,
    })) as [Member, Member];
  }, 120_000);
  afterAll(() => cleanup.run(), 60_000);
  // Each test starts in a fresh hour: no counter of an earlier test may decide its outcome.
  beforeEach(async () => {
    await t.deps.database.owner.query("delete from rate_limits");
  });

  /** Request `i` goes to A or B in turn. */
  const member = (i: number) => (i % 2 === 0 ? a : b);
  const signIn = (i: number, email: string, password: string, from: string, forwardedFor: string) =>
    send<ErrorBody>(member(i).port, "POST", "/api/session", {
      body: { email, password },
      from,
      headers: { "x-forwarded-for": forwardedFor },
    });
  const requestReset = (i: number, email: string, from: string, forwardedFor: string) =>
    send<ErrorBody>(member(i).port, "POST", "/api/password-reset/request", {
      body: { email },
      from,
      headers: { "x-forwarded-for": forwardedFor },
    });
  const statuses = (answers: Answer[]) => answers.map((answer) => answer.status);

  it("SEC-17 ATRIUM_TRUSTED_PROXIES takes IPs and CIDR ranges, trusts nobody by default, and names itself when wrong", () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ ATRIUM_TRUSTED_PROXIES: " 10.0.0.5, 10.1.0.0/16 ,fd00::/8" }).trustedProxies).toEqual(
      ["10.0.0.5", "10.1.0.0/16", "fd00::/8"],
    );
    for (const bad of ["10.0.0.300", "10.0.0.0/33", "proxy.internal", "10.0.0.1/8/2", "::1/129"]) {
      expect(() => loadConfig({ ATRIUM_TRUSTED_PROXIES: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ ATRIUM_TRUSTED_PROXIES: bad })).toThrow(
        /^Configuration error: ATRIUM_TRUSTED_PROXIES=/,
      );
    }
  });

  it("SEC-17 wrong passwords for one account, alternating processes and forged addresses: paused after ten, as in one process", async () => {
    const client = await portalClientAtFirm(t);
    const wrong: Answer[] = [];
    for (let i = 0; i < 10; i++)
      wrong.push(await signIn(i, client.email, `wrong guess ${i}`, DIRECT, `203.0.113.${i}`));
    expect(statuses(wrong)).toEqual(Array(10).fill(401));
    // Even the right password, through the proxy as a "new" client, on either process.
    for (const i of [10, 11]) {
      const right = await signIn(i, client.email, client.password, PROXY, `198.51.100.${i}`);
      expect(right.status).toBe(429);
      expect(right.body.error.message).toContain(paused);
    }
  });

  it("SEC-17 wrong passwords from one client across many accounts: the 51st is refused on both processes, whatever X-Forwarded-For says", async () => {
    const wrong: Answer[] = [];
    for (let i = 0; i < 50; i++)
      wrong.push(await signIn(i, unknownEmail(), "not the password", DIRECT, `203.0.113.${i}, 10.0.0.${i}`));
    expect(statuses(wrong)).toEqual(Array(50).fill(401));
    for (const [i, forged] of [DIRECT, "198.51.100.1", "127.0.0.1", ""].entries()) {
      const refused = await signIn(i, unknownEmail(), "not the password", DIRECT, forged);
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("rate_limited");
    }
    // Another client is not caught by it.
    expect((await signIn(0, unknownEmail(), "not the password", "127.0.0.3", DIRECT)).status).toBe(401);
  });

  it("SEC-17 a right password gives its check back, so many people behind one address can sign in", async () => {
    const client = await portalClientAtFirm(t);
    for (let i = 0; i < 51; i++)
      expect((await signIn(i, client.email, client.password, DIRECT, `203.0.113.${i}`)).status).toBe(200);
    expect((await signIn(0, unknownEmail(), "not the password", DIRECT, "203.0.113.1")).status).toBe(401);
  });

  it("SEC-17 reset requests from one client: 20 an hour across both processes; a forged X-Forwarded-For does not reset the count", async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 20; i++)
      answers.push(await requestReset(i, unknownEmail(), DIRECT, `203.0.113.${i}`));
    expect(statuses(answers)).toEqual(Array(20).fill(202));
    for (const [i, forged] of ["198.51.100.7", "203.0.113.99, 10.0.0.1", DIRECT].entries())
      expect((await requestReset(i, unknownEmail(), DIRECT, forged)).status).toBe(429);
    // Per address too: the 6th request for one address, over both processes and many client IPs.
    const email = unknownEmail();
    const perAddress: Answer[] = [];
    for (let i = 0; i < 6; i++) perAddress.push(await requestReset(i, email, PROXY, `198.51.100.${i + 20}`));
    expect(statuses(perAddress)).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it("SEC-17 behind the trusted proxy each client counts apart, and a client's own left-most entry cannot reset its count", async () => {
    const client = "198.51.100.7";
    const answers: Answer[] = [];
    for (let i = 0; i < 20; i++) answers.push(await requestReset(i, unknownEmail(), PROXY, client));
    expect(statuses(answers)).toEqual(Array(20).fill(202));
    // The proxy appends the address it saw to whatever the client sent: the client controls the left.
    for (const [i, chain] of [client, `203.0.113.5, ${client}`, `${PROXY}, ${client}`].entries())
      expect((await requestReset(i, unknownEmail(), PROXY, chain)).status).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await requestReset(0, unknownEmail(), PROXY, "198.51.100.8")).status).toBe(202);
    expect((await requestReset(1, unknownEmail(), PROXY, `${client}, 198.51.100.9`)).status).toBe(202);
  });

  it("SEC-17 the session and the audit record the same client address the limits count", async () => {
    const client = await portalClientAtFirm(t);
    const answer = await signIn(0, client.email, client.password, PROXY, "203.0.113.77, 198.51.100.42");
    expect(answer.status).toBe(200);
    const { rows: sessions } = await t.deps.database.owner.query<{ ip_address: string }>(
      "select ip_address from sessions where user_id = $1",
      [client.userId],
    );
    expect(sessions.map((s) => s.ip_address)).toEqual(["198.51.100.42"]);
    const { rows: audit } = await t.deps.database.owner.query<{ ip: string }>(
      "select host(ip::inet) as ip from audit_events where actor_user_id = $1",
      [client.userId],
    );
    expect(audit.map((row) => row.ip)).toEqual(["198.51.100.42"]);
  });

  it("SEC-17 better-auth's own limiter never prunes Atrium's counters when its window rolls over", async () => {
    const now = Date.now();
    const seed = (key: string, count: number, at: number) =>
      t.deps.database.owner.query(
        "insert into rate_limits (id, key, count, last_request) values (gen_random_uuid()::text, $1, $2, $3)",
        [key, count, at],
      );
    // Five minutes into its quarter hour, this client has used up its 50 wrong passwords.
    await seed(rateLimitKey(PASSWORD_CHECKS_PER_IP, DIRECT), 50, now - 5 * 60_000);
    // better-auth's one-minute window of this client on /get-session ended a minute ago (its plain key
    // as its own storage writes it, and hashed as Atrium's storage does).
    const authKey = `${DIRECT}|/get-session`;
    await seed(authKey, 1, now - 2 * 60_000);
    await seed(rateLimitKey({ name: "auth", max: 100, windowMs: 60_000 }, authKey), 1, now - 2 * 60_000);
    expect((await send(a.port, "GET", "/api/auth/get-session", { from: DIRECT })).status).toBeLessThan(500);
    expect((await signIn(1, unknownEmail(), "not the password", DIRECT, "")).status).toBe(429);
  });

  it("SEC-17 second-factor codes: 20 tries an hour per account across both processes, then refused even with a new sign-in", async () => {
    const account = await portalClientAtFirm(t);
    await t.deps.database.owner.query(
      "update users set phone_e164 = '+41790000017', phone_verified_at = now() where id = $1",
      [account.userId],
    );
    const owner = new TestClient(t.app, "en");
    expect(
      (await owner.post("/api/session", { email: account.email, password: account.password })).status,
    ).toBe(200);
    const on = await owner.post("/api/account/second-factor/sms", { password: account.password });
    expect(on.status, JSON.stringify(on.body)).toBe(200);

    /** The password step on process `i`: answers the challenge cookie (no session yet). */
    const passwordStep = async (i: number) => {
      const answer = await signIn(i, account.email, account.password, DIRECT, `203.0.113.${i}`);
      const challenge = answer.cookies.find((c) => c.startsWith(`${CHALLENGE_COOKIE}=`));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      if (!challenge) throw new Error("the password step set no challenge cookie");
      return challenge;
    };
    const tries: number[] = [];
    let n = 0;
    // Five wrong codes end a sign-in; four sign-ins use up the account's 20 tries.
    for (let signInNo = 0; signInNo < 4; signInNo++) {
      const challenge = await passwordStep(signInNo);
      for (let k = 0; k < 5; k++, n++) {
        const answer = await send(member(n).port, "POST", "/api/session/second-factor", {
          body: { code: String(100_000 + n) },
          cookie: challenge,
          from: DIRECT,
          headers: { "x-forwarded-for": `198.51.100.${n}` },
        });
        tries.push(answer.status);
      }
    }
    expect(tries).toEqual(Array(4).fill([400, 400, 400, 400, 404]).flat());
    const challenge = await passwordStep(5);
    for (const i of [0, 1]) {
      const refused = await send<ErrorBody>(member(i).port, "POST", "/api/session/second-factor", {
        body: { code: "123456" },
        cookie: challenge,
        from: DIRECT,
        headers: { "x-forwarded-for": `192.0.2.${i}` },
      });
      expect(refused.status).toBe(429);
    }
  });
});
