import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantDetail, Grantee } from "../../../contracts/grants.js";
import type { AcceptedClientInvitation, Invitation } from "../../../contracts/invitations.js";
import type { Me } from "../../../contracts/session.js";
import {
  createGrantsWorld,
  createPortalAccount,
  type GrantsWorld,
} from "../../../tests/support/factories-grants.js";
import { latestInvitationToken } from "../../../tests/support/factories-invitations.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { CHALLENGE_COOKIE } from "./sign-in-challenge.service.js";
import { SoftPasskey } from "./webauthn.fixtures.js";

describe("accepting an invitation with an account that has a second factor (PORTAL-1, SEC-8)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  let grantId: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createGrantsWorld(t);
    const grant = await w.owner.client.post<GrantDetail>("/api/grants", {
      name: "Familie",
      fileIds: [w.klaraFile],
    });
    grantId = grant.body.id;
  });
  afterAll(() => t?.close());

  it("SEC-8 the right password gives no session yet: the answer asks for the factor on the sign-in challenge", async () => {
    // Invited first; the account with this email came about meanwhile (another firm's invitation).
    const email = `guest-${Date.now().toString(36)}@extern.test`;
    const grantee = await w.owner.client.post<Grantee>(`/api/grants/${grantId}/grantees`, {
      email,
      name: "Gina Gast",
    });
    const invitation = await w.owner.client.post<Invitation>(
      `/api/grants/${grantId}/grantees/${grantee.body.id}/invitation`,
      { language: "en" },
    );
    expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
    const token = await latestInvitationToken(t, invitation.body);
    const account = await createPortalAccount(t.deps, { email, language: "en" });

    // The account protects its sign-in with a passkey.
    const own = new TestClient(t.app);
    await own.post("/api/session", { email: account.email, password: account.password });
    const key = new SoftPasskey("localhost", "http://localhost:3000");
    const creation = await own.post<{ challenge: string }>("/api/account/passkeys/options", {
      password: account.password,
    });
    const added = await own.post("/api/account/passkeys", {
      name: "Phone",
      response: key.register(creation.body),
    });
    expect(added.status).toBe(201);

    const browser = new TestClient(t.app);
    const accepted = await browser.post<AcceptedClientInvitation>("/api/client-invitations/accept", {
      token,
      password: account.password,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body).toEqual({
      userId: account.userId,
      newAccount: false,
      secondFactor: { method: "passkey", phoneMasked: null, passkey: true },
    });
    expect(browser.cookie).toBe("");
    const challenge = accepted.cookies.find((c) => c.startsWith(`${CHALLENGE_COOKIE}=`))?.split(";")[0] ?? "";
    expect(challenge).not.toBe("");

    const options = await browser.post<{ challenge: string }>(
      "/api/session/passkey/options",
      {},
      { cookie: challenge },
    );
    const done = await browser.post<Me>(
      "/api/session/passkey",
      { response: key.assert(options.body) },
      { cookie: challenge },
    );
    expect(done.status).toBe(200);
    expect(done.body.user.id).toBe(account.userId);
    expect((await browser.get("/api/portal/me")).status).toBe(200);
  });
});
