import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SecondFactorState, TotpSetup } from "../../../contracts/second-factor.js";
import type { Me, SecondFactorChallengeAnswer } from "../../../contracts/session.js";
import { createPortalAccount } from "../../../tests/support/factories-grants.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import type { DevSms } from "../../platform/sms/sms.js";
import { totpCode, totpStep } from "../../platform/totp.js";
import { CHALLENGE_COOKIE } from "./sign-in-challenge.service.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

describe("second factor at sign-in (PORTAL-1, SEC-8, SEC-9)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  let counter = 0;
  /** A portal account with a confirmed number, signed in once (password only) to set its factor up. */
  async function accountWithPhone() {
    const phone = `+4915100000${String(++counter).padStart(2, "0")}`;
    const account = await createPortalAccount(t.deps, { language: "de" });
    await t.deps.database.owner.query(
      "update users set phone_e164 = $1, phone_verified_at = now() where id = $2",
      [phone, account.userId],
    );
    const client = new TestClient(t.app, "de");
    expect(
      (await client.post("/api/session", { email: account.email, password: account.password })).status,
    ).toBe(200);
    return { ...account, phone, client };
  }
  const lastCodeTo = (phone: string) => {
    const text = (t.deps.sms as DevSms).messages.filter((m) => m.to === phone).at(-1)?.text ?? "";
    const code = text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no code sent to ${phone}`);
    return code;
  };
  /** Signs in with the password; answers the client and the challenge cookie it holds (no session). */
  async function passwordStep(account: { email: string; password: string }) {
    const client = new TestClient(t.app, "en");
    const res = await client.post<SecondFactorChallengeAnswer>("/api/session", {
      email: account.email,
      password: account.password,
    });
    const challenge = res.cookies.find((c) => c.startsWith(`${CHALLENGE_COOKIE}=`))?.split(";")[0] ?? "";
    return { client, res, challenge };
  }
  const giveCode = (client: TestClient, challenge: string, code: string) =>
    client.post<Me & ErrorBody>("/api/session/second-factor", { code }, { cookie: challenge });
  const sessionsOf = async (userId: string) =>
    (
      await t.deps.database.owner.query<{ token: string }>("select token from sessions where user_id = $1", [
        userId,
      ])
    ).rows;

  it("SEC-9 with SMS codes: the password alone gives no session; the code gives a new one", async () => {
    const account = await accountWithPhone();
    const on = await account.client.post<SecondFactorState>("/api/account/second-factor/sms", {
      password: account.password,
    });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body).toEqual({
      method: "sms",
      phoneMasked: `+49 •••• ••${account.phone.slice(-2)}`,
      passkeys: 0,
    });
    const before = (await sessionsOf(account.userId)).map((s) => s.token);

    const { client, res, challenge } = await passwordStep(account);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      secondFactor: { method: "sms", phoneMasked: on.body.phoneMasked, passkey: false },
    });
    expect(client.cookie).toBe("");
    expect(challenge).not.toBe("");
    expect((await client.get("/api/me", { cookie: challenge })).status).toBe(401);
    // The session better-auth made for the password step is gone again.
    expect((await sessionsOf(account.userId)).map((s) => s.token)).toEqual(before);

    const code = lastCodeTo(account.phone);
    const done = await giveCode(client, challenge, code);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.user.email).toBe(account.email);
    expect(client.cookie).not.toBe("");
    expect((await client.get("/api/portal/me")).status).toBe(200);
    const after = (await sessionsOf(account.userId)).map((s) => s.token);
    expect(after.filter((token) => !before.includes(token))).toHaveLength(1);
    // The challenge is used up.
    expect((await giveCode(new TestClient(t.app), challenge, code)).status).toBe(404);
  });

  it("SEC-8 an SMS code belongs to its sign-in, lasts 10 minutes, and five wrong tries end the sign-in", async () => {
    const account = await accountWithPhone();
    await account.client.post("/api/account/second-factor/sms", { password: account.password });
    const first = await passwordStep(account);
    const firstCode = lastCodeTo(account.phone);
    const second = await passwordStep(account);
    const secondCode = lastCodeTo(account.phone);
    if (firstCode !== secondCode)
      expect((await giveCode(second.client, second.challenge, firstCode)).status).toBe(400);
    t.clock.advance(10 * 60_000);
    expect((await giveCode(second.client, second.challenge, secondCode)).status).toBe(404);
    t.clock.advance(-10 * 60_000 + 1000);
    const wrong = String((Number(firstCode) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 4; i++) {
      const res = await giveCode(first.client, first.challenge, wrong);
      expect(res.status).toBe(400);
      expect(res.body.error.details?.fields?.[0]?.field).toBe("code");
    }
    expect((await giveCode(first.client, first.challenge, wrong)).status).toBe(404);
    expect((await giveCode(first.client, first.challenge, firstCode)).status).toBe(404);
    t.clock.advance(-1000);
  });

  it("SEC-8 an authenticator code works once; a new sign-in needs the next one", async () => {
    const account = await accountWithPhone();
    const setup = await account.client.post<TotpSetup>("/api/account/second-factor/totp", {
      password: account.password,
    });
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Atrium%3A.*secret=/);
    const codeNow = () => totpCode(setup.body.secret, totpStep(t.clock.now()));
    const confirmed = await account.client.post<SecondFactorState>(
      "/api/account/second-factor/totp/confirm",
      {
        code: codeNow(),
      },
    );
    expect(confirmed.body.method).toBe("totp");
    const used = codeNow();
    const first = await passwordStep(account);
    expect(first.res.body).toEqual({
      secondFactor: { method: "totp", phoneMasked: expect.any(String), passkey: false },
    });
    // The code that confirmed the app was used already.
    expect((await giveCode(first.client, first.challenge, used)).status).toBe(400);
    t.clock.advance(30_000);
    const next = codeNow();
    expect((await giveCode(first.client, first.challenge, next)).status).toBe(200);
    const second = await passwordStep(account);
    expect((await giveCode(second.client, second.challenge, next)).status).toBe(400);
    t.clock.advance(30_000);
    expect((await giveCode(second.client, second.challenge, codeNow())).status).toBe(200);
  });

  it("changing the factor asks for the password; SMS needs a confirmed number", async () => {
    const account = await createPortalAccount(t.deps);
    const client = new TestClient(t.app);
    await client.post("/api/session", { email: account.email, password: account.password });
    const noPhone = await client.post<ErrorBody>("/api/account/second-factor/sms", {
      password: account.password,
    });
    expect(noPhone.status).toBe(409);
    const wrong = await client.post<ErrorBody>("/api/account/second-factor/totp", {
      password: "not the password",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details?.fields?.[0]?.field).toBe("password");
    expect((await new TestClient(t.app).get("/api/account/second-factor")).status).toBe(401);
  });
});
