import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freshIp,
  latestResetToken,
  portalClientAtFirm,
  postFrom,
  requestReset,
  unknownEmail,
} from "../../server/modules/identity/password-reset.fixtures.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

interface ErrorBody {
  error: { code: string; message: string };
}

const paused =
  "Too many wrong passwords for this account. Please try again in 15 minutes, or set a new password with “Forgot password?”.";
const quarterHourMs = 15 * 60_000;

// SEC-4: at most ten passwords are checked per account within a quarter hour, whatever the IPs.
describe("SEC-4 brute force against one account", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** One sign-in attempt from a new IP each time, as a botnet would make it. */
  const attempt = (email: string, password: string, language = "en") =>
    postFrom<ErrorBody | { user: { email: string } }>(
      t,
      "/api/session",
      { email, password },
      { ip: freshIp(), language },
    );

  it("SEC-4 checks ten wrong passwords from ten IPs, then pauses the account even for the right one", async () => {
    const client = await portalClientAtFirm(t);
    for (let i = 0; i < 10; i += 1)
      expect((await attempt(client.email, `wrong guess ${i}`)).status).toBe(401);
    const right = await attempt(client.email, client.password);
    expect(right.status).toBe(429);
    expect(right.body).toEqual({ error: { code: "rate_limited", message: paused } });
    const german = await attempt(client.email, client.password, "de");
    expect((german.body as ErrorBody).error.message).toContain("Passwort vergessen?");

    t.clock.advance(quarterHourMs);
    expect((await attempt(client.email, client.password)).status).toBe(200);
  });

  it("SEC-4 of 40 parallel guesses from 40 IPs exactly ten reach the password check", async () => {
    const client = await portalClientAtFirm(t);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(client.email, `parallel guess ${i}`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
  });

  it("SEC-4 the owner recovers at once with a password reset", async () => {
    const client = await portalClientAtFirm(t);
    for (let i = 0; i < 11; i += 1) await attempt(client.email, `wrong guess ${i}`);
    expect((await attempt(client.email, client.password)).status).toBe(429);

    await requestReset(t, client.email);
    const token = await latestResetToken(t, client.email);
    const newPassword = "seven herons over the quiet lake";
    expect((await postFrom(t, "/api/password-reset/complete", { token, password: newPassword })).status).toBe(
      204,
    );
    expect((await attempt(client.email, newPassword)).status).toBe(200);
  });

  it("SEC-4 a right password clears the count, so the owner's own typos never add up", async () => {
    const client = await portalClientAtFirm(t);
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 9; i += 1)
        expect((await attempt(client.email, `typo ${round}-${i}`)).status).toBe(401);
      expect((await attempt(client.email, client.password)).status).toBe(200);
    }
  });

  it("SEC-3 an unknown address is paused exactly like a known one", async () => {
    const client = await portalClientAtFirm(t);
    const nobody = unknownEmail();
    for (let i = 0; i < 10; i += 1) {
      const [known, unknown] = [
        await attempt(client.email, `guess ${i}`),
        await attempt(nobody, `guess ${i}`),
      ];
      expect(unknown.status).toBe(known.status);
      expect(unknown.body).toEqual(known.body);
    }
    const [known, unknown] = [await attempt(client.email, "guess x"), await attempt(nobody, "guess x")];
    expect(known.status).toBe(429);
    expect(unknown.status).toBe(429);
    expect(unknown.body).toEqual(known.body);
  });
});
