import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SmtpSink } from "../../server/platform/mail/smtp-sink.js";
import { createFirm, createStaff } from "../support/factories.js";
import { insertGrant, insertGrantee } from "../support/factories-grants.js";
import { insertPendingInvitations } from "../support/factories-invitations.js";
import { startTestSmtpSink } from "../support/smtp-sink.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { type Member, send, signInOn, startMembers } from "./cluster.js";
import { Cleanup, eventually } from "./process.js";

const minuteMs = 60_000;

/** The bare address of a caught mail's To header (`"Name" <address>` or just the address). */
const addressOf = (mail: { to: string }) => mail.to.match(/<([^>]+)>/)?.[1] ?? mail.to;
const dayMs = 24 * 60 * minuteMs;

/**
 * REL-4: two web processes and two workers (real `node server/main.ts` processes) on one database
 * behave as one server: a session made on one holds on the other and ends on both, rate limits are
 * counted together, and every job — a mail, a minute's sweep — runs once although two workers poll.
 * The in-process app (role web: it works no jobs) only builds the data and reads the database.
 */
describe("REL-4 two servers on one database", { timeout: 240_000 }, () => {
  const cleanup = new Cleanup();
  let t: TestApp;
  let sink: SmtpSink;
  let a: Member;
  let b: Member;
  let secondWorker: Member;
  let firmId = "";
  let staff = { email: "", password: "" };
  /** When both workers were ready: sweeps from then on had two workers to run them. */
  let workersReadyAt = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: { ATRIUM_ROLE: "web" } });
    cleanup.add(() => t.close());
    const started = await startTestSmtpSink();
    sink = started.sink;
    cleanup.add(() => sink.stop());
    [a, b, , secondWorker] = (await startMembers(cleanup, t.databaseUrl, ["web", "web", "worker", "worker"], {
      SMTP_URL: started.url,
    })) as [Member, Member, Member, Member];
    workersReadyAt = Date.now();
    ({ firmId } = await createFirm(t.deps, { name: "Maklerbüro Zwei Server" }));
    staff = await createStaff(t.deps, firmId, { role: "admin" });
  }, 180_000);
  afterAll(() => cleanup.run(), 60_000);

  it("REL-4 a session made on A works on B, and signing out on B ends it on A", async () => {
    const cookie = await signInOn(a.port, staff.email, staff.password);
    expect((await send(b.port, "GET", "/api/me", { cookie })).status).toBe(200);
    expect((await send(a.port, "GET", "/api/me", { cookie })).status).toBe(200);
    expect((await send(b.port, "DELETE", "/api/session", { cookie })).status).toBe(204);
    expect((await send(a.port, "GET", "/api/me", { cookie })).status).toBe(401);
    expect((await send(b.port, "GET", "/api/me", { cookie })).status).toBe(401);
  });

  it("REL-4 rate limits are counted together: the 6th reset request for an address is refused on either process", async () => {
    const email = `rel4-limit-${Date.now()}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const port = i % 2 === 0 ? a.port : b.port;
      const answer = await send(port, "POST", "/api/password-reset/request", {
        body: { email },
        headers: { "x-forwarded-for": `203.0.113.${i}` },
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    for (const port of [a.port, b.port])
      expect((await send(port, "POST", "/api/password-reset/request", { body: { email } })).status).toBe(429);
  });

  /** `count` grantees invited by email through A and B in turn, all at once; answers their addresses. */
  async function inviteThroughBoth(count: number, tag: string): Promise<string[]> {
    const grant = await insertGrant(t.deps, firmId, { fileIds: [] });
    const cookies = [
      await signInOn(a.port, staff.email, staff.password),
      await signInOn(b.port, staff.email, staff.password),
    ];
    const emails = Array.from({ length: count }, (_, i) => `rel4-${tag}-${i}@example.test`);
    const grantees = await Promise.all(
      emails.map((email, i) =>
        insertGrantee(t.deps, firmId, { grantId: grant.id, email, name: `Person ${i}` }),
      ),
    );
    const answers = await Promise.all(
      grantees.map((grantee, i) =>
        send(
          i % 2 === 0 ? a.port : b.port,
          "POST",
          `/api/grants/${grant.id}/grantees/${grantee.id}/invitation`,
          {
            body: {},
            cookie: cookies[i % 2],
          },
        ),
      ),
    );
    expect(
      answers.map((answer) => answer.status),
      JSON.stringify(answers.find((answer) => answer.status !== 201)?.body),
    ).toEqual(Array(count).fill(201));
    return emails;
  }

  /** Waits for one mail to each address, then a little longer, and answers how many each received. */
  async function mailsPerAddress(emails: string[]): Promise<number[]> {
    const wanted = new Set(emails);
    await sink.waitFor((m) => wanted.has(addressOf(m)), { count: emails.length, timeoutMs: 60_000 });
    // A doubled job would deliver within the workers' polling interval; give it several.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return emails.map((email) => sink.mails.filter((m) => addressOf(m) === email).length);
  }

  it("REL-4 40 invitations made through both web processes: the sink receives exactly 40 mails, with two workers", async () => {
    const emails = await inviteThroughBoth(40, "two");
    expect(await mailsPerAddress(emails)).toEqual(Array(40).fill(1));
    const ids = sink.mails.filter((m) => emails.includes(addressOf(m))).map((m) => m.outboxId);
    expect(new Set(ids).size).toBe(40);
  });

  it("REL-4 the reminder sweep runs once per minute across two workers, and each due reminder is sent once", async () => {
    const grant = await insertGrant(t.deps, firmId, { fileIds: [] });
    // Sent three days ago on the schedule "day 2, day 7": reminder 1 is due now.
    const pending = await insertPendingInvitations(t, {
      firmId,
      grantId: grant.id,
      count: 30,
      sentAt: new Date(Date.now() - 3 * dayMs),
      reminderDays: [2, 7],
    });
    const reminded = (m: { to: string }) => addressOf(m).startsWith("bulk-") && m.to.includes(grant.id);
    await sink.waitFor(reminded, { count: pending.length, timeoutMs: 150_000 });

    // Each worker evaluates the schedule; pg-boss lets one evaluation through per 30 s across all of
    // them and sends one job per minute slot. A doubled sweep would be two jobs seconds apart.
    const sweeps = async () => {
      const { rows } = await t.deps.database.owner.query<{ at: number }>(
        `select extract(epoch from created_on) * 1000 as at
           from (select created_on from pgboss.job where name = 'invitations.sweep-reminders'
                 union all
                 select created_on from pgboss.archive where name = 'invitations.sweep-reminders') s
          where created_on >= to_timestamp($1 / 1000.0) order by 1`,
        [workersReadyAt],
      );
      return rows.map((row) => Number(row.at));
    };
    expect(await eventually(async () => (await sweeps()).length >= 2, 3 * minuteMs)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const at = await sweeps();
    const gaps = at.slice(1).map((time, i) => time - (at[i] ?? 0));
    expect(
      Math.min(...gaps),
      `sweeps at ${at.map((x) => new Date(x).toISOString()).join(", ")}`,
    ).toBeGreaterThan(20_000);
    expect(sink.mails.filter(reminded)).toHaveLength(pending.length);
    expect(new Set(sink.mails.filter(reminded).map(addressOf)).size).toBe(pending.length);
  });

  it("REL-4 with one of the workers stopped, the other takes all jobs: 20 more invitations, 20 mails", async () => {
    await secondWorker.process.stop();
    const emails = await inviteThroughBoth(20, "one");
    expect(await mailsPerAddress(emails)).toEqual(Array(20).fill(1));
  });
});
