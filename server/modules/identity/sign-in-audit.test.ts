import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditPage } from "../../../contracts/audit.js";
import type { AccessLogPage } from "../../../contracts/profile.js";
import type { SecondFactorState, TotpSetup } from "../../../contracts/second-factor.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { createPortalAccount, insertGrant, insertGrantee } from "../../../tests/support/factories-grants.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { totpCode, totpStep } from "../../platform/totp.js";
import { CHALLENGE_COOKIE } from "./sign-in-challenge.service.js";

const browser = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1";

describe("sign-ins in the audit log (AUDIT-1)", () => {
  let t: TestApp;
  let firmA: string;
  let firmB: string;
  let adminA: TestClient;
  let adminB: TestClient;

  /** The rows of `action` in a firm about `userId`, read as the owner (every firm at once). */
  const rowsOf = async (action: string, userId: string) =>
    (
      await t.deps.database.owner.query<{
        firm_id: string;
        actor_user_id: string;
        actor_name: string;
        actor_kind: string;
        entity_id: string;
        after: unknown;
        ip: string | null;
        user_agent: string | null;
      }>(
        `select firm_id, actor_user_id, actor_name, actor_kind, entity_id, after, ip, user_agent
           from audit_events where action = $1 and entity_id = $2 order by firm_id, at, seq`,
        [action, userId],
      )
    ).rows;
  const signIn = (email: string, password: string, client = new TestClient(t.app, "en")) =>
    client
      .post<AuditPage>("/api/session", { email, password }, { "user-agent": browser })
      .then((res) => ({ client, res }));

  beforeAll(async () => {
    t = await startTestApp();
    firmA = (await createFirm(t.deps)).firmId;
    firmB = (await createFirm(t.deps)).firmId;
    const a = await createStaff(t.deps, firmA, { role: "admin", name: "Anna Admin" });
    const b = await createStaff(t.deps, firmB, { role: "admin", name: "Bruno Admin" });
    adminA = (await signIn(a.email, a.password)).client;
    adminB = (await signIn(b.email, b.password)).client;
  });
  afterAll(() => t?.close());

  it("records a sign-in in every firm of the account, as staff or client, and in its own access log", async () => {
    // Vera works at firm A and is a client of firm B.
    const vera = await createStaff(t.deps, firmA, { role: "advisor", name: "Vera Vogt" });
    const grant = await insertGrant(t.deps, firmB, { fileIds: [] });
    await insertGrantee(t.deps, firmB, { grantId: grant.id, accountId: vera.userId, email: vera.email });

    const { client, res } = await signIn(vera.email, vera.password);
    expect(res.status).toBe(200);

    const rows = await rowsOf("account.sign_in", vera.userId);
    expect(rows.map((r) => [r.firm_id, r.actor_kind]).sort()).toEqual(
      [
        [firmA, "staff"],
        [firmB, "client"],
      ].sort(),
    );
    for (const row of rows)
      expect(row).toMatchObject({
        actor_user_id: vera.userId,
        actor_name: "Vera Vogt",
        after: { method: "password" },
        ip: "127.0.0.1",
        user_agent: browser,
      });

    // Firm A's log shows it under her name; firm B's log shows it too, and neither shows the other's row.
    const logA = await adminA.get<AuditPage>(`/api/audit?action=account.&actorUserId=${vera.userId}`);
    expect(logA.status).toBe(200);
    expect(logA.body.items.map((e) => [e.action, e.actor.name])).toEqual([["account.sign_in", "Vera Vogt"]]);
    const logB = await adminB.get<AuditPage>(`/api/audit?action=account.&actorUserId=${vera.userId}`);
    expect(logB.body.items.map((e) => e.action)).toEqual(["account.sign_in"]);

    // Her own access log shows the sign-in in both firms, with where from (her own action).
    const own = await client.get<AccessLogPage>("/api/account/access-log");
    expect(own.status).toBe(200);
    const signIns = own.body.items.filter((e) => e.action === "account.sign_in");
    expect(signIns.map((e) => e.firm.id).sort()).toEqual([firmA, firmB].sort());
    for (const entry of signIns)
      expect(entry).toMatchObject({ label: "Signed in", byYou: true, ipAddress: "127.0.0.1" });
  });

  it("records a wrong password in the account's firms only, and nothing for an unknown email", async () => {
    const paul = await createPortalAccount(t.deps, { name: "Paul Portal" });
    const grant = await insertGrant(t.deps, firmA, { fileIds: [] });
    await insertGrantee(t.deps, firmA, { grantId: grant.id, accountId: paul.userId, email: paul.email });

    const wrong = await signIn(paul.email, "not his password at all");
    expect(wrong.res.status).toBe(401);
    const failed = await rowsOf("account.sign_in_failed", paul.userId);
    expect(failed).toEqual([
      expect.objectContaining({
        firm_id: firmA,
        actor_user_id: paul.userId,
        actor_kind: "client",
        after: { reason: "password" },
        ip: "127.0.0.1",
        user_agent: browser,
      }),
    ]);
    expect(await rowsOf("account.sign_in", paul.userId)).toEqual([]);

    // Firm A sees the attempt; firm B, where Paul is nobody, does not.
    const logA = await adminA.get<AuditPage>("/api/audit?action=account.sign_in_failed");
    expect(logA.body.items.map((e) => e.entityId)).toEqual([paul.userId]);
    const logB = await adminB.get<AuditPage>("/api/audit?action=account.sign_in_failed");
    expect(logB.body.items).toEqual([]);

    // An email without an account answers exactly the same, and leaves no trace in any firm.
    const before = await t.deps.database.owner.query("select count(*)::int as n from audit_events");
    const nobody = await signIn("nobody-here@example.test", "not his password at all");
    expect(nobody.res.status).toBe(wrong.res.status);
    expect(nobody.res.body).toEqual(wrong.res.body);
    const after = await t.deps.database.owner.query("select count(*)::int as n from audit_events");
    expect(after.rows[0].n).toBe(before.rows[0].n);

    // Once he signs in, his own log shows both, the failed attempt with where it came from.
    const right = await signIn(paul.email, paul.password);
    expect(right.res.status).toBe(200);
    const own = await right.client.get<AccessLogPage>("/api/account/access-log");
    expect(own.body.items.map((e) => [e.action, e.firm.id])).toEqual([
      ["account.sign_in", firmA],
      ["account.sign_in_failed", firmA],
    ]);
    expect(own.body.items[1]).toMatchObject({
      label: "Sign-in failed: wrong password",
      ipAddress: "127.0.0.1",
    });
  });

  it("records a sign-in with a second factor only once the factor answered", async () => {
    const sara = await createStaff(t.deps, firmA, { role: "advisor", name: "Sara Sicher" });
    const first = await signIn(sara.email, sara.password);
    const setup = await first.client.post<TotpSetup>("/api/account/second-factor/totp", {
      password: sara.password,
    });
    const codeNow = () => totpCode(setup.body.secret, totpStep(t.clock.now()));
    const confirmed = await first.client.post<SecondFactorState>("/api/account/second-factor/totp/confirm", {
      code: codeNow(),
    });
    expect(confirmed.body.method).toBe("totp");
    expect(await rowsOf("account.sign_in", sara.userId)).toHaveLength(1);

    const { client, res } = await signIn(sara.email, sara.password);
    expect(res.body).toMatchObject({ secondFactor: { method: "totp" } });
    // The password alone is no sign-in yet.
    expect(await rowsOf("account.sign_in", sara.userId)).toHaveLength(1);
    const challenge = res.cookies.find((c) => c.startsWith(`${CHALLENGE_COOKIE}=`))?.split(";")[0] ?? "";
    t.clock.advance(30_000);
    const done = await client.post(
      "/api/session/second-factor",
      { code: codeNow() },
      { cookie: challenge, "user-agent": browser },
    );
    expect(done.status).toBe(200);
    const rows = await rowsOf("account.sign_in", sara.userId);
    expect(rows.map((r) => r.after)).toEqual([{ method: "password" }, { method: "totp" }]);
  });
});
