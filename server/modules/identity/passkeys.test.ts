import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Passkey, PasskeyList } from "../../../contracts/passkeys.js";
import type { SecondFactorState } from "../../../contracts/second-factor.js";
import type { Me, SecondFactorChallengeAnswer } from "../../../contracts/session.js";
import { createPortalAccount } from "../../../tests/support/factories-grants.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { CHALLENGE_COOKIE } from "./sign-in-challenge.service.js";
import { SoftPasskey } from "./webauthn.fixtures.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}
type Options = {
  challenge: string;
  rp?: { id: string; name: string };
  allowCredentials?: Array<{ id: string }>;
};

// The test app's public URL is http://localhost:3000: the relying party is "localhost" at that origin.
const RP_ID = "localhost";
const ORIGIN = "http://localhost:3000";

describe("passkeys as a second factor (PORTAL-1, SEC-8, SEC-9)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** A portal account signed in with its password alone (no factor yet). */
  async function signedInAccount() {
    const account = await createPortalAccount(t.deps, { language: "en" });
    const client = new TestClient(t.app, "en");
    expect(
      (await client.post("/api/session", { email: account.email, password: account.password })).status,
    ).toBe(200);
    return { ...account, client };
  }

  /** Adds a new software passkey to the signed-in account through the API. */
  async function addPasskey(account: { client: TestClient; password: string }, name = "My phone") {
    const key = new SoftPasskey(RP_ID, ORIGIN);
    const options = await account.client.post<Options>("/api/account/passkeys/options", {
      password: account.password,
    });
    expect(options.status, JSON.stringify(options.body)).toBe(200);
    const added = await account.client.post<Passkey & ErrorBody>("/api/account/passkeys", {
      name,
      response: key.register(options.body),
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    return { key, passkey: added.body, options: options.body };
  }

  /** The password step of a sign-in: the challenge cookie (no session) and what it asks. */
  async function passwordStep(account: { email: string; password: string }) {
    const client = new TestClient(t.app, "en");
    const res = await client.post<SecondFactorChallengeAnswer>("/api/session", {
      email: account.email,
      password: account.password,
    });
    const challenge = res.cookies.find((c) => c.startsWith(`${CHALLENGE_COOKIE}=`))?.split(";")[0] ?? "";
    return { client, res, challenge };
  }
  const signInOptions = (client: TestClient, challenge: string) =>
    client.post<Options & ErrorBody>("/api/session/passkey/options", {}, { cookie: challenge });
  const givePasskey = (client: TestClient, challenge: string, response: unknown) =>
    client.post<Me & ErrorBody>("/api/session/passkey", { response }, { cookie: challenge });

  it("PORTAL-1 passkeys are added with the password, named, several per account, and removed with the password", async () => {
    const account = await signedInAccount();
    const wrong = await account.client.post<ErrorBody>("/api/account/passkeys/options", {
      password: "not the password",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details?.fields?.[0]?.field).toBe("password");

    const first = await addPasskey(account, "My phone");
    expect(first.options.rp).toEqual({ id: RP_ID, name: "Atrium" });
    expect(first.passkey).toMatchObject({ name: "My phone", lastUsedAt: null });
    const second = await addPasskey(account, "Laptop");
    const list = await account.client.get<PasskeyList>("/api/account/passkeys");
    expect(list.body.passkeys.map((p) => p.name)).toEqual(["My phone", "Laptop"]);
    const state = await account.client.get<SecondFactorState>("/api/account/second-factor");
    expect(state.body).toMatchObject({ method: null, passkeys: 2 });

    // The same authenticator's answer a second time registers nothing new.
    const again = await account.client.post<ErrorBody>("/api/account/passkeys", {
      name: "Again",
      response: second.key.register(second.options),
    });
    expect(again.status).toBe(409);

    const keep = await account.client.post<ErrorBody>(`/api/account/passkeys/${first.passkey.id}/remove`, {
      password: "not the password",
    });
    expect(keep.status).toBe(400);
    expect(keep.body.error.details?.fields?.[0]?.field).toBe("password");
    const removed = await account.client.post<PasskeyList>(
      `/api/account/passkeys/${first.passkey.id}/remove`,
      {
        password: account.password,
      },
    );
    expect(removed.status).toBe(200);
    expect(removed.body.passkeys.map((p) => p.name)).toEqual(["Laptop"]);

    // Another account's passkey does not exist for this one.
    const other = await signedInAccount();
    const foreign = await other.client.post(`/api/account/passkeys/${second.passkey.id}/remove`, {
      password: other.password,
    });
    expect(foreign.status).toBe(404);
    expect((await new TestClient(t.app).get("/api/account/passkeys")).status).toBe(401);
  });

  it("PORTAL-1 a registration answers only its own account's fresh challenge at Atrium's origin", async () => {
    const account = await signedInAccount();
    const options = await account.client.post<Options>("/api/account/passkeys/options", {
      password: account.password,
    });
    const key = new SoftPasskey(RP_ID, ORIGIN);
    const elsewhere = await account.client.post<ErrorBody>("/api/account/passkeys", {
      name: "Phished",
      response: key.register(options.body, { origin: "https://atrium.example.evil" }),
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details?.fields?.[0]?.field).toBe("response");

    // Another account cannot use these options.
    const other = await signedInAccount();
    const stolen = await other.client.post("/api/account/passkeys", {
      name: "Stolen",
      response: new SoftPasskey(RP_ID, ORIGIN).register(options.body),
    });
    expect(stolen.status).toBe(400);

    // Five minutes on the app clock and the options are void.
    t.clock.advance(5 * 60_000 + 1000);
    const late = await account.client.post("/api/account/passkeys", {
      name: "Late",
      response: key.register(options.body),
    });
    expect(late.status).toBe(400);
    t.clock.advance(-(5 * 60_000 + 1000));
  });

  it("SEC-9 with a passkey: the password alone gives no session; the passkey's answer gives a new one", async () => {
    const account = await signedInAccount();
    const { key } = await addPasskey(account);

    const { client, res, challenge } = await passwordStep(account);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ secondFactor: { method: "passkey", phoneMasked: null, passkey: true } });
    expect(client.cookie).toBe("");
    expect((await client.get("/api/me", { cookie: challenge })).status).toBe(401);

    const options = await signInOptions(client, challenge);
    expect(options.status).toBe(200);
    expect(options.body.allowCredentials?.map((c) => c.id)).toEqual([key.id]);
    const done = await givePasskey(client, challenge, key.assert(options.body));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.user.email).toBe(account.email);
    expect(client.cookie).not.toBe("");
    expect((await client.get("/api/me")).status).toBe(200);
    const list = await client.get<PasskeyList>("/api/account/passkeys");
    expect(list.body.passkeys[0]?.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it("SEC-8 a passkey's answer works once: the sign-in is used up and its challenge with it", async () => {
    const account = await signedInAccount();
    const { key } = await addPasskey(account);
    const { client, challenge } = await passwordStep(account);
    const options = await signInOptions(client, challenge);
    const answer = key.assert(options.body);
    expect((await givePasskey(client, challenge, answer)).status).toBe(200);
    // Replayed, also with a higher counter signed anew over the same challenge: the sign-in is gone.
    expect((await givePasskey(new TestClient(t.app), challenge, answer)).status).toBe(404);
    expect((await givePasskey(new TestClient(t.app), challenge, key.assert(options.body))).status).toBe(404);
    // The next sign-in has another challenge: the old answer does not fit it.
    const next = await passwordStep(account);
    const refused = await givePasskey(next.client, next.challenge, key.assert(options.body));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.fields?.[0]?.field).toBe("passkey");
    const nextOptions = await signInOptions(next.client, next.challenge);
    expect(nextOptions.body.challenge).not.toBe(options.body.challenge);
    expect((await givePasskey(next.client, next.challenge, key.assert(nextOptions.body))).status).toBe(200);
  });

  it("SEC-8 a passkey sign-in expires with its challenge, 10 minutes on the app clock", async () => {
    const account = await signedInAccount();
    const { key } = await addPasskey(account);
    const { client, challenge } = await passwordStep(account);
    const options = await signInOptions(client, challenge);
    t.clock.advance(10 * 60_000);
    expect((await signInOptions(client, challenge)).status).toBe(404);
    expect((await givePasskey(client, challenge, key.assert(options.body))).status).toBe(404);
    t.clock.advance(-10 * 60_000);
  });

  it("SEC-8 a signature counter that did not grow is refused (a cloned key), and counts as a wrong try", async () => {
    const account = await signedInAccount();
    const { key } = await addPasskey(account);
    const first = await passwordStep(account);
    const firstOptions = await signInOptions(first.client, first.challenge);
    expect((await givePasskey(first.client, first.challenge, key.assert(firstOptions.body))).status).toBe(
      200,
    );
    const used = key.counter;

    const second = await passwordStep(account);
    const options = await signInOptions(second.client, second.challenge);
    for (const counter of [used, used - 1]) {
      const res = await givePasskey(second.client, second.challenge, key.assert(options.body, { counter }));
      expect(res.status).toBe(400);
      expect(res.body.error.details?.fields?.[0]?.field).toBe("passkey");
    }
    // Another passkey's signature with this one's id does not pass either.
    const impostor = new SoftPasskey(RP_ID, ORIGIN);
    const forged = { ...impostor.assert(options.body, { counter: used + 5 }), id: key.id, rawId: key.id };
    expect((await givePasskey(second.client, second.challenge, forged)).status).toBe(400);
    // The fourth wrong try is still answered; the fifth ends the sign-in, and a right answer comes too late.
    const stale = () => key.assert(options.body, { counter: 0 });
    expect((await givePasskey(second.client, second.challenge, stale())).status).toBe(400);
    expect((await givePasskey(second.client, second.challenge, stale())).status).toBe(404);
    expect((await givePasskey(second.client, second.challenge, key.assert(options.body))).status).toBe(404);
  });

  it("PORTAL-1 with a code method and a passkey, either completes the sign-in", async () => {
    const account = await signedInAccount();
    await t.deps.database.owner.query(
      "update users set phone_e164 = '+491510009999', phone_verified_at = now() where id = $1",
      [account.userId],
    );
    expect(
      (await account.client.post("/api/account/second-factor/sms", { password: account.password })).status,
    ).toBe(200);
    const { key } = await addPasskey(account);
    const { client, res, challenge } = await passwordStep(account);
    expect(res.body.secondFactor).toMatchObject({ method: "sms", passkey: true });
    const options = await signInOptions(client, challenge);
    expect((await givePasskey(client, challenge, key.assert(options.body))).status).toBe(200);
  });
});
