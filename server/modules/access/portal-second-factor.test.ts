import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Passkey } from "../../../contracts/passkeys.js";
import { PREVIEW_HEADER } from "../../../contracts/portal.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { insertClientFile } from "../../../tests/support/factories-clients.js";
import { createPortalAccount, insertGrant, insertGrantee } from "../../../tests/support/factories-grants.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { SoftPasskey } from "../identity/webauthn.fixtures.js";
import { type SecondFactorPolicy, unmetRequirements } from "./second-factor-policy.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { required?: string[] } };
}

describe("the firm's second-factor policy in the portal (FIRM-3, PORTAL-1)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** A firm with `policy`, one file shared with `accountId` through one grant; answers the file's address. */
  async function firmSharing(policy: SecondFactorPolicy, accountId: string) {
    const { firmId } = await createFirm(t.deps, { secondFactor: policy });
    const owner = await createStaff(t.deps, firmId, { role: "admin" });
    const { id: fileId } = await insertClientFile(t.deps, firmId, { caseOwnerId: owner.userId });
    const grant = await insertGrant(t.deps, firmId, { fileIds: [fileId] });
    const grantee = await insertGrantee(t.deps, firmId, {
      grantId: grant.id,
      accountId,
      email: `outsider-${accountId}@example.test`,
      access: "read_write",
    });
    return {
      firmId,
      fileId,
      owner,
      granteeId: grantee.id,
      overview: `/api/portal/firms/${firmId}/files/${fileId}/overview`,
    };
  }

  async function signedInClient(account: { email: string; password: string }) {
    const client = new TestClient(t.app, "en");
    const res = await client.post("/api/session", { email: account.email, password: account.password });
    expect(res.status).toBe(200);
    return client;
  }

  it("FIRM-3 an account without the factor the firm asks for hears 403 second_factor_required on every portal request there", async () => {
    const account = await createPortalAccount(t.deps, { language: "de" });
    const strict = await firmSharing("passkey", account.userId);
    const relaxed = await firmSharing("none", account.userId);
    const client = await signedInClient(account);

    for (const res of [
      await client.get<ErrorBody>(strict.overview),
      await client.get<ErrorBody>(`/api/portal/firms/${strict.firmId}/files/${strict.fileId}/documents`),
      await client.post<ErrorBody>(`/api/portal/firms/${strict.firmId}/files/${strict.fileId}/assets`, {}),
      // The switcher shows names of every firm's files: the strictest of them applies.
      await client.get<ErrorBody>("/api/portal/me"),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("second_factor_required");
      expect(res.body.error.details?.required).toEqual(["passkey"]);
    }
    // In the account's language, saying what to do.
    const german = await new TestClient(t.app, "de").get<ErrorBody>(strict.overview, {
      cookie: client.cookie,
    });
    expect(german.body.error.message).toContain("Passkey");
    // The firm that asks for nothing stays open.
    expect((await client.get(relaxed.overview)).status).toBe(200);

    // With a passkey added, the strict firm opens too (the session stays the same).
    const key = new SoftPasskey("localhost", "http://localhost:3000");
    const options = await client.post<{ challenge: string }>("/api/account/passkeys/options", {
      password: account.password,
    });
    const added = await client.post<Passkey>("/api/account/passkeys", {
      name: "Phone",
      response: key.register(options.body),
    });
    expect(added.status).toBe(201);
    expect((await client.get(strict.overview)).status).toBe(200);
    expect((await client.get("/api/portal/me")).status).toBe(200);
  });

  it("FIRM-3 'any' asks for some factor; 'sms' and 'totp' for that kind", async () => {
    const account = await createPortalAccount(t.deps);
    const any = await firmSharing("any", account.userId);
    const sms = await firmSharing("sms", account.userId);
    const client = await signedInClient(account);
    const required = async (url: string) => (await client.get<ErrorBody>(url)).body.error?.details?.required;
    expect(await required(any.overview)).toEqual(["any"]);
    expect(await required(sms.overview)).toEqual(["sms"]);

    await t.deps.database.owner.query(
      "update users set phone_e164 = '+491510007777', phone_verified_at = now() where id = $1",
      [account.userId],
    );
    expect((await client.post("/api/account/second-factor/sms", { password: account.password })).status).toBe(
      200,
    );
    // The code was sent for the sign-in that follows; the session goes on.
    expect((await client.get(any.overview)).status).toBe(200);
    expect((await client.get(sms.overview)).status).toBe(200);
    const totp = await firmSharing("totp", account.userId);
    expect(await required(totp.overview)).toEqual(["totp"]);
  });

  it("SEC-11 a firm where the account has no access answers 404 whatever its policy", async () => {
    const account = await createPortalAccount(t.deps);
    const other = await createPortalAccount(t.deps);
    const strict = await firmSharing("passkey", other.userId);
    const client = await signedInClient(account);
    expect((await client.get(strict.overview)).status).toBe(404);
  });

  it("GRANT-8 a staff preview is not held to the portal account's policy", async () => {
    const account = await createPortalAccount(t.deps);
    const strict = await firmSharing("passkey", account.userId);
    const staff = await signedInClient(strict.owner);
    const preview = await staff.get(strict.overview, { [PREVIEW_HEADER]: strict.granteeId });
    expect(preview.status).toBe(200);
  });

  it("FIRM-3 requirements of several firms add up, the strictest named first", () => {
    const none = { method: null, passkeys: 0 } as const;
    expect(unmetRequirements(["none"], none)).toEqual([]);
    expect(unmetRequirements(["any", "none"], none)).toEqual(["any"]);
    expect(unmetRequirements(["any", "sms"], none)).toEqual(["sms"]);
    expect(unmetRequirements(["sms", "passkey", "any"], none)).toEqual(["passkey", "sms"]);
    expect(unmetRequirements(["sms", "passkey"], { method: "sms", passkeys: 0 })).toEqual(["passkey"]);
    expect(unmetRequirements(["any", "totp"], { method: null, passkeys: 1 })).toEqual(["totp"]);
    expect(unmetRequirements(["any", "passkey"], { method: null, passkeys: 2 })).toEqual([]);
    expect(unmetRequirements(["any"], { method: "totp", passkeys: 0 })).toEqual([]);
  });
});
