import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountPhone, PhoneCodeSent } from "../../../contracts/phone.js";
import { signedInPortalAccount } from "../../../tests/support/factories-grants.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import type { DevSms } from "../../platform/sms/sms.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

describe("confirming the mobile number by SMS code (PORTAL-1, SEC-8)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const sms = () => t.deps.sms as DevSms;
  /** The code in the newest SMS to `to`. */
  const codeSentTo = (to: string) => {
    const message = sms()
      .messages.filter((m) => m.to === to)
      .at(-1);
    const code = message?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no code sent to ${to}`);
    return code;
  };
  const send = (client: TestClient, phone = "0151 2345678") =>
    client.post<PhoneCodeSent & ErrorBody>("/api/account/phone/send-code", { phone, country: "DE" });
  const verify = (client: TestClient, attemptId: string, code: string) =>
    client.post<AccountPhone & ErrorBody>("/api/account/phone/verify", { attemptId, code });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

  it("sends a code in the account's language and confirms the number with it, once", async () => {
    const { client } = await signedInPortalAccount(t, { language: "de" });
    const sent = await send(client);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.phoneMasked).toBe("+49 •••• ••78");
    expect(sent.body.expiresAt).toBe(new Date(t.clock.now().getTime() + 10 * 60_000).toISOString());
    const message = sms().messages.at(-1);
    expect(message?.to).toBe("+491512345678");
    expect(message?.text).toMatch(/Bestätigungscode lautet \d{6}\. Er gilt 10 Minuten/);
    expect((message?.text.length ?? 0) <= 160).toBe(true);
    const code = codeSentTo("+491512345678");
    const bad = await verify(client, sent.body.attemptId, wrong(code));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.fields?.[0]?.field).toBe("code");
    const ok = await verify(client, sent.body.attemptId, code);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.phoneMasked).toBe("+49 •••• ••78");
    expect((await client.get<AccountPhone>("/api/account/phone")).body.verifiedAt).toBe(ok.body.verifiedAt);
    // Single use.
    expect((await verify(client, sent.body.attemptId, code)).status).toBe(404);
  });

  it("SEC-8 a code works for 10 minutes exactly, only for its own attempt, and not after a newer one", async () => {
    const { client } = await signedInPortalAccount(t);
    const first = await send(client, "+33 6 12 34 56 78");
    const firstCode = codeSentTo("+33612345678");
    t.clock.advance(10 * 60_000);
    expect((await verify(client, first.body.attemptId, firstCode)).status).toBe(404);
    const second = await send(client, "+33 6 12 34 56 78");
    const secondCode = codeSentTo("+33612345678");
    t.clock.advance(10 * 60_000 - 1000);
    // The first attempt's code is not this attempt's.
    if (firstCode !== secondCode)
      expect((await verify(client, second.body.attemptId, firstCode)).status).toBe(400);
    const third = await send(client, "+33 6 12 34 56 78");
    const thirdCode = codeSentTo("+33612345678");
    // The newer attempt voided the second.
    expect((await verify(client, second.body.attemptId, secondCode)).status).toBe(404);
    expect((await verify(client, third.body.attemptId, thirdCode)).status).toBe(200);
  });

  it("SEC-8 five wrong codes void the attempt, even for the right code afterwards", async () => {
    const { client } = await signedInPortalAccount(t);
    const sent = await send(client, "+41 79 123 45 67");
    const code = codeSentTo("+41791234567");
    for (let i = 0; i < 4; i++)
      expect((await verify(client, sent.body.attemptId, wrong(code))).status).toBe(400);
    expect((await verify(client, sent.body.attemptId, wrong(code))).status).toBe(404);
    const gone = await verify(client, sent.body.attemptId, code);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/request a new code/);
  });

  it("keeps attempts to their account, asks a signed-in person, and names a bad number", async () => {
    const owner = await signedInPortalAccount(t);
    const other = await signedInPortalAccount(t);
    const sent = await send(owner.client, "+49 160 1111111");
    const code = codeSentTo("+491601111111");
    expect((await verify(other.client, sent.body.attemptId, code)).status).toBe(404);
    expect((await send(new TestClient(t.app))).status).toBe(401);
    const bad = await send(owner.client, "12");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.fields?.[0]?.field).toBe("phone");
    expect((await verify(owner.client, sent.body.attemptId, code)).status).toBe(200);
  });

  it("replacing a confirmed number asks for the password; a new code asks with it again", async () => {
    const account = await signedInPortalAccount(t);
    const first = await send(account.client, "+49 171 2220001");
    expect((await verify(account.client, first.body.attemptId, codeSentTo("+491712220001"))).status).toBe(
      200,
    );
    const sentBefore = sms().messages.length;

    const change = (password?: string) =>
      account.client.post<PhoneCodeSent & ErrorBody>("/api/account/phone/send-code", {
        phone: "+49 171 2220002",
        ...(password === undefined ? {} : { password }),
      });
    const without = await change();
    expect(without.status).toBe(400);
    expect(without.body.error.details?.fields).toEqual([
      {
        field: "password",
        message: "To change your mobile number, please enter the password you sign in with.",
      },
    ]);
    const wrongPassword = await change("not the password");
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.error.details?.fields?.[0]?.field).toBe("password");
    expect(sms().messages.length).toBe(sentBefore);
    expect((await account.client.get<AccountPhone>("/api/account/phone")).body.phoneMasked).toBe(
      "+49 •••• ••01",
    );

    const allowed = await change(account.password);
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    expect((await verify(account.client, allowed.body.attemptId, codeSentTo("+491712220002"))).status).toBe(
      200,
    );
    expect((await account.client.get<AccountPhone>("/api/account/phone")).body.phoneMasked).toBe(
      "+49 •••• ••02",
    );
  });

  it("SEC-17 at most five codes an hour per account", async () => {
    const { client } = await signedInPortalAccount(t);
    for (let i = 0; i < 5; i++) expect((await send(client, `+49 170 555000${i}`)).status).toBe(200);
    const limited = await send(client, "+49 170 5550009");
    expect(limited.status).toBe(429);
    t.clock.advance(3_600_000);
    expect((await send(client, "+49 170 5550009")).status).toBe(200);
  });
});
