import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inScope } from "../../platform/db/scope.js";
import { staffMembers } from "../firms/firms.tables.js";
import {
  awaitResetMails,
  freshIp,
  latestResetToken,
  portalClientAtFirm,
  postFrom,
  requestReset,
  resetOutbox,
  staffAtFirm,
  unknownEmail,
} from "./password-reset.fixtures.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

const newPassword = "nine kites above the old mill";
const hourMs = 3_600_000;

describe("password reset", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const peek = (token: string) =>
    postFrom<{ email: string; expiresAt: string } & Partial<ErrorBody>>(t, "/api/password-reset/peek", {
      token,
    });
  const complete = (token: string, password = newPassword) =>
    postFrom<ErrorBody | null>(t, "/api/password-reset/complete", { token, password });
  const signIn = async (email: string, password: string) => {
    const client = new TestClient(t.app);
    const res = await client.post("/api/session", { email, password });
    return { client, status: res.status };
  };

  it("SEC-3 answers a known and an unknown address alike, and mails only the known one", async () => {
    const client = await portalClientAtFirm(t);
    const nobody = unknownEmail();
    const known = await requestReset(t, client.email);
    const unknown = await requestReset(t, nobody);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(known.body.message).toContain("If an account exists");

    expect(await latestResetToken(t, client.email)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await resetOutbox(t, nobody)).toEqual([]);
    const { rows } = await t.deps.database.owner.query("select 1 from mail_outbox where to_address = $1", [
      nobody,
    ]);
    expect(rows).toEqual([]);
    expect(t.sink.mails.some((m) => JSON.stringify(m).includes(nobody))).toBe(false);
  });

  it("SEC-3 answers before the address is looked up, so the answer's timing tells nothing either", async () => {
    const client = await portalClientAtFirm(t);
    await requestReset(t, client.email);
    await latestResetToken(t, client.email);
    // Hold the account's token row: the next link cannot be issued (it voids that row) until released.
    const blocker = await t.deps.database.owner.connect();
    try {
      await blocker.query("begin");
      await blocker.query("select 1 from one_time_tokens where subject_id = $1 for update", [client.userId]);
      const answer = await Promise.race([
        requestReset(t, client.email),
        new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), 5_000)),
      ]);
      expect(answer).not.toBe("still waiting");
      expect(answer).toMatchObject({ status: 202 });
      expect(await resetOutbox(t, client.email)).toHaveLength(1);
    } finally {
      await blocker.query("commit");
      blocker.release();
    }
    expect(await awaitResetMails(t, client.email, 2)).toHaveLength(2);
  });

  it("PORTAL-1 a portal client gets the mail of its firm, in its language, with a sealed one-hour link", async () => {
    const client = await portalClientAtFirm(t, { language: "fr" });
    const sentAt = t.clock.now();
    expect((await requestReset(t, client.email)).status).toBe(202);
    const token = await latestResetToken(t, client.email);
    const [row] = await resetOutbox(t, client.email);
    expect(row).toMatchObject({ firm_id: client.firmId, language: "fr" });
    expect(row?.subject).toContain(client.firmName);
    // SEC-5: the outbox keeps a placeholder, the raw token only reached the mail as sent.
    expect(row?.text).not.toContain(token);
    expect(row?.text).toContain("http://localhost:3000/reset-password#token=ATRIUMSECRET");
    const preview = await peek(token);
    expect(preview.status).toBe(200);
    expect(preview.body.email).toBe(`c***@${client.email.split("@")[1]}`);
    expect(preview.body.expiresAt).toBe(new Date(sentAt.getTime() + hourMs).toISOString());
    const { rows } = await t.deps.database.owner.query(
      "select count(*)::int as n from one_time_tokens where token_hash = $1 or token_hash like $2",
      [token, `%${token}%`],
    );
    expect(rows[0].n).toBe(0);
  });

  it("PORTAL-1 a staff member gets the mail of the firm they work for", async () => {
    const staff = await staffAtFirm(t);
    expect((await requestReset(t, staff.email)).status).toBe(202);
    await awaitResetMails(t, staff.email);
    const [row] = await resetOutbox(t, staff.email);
    expect(row).toMatchObject({ firm_id: staff.firmId, language: "de" });
    expect(row?.subject).toContain(staff.firmName);
  });

  it("SEC-6 peeking consumes nothing; unknown and malformed links answer one identical 404", async () => {
    const client = await portalClientAtFirm(t);
    await requestReset(t, client.email);
    const token = await latestResetToken(t, client.email);
    for (let i = 0; i < 3; i++) expect((await peek(token)).status).toBe(200);
    const answers = [await peek("A".repeat(43)), await peek("nonsense")];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(answers[0]?.body);
    }
    expect(answers[0]?.body.error?.message).toContain("no longer works");
    expect((await complete(token)).status).toBe(204);
  });

  it("SEC-5 20 parallel completions of one link: exactly 1 succeeds", async () => {
    const client = await portalClientAtFirm(t);
    await requestReset(t, client.email);
    const token = await latestResetToken(t, client.email);
    const results = await Promise.all(Array.from({ length: 20 }, () => complete(token)));
    expect(results.filter((r) => r.status === 204)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 204).every((r) => r.status === 404)).toBe(true);
    expect((await complete(token)).status).toBe(404);
  });

  it("SEC-5 a link works until exactly one hour after the request, to the second", async () => {
    const client = await portalClientAtFirm(t);
    const sentAt = t.clock.now().getTime();
    await requestReset(t, client.email);
    const token = await latestResetToken(t, client.email);
    t.clock.set(new Date(sentAt + hourMs - 1000));
    expect((await peek(token)).status).toBe(200);
    t.clock.set(new Date(sentAt + hourMs));
    expect((await peek(token)).status).toBe(404);
    expect((await complete(token)).status).toBe(404);
    expect((await signIn(client.email, client.password)).status).toBe(200);
  });

  it("SEC-5 a new request voids the older link", async () => {
    const client = await portalClientAtFirm(t);
    await requestReset(t, client.email);
    const older = await latestResetToken(t, client.email);
    await requestReset(t, client.email);
    const newer = await latestResetToken(t, client.email, 2);
    expect(newer).not.toBe(older);
    expect((await peek(older)).status).toBe(404);
    expect((await complete(older)).status).toBe(404);
    expect((await peek(newer)).status).toBe(200);
    expect((await complete(newer)).status).toBe(204);
  });

  it("SEC-5 a new request voids the older link also when it was issued at another of the account's firms", async () => {
    const client = await portalClientAtFirm(t);
    await requestReset(t, client.email);
    const atClientFirm = await latestResetToken(t, client.email);
    // The same person starts working at another firm: that firm now speaks for the account.
    const other = await staffAtFirm(t);
    await inScope(t.deps.database, { firmId: other.firmId }, (tx) =>
      tx.db.insert(staffMembers).values({ firmId: other.firmId, userId: client.userId, role: "assistant" }),
    );
    await requestReset(t, client.email);
    const atStaffFirm = await latestResetToken(t, client.email, 2);
    expect((await resetOutbox(t, client.email))[0]?.firm_id).toBe(other.firmId);
    expect((await peek(atClientFirm)).status).toBe(404);
    expect((await peek(atStaffFirm)).status).toBe(200);
  });

  it("SEC-8 the old password fails, the new one works, earlier sessions end, and nobody is signed in", async () => {
    const client = await portalClientAtFirm(t);
    const before = [await signIn(client.email, client.password), await signIn(client.email, client.password)];
    for (const { client: session } of before) expect((await session.get("/api/me")).status).toBe(200);
    await requestReset(t, client.email);
    const token = await latestResetToken(t, client.email);

    const done = await complete(token);
    expect(done.status).toBe(204);
    expect(done.headers["set-cookie"]).toBeUndefined();
    for (const { client: session } of before) expect((await session.get("/api/me")).status).toBe(401);
    expect((await signIn(client.email, client.password)).status).toBe(401);
    expect((await signIn(client.email, newPassword)).status).toBe(200);

    const { rows } = await t.deps.database.owner.query(
      "select actor_user_id, before, after, ip from audit_events where firm_id = $1 and action = 'account.password_reset'",
      [client.firmId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: client.userId, after: { sessionsEnded: 2 } });
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(newPassword);
    expect(stored).not.toContain(token);
    const hash = await t.deps.database.owner.query("select password from auth_accounts where user_id = $1", [
      client.userId,
    ]);
    expect(hash.rows[0].password).toMatch(/^\$argon2id\$/);
  });

  it("SEC-2 a weak password is refused naming the field, and the link stays usable", async () => {
    const client = await portalClientAtFirm(t);
    await requestReset(t, client.email);
    const token = await latestResetToken(t, client.email);
    const weak = await complete(token, "password1");
    expect(weak.status).toBe(400);
    expect(weak.body?.error.details?.fields).toEqual([
      { field: "password", message: expect.stringContaining("most used") },
    ]);
    const mine = await complete(token, `${client.email}!x`);
    expect(mine.body?.error.details?.fields?.[0]?.field).toBe("password");
    expect((await peek(token)).status).toBe(200);
    expect((await signIn(client.email, client.password)).status).toBe(200);
  });

  it("SEC-17 the 6th request for one address within an hour is refused with 429, from any IP", async () => {
    const client = await portalClientAtFirm(t);
    const nobody = unknownEmail();
    for (const email of [client.email, nobody]) {
      for (let i = 0; i < 5; i++) expect((await requestReset(t, email, freshIp())).status).toBe(202);
      const sixth = await requestReset(t, email, freshIp());
      expect(sixth.status).toBe(429);
      expect(sixth.body.error?.code).toBe("rate_limited");
      expect(sixth.body.error?.message).toContain("wait up to an hour");
    }
    expect(await awaitResetMails(t, client.email, 5)).toHaveLength(5);
    const german = await postFrom<ErrorBody>(
      t,
      "/api/password-reset/request",
      { email: nobody },
      { language: "de" },
    );
    expect(german.body.error.message).toContain("Stunde");
    t.clock.advance(hourMs);
    expect((await requestReset(t, client.email, freshIp())).status).toBe(202);
  });

  it("SEC-17 20 requests per IP within an hour; a spoofed X-Forwarded-For does not reset the count", async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      const res = await requestReset(t, unknownEmail(), ip, { "x-forwarded-for": `203.0.113.${i}` });
      expect(res.status).toBe(202);
    }
    for (const spoof of ["198.51.100.7", "203.0.113.99, 10.0.0.1", ip]) {
      const res = await requestReset(t, unknownEmail(), ip, { "x-forwarded-for": spoof });
      expect(res.status).toBe(429);
    }
    expect((await requestReset(t, unknownEmail(), freshIp())).status).toBe(202);
  });

  it("SEC-17 the limits hold across two server processes on one database", async () => {
    const second = await startTestApp({ databaseUrl: t.databaseUrl });
    try {
      const email = unknownEmail();
      const apps = [t, second, t, second, second];
      for (const app of apps) expect((await requestReset(app, email, freshIp())).status).toBe(202);
      expect((await requestReset(t, email, freshIp())).status).toBe(429);
      expect((await requestReset(second, email, freshIp())).status).toBe(429);
    } finally {
      await second.close();
    }
  });

  it("names a missing or malformed email and a missing token or password", async () => {
    const bad = await requestReset(t, "not-an-email");
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ErrorBody).error.details?.fields?.[0]?.field).toBe("email");
    const missing = await postFrom<ErrorBody>(t, "/api/password-reset/complete", {});
    expect(missing.status).toBe(400);
    expect((missing.body.error.details?.fields ?? []).map((f) => f.field).sort()).toEqual([
      "password",
      "token",
    ]);
  });
});
