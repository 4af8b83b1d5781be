import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantDetail, Grantee } from "../../../contracts/grants.js";
import type { Invitation } from "../../../contracts/invitations.js";
import { createGrantsWorld, type GrantsWorld } from "../../../tests/support/factories-grants.js";
import {
  deliveredMail,
  insertPendingInvitations,
  invitationOutbox,
  openReminderJobs,
  remindersByInvitation,
  tokenOf,
} from "../../../tests/support/factories-invitations.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { sendReminder, sweepDueReminders } from "./reminders.jobs.js";

const day = 86_400_000;
const hour = 3_600_000;

describe("invitation reminders (INV-4, REL-3)", () => {
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

  /** Runs one sweep at the clock's time, then waits until every reminder job it made has run. */
  async function sweepAndSettle(sweeps = 1) {
    const made = await Promise.all(Array.from({ length: sweeps }, () => sweepDueReminders(t.deps)));
    await expect.poll(async () => (await openReminderJobs(t)).length, { timeout: 60_000 }).toBe(0);
    return made.reduce((a, b) => a + b, 0);
  }

  async function invite(name: string) {
    const grantee = await w.owner.client.post<Grantee>(`/api/grants/${grantId}/grantees`, {
      email: `${name.toLowerCase()}-${Date.now().toString(36)}@extern.test`,
      name,
    });
    const res = await w.owner.client.post<Invitation>(
      `/api/grants/${grantId}/grantees/${grantee.body.id}/invitation`,
      { language: "de", salutation: "informal" },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { invitation: res.body, granteeId: grantee.body.id };
  }

  it("seed 001: on day 2 and day 7 a pending invitation gets exactly one reminder each; accepted, stopped and revoked ones none", async () => {
    const start = t.clock.now();
    const pending = await invite("Paula");
    const accepted = await invite("Anna");
    const stopped = await invite("Stefan");
    const revoked = await invite("Rita");
    t.clock.advance(1 * day);
    const [firstMail] = await invitationOutbox(t, accepted.invitation.id);
    const token = tokenOf(await deliveredMail(t, firstMail?.id ?? ""));
    const registered = await new TestClient(t.app).post("/api/client-invitations/accept", {
      token,
      password: "seven lanterns over the harbour",
    });
    expect(registered.status).toBe(201);
    await w.owner.client.post(`/api/invitations/${stopped.invitation.id}/stop-reminders`);
    await w.owner.client.post(`/api/grants/${grantId}/grantees/${revoked.granteeId}/revoke`);

    t.clock.set(new Date(start.getTime() + 2 * day - 1000));
    expect(await sweepAndSettle()).toBe(0);
    t.clock.set(new Date(start.getTime() + 2 * day));
    expect(await sweepAndSettle(2)).toBe(1);
    expect(await sweepAndSettle()).toBe(0);
    t.clock.set(new Date(start.getTime() + 7 * day + hour));
    expect(await sweepAndSettle()).toBe(1);
    t.clock.set(new Date(start.getTime() + 40 * day));
    expect(await sweepAndSettle()).toBe(0);

    const reminders = await remindersByInvitation(t);
    expect(reminders.get(pending.invitation.id)).toEqual([1, 2]);
    for (const other of [accepted, stopped, revoked])
      expect(reminders.get(other.invitation.id)).toBeUndefined();
    // Same salutation and language as the invitation; each reminder's own link works, and so does the first.
    const mails = await invitationOutbox(t, pending.invitation.id);
    expect(mails.map((m) => [m.reminder, m.language])).toEqual([
      [0, "de"],
      [1, "de"],
      [2, "de"],
    ]);
    expect(new Set(mails.map((m) => m.subject)).size).toBe(3);
    t.clock.set(new Date(start.getTime() + 7 * day + 2 * hour));
    const visitor = new TestClient(t.app);
    for (const mail of mails) {
      const delivered = await deliveredMail(t, mail.id);
      expect(delivered.text).toMatch(/\b(du|dich|dir|dein)\b/);
      expect((await visitor.post("/api/client-invitations/peek", { token: tokenOf(delivered) })).status).toBe(
        200,
      );
    }
    const shown = await w.owner.client.get<{ invitations: Invitation[] }>(
      `/api/grants/${grantId}/invitations`,
    );
    expect(shown.body.invitations.find((i) => i.id === pending.invitation.id)).toMatchObject({
      remindersSent: 2,
      nextReminderAt: null,
    });
  });

  it("seed 003's schedule (7 and 30 days) is kept, and the invitation lives past the last reminder", async () => {
    const policies = await w.admin.client.patch("/api/firm/policies", {
      reminderDays: [7, 30],
      invitationLifetimeDays: 31,
    });
    expect(policies.status, JSON.stringify(policies.body)).toBe(200);
    const { invitation } = await invite("Hugo");
    const sent = new Date(invitation.createdAt).getTime();
    expect(invitation.nextReminderAt).toBe(new Date(sent + 7 * day).toISOString());
    expect(new Date(invitation.expiresAt).getTime()).toBeGreaterThan(sent + 30 * day);
    await w.admin.client.patch("/api/firm/policies", { reminderDays: [2, 7], invitationLifetimeDays: 30 });
  });

  it("REL-3 1,000 invitations with random acceptance: reminders exactly for those pending at each day, none twice, with two workers", async () => {
    const start = new Date(t.clock.now().getTime() + 100 * day);
    t.clock.set(start);
    const invitations = await insertPendingInvitations(t, {
      firmId: w.firmId,
      grantId,
      count: 1000,
      sentAt: start,
      reminderDays: [2, 7],
    });
    // Seeded pseudo-random acceptance times within 10 days; about a third never accept.
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const acceptAt = new Map(
      invitations.map((i) => [
        i.invitationId,
        random() < 0.33 ? null : start.getTime() + random() * 10 * day,
      ]),
    );
    const accepted = new Set<string>();
    for (let at = start.getTime(); at <= start.getTime() + 12 * day; at += 12 * hour) {
      t.clock.set(new Date(at));
      const nowAccepting = invitations.filter((i) => {
        const when = acceptAt.get(i.invitationId);
        return when != null && when <= at && !accepted.has(i.invitationId);
      });
      await markAccepted(nowAccepting, new Date(at));
      for (const i of nowAccepting) accepted.add(i.invitationId);
      // Two sweeps at once, and a second worker running every job the app's worker also runs.
      await Promise.all([sweepDueReminders(t.deps), sweepDueReminders(t.deps)]);
      const jobs = await openReminderJobs(t);
      await Promise.all(jobs.flatMap((job) => [sendReminder(t.deps, job), sendReminder(t.deps, job)]));
      await expect.poll(async () => (await openReminderJobs(t)).length, { timeout: 60_000 }).toBe(0);
    }
    const reminders = await remindersByInvitation(t);
    let expectedTotal = 0;
    for (const { invitationId } of invitations) {
      const when = acceptAt.get(invitationId) ?? Number.POSITIVE_INFINITY;
      const expected = [2, 7].flatMap((d, index) => (when > start.getTime() + d * day ? [index + 1] : []));
      expectedTotal += expected.length;
      expect(reminders.get(invitationId) ?? [], invitationId).toEqual(expected);
    }
    expect(expectedTotal).toBeGreaterThan(500);
  }, 300_000);

  async function markAccepted(list: Array<{ invitationId: string; granteeId: string }>, at: Date) {
    if (list.length === 0) return;
    // What registering does to the rows (registration itself is tested through the app): the grantee
    // joins, the invitation is accepted and leaves the sweep's index.
    await t.deps.database.owner.query(
      "update grantees set status = 'active', updated_at = $2 where id = any($1::uuid[])",
      [list.map((i) => i.granteeId), at],
    );
    await t.deps.database.owner.query(
      `update client_invitations set status = 'accepted', accepted_at = $2, next_reminder_at = null, ended_at = $2
        where id = any($1::uuid[])`,
      [list.map((i) => i.invitationId), at],
    );
  }
});
