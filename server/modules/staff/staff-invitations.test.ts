import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffInvitation, StaffList } from "../../../contracts/staff.js";
import { firmWithTeam, latestInvitationToken, nth } from "../../../tests/support/factories-staff.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { hashToken } from "../../platform/tokens/one-time-tokens.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

type Team = Awaited<ReturnType<typeof firmWithTeam>>;
let counter = 0;
const newEmail = () => `invitee-${Date.now().toString(36)}-${counter++}@example.test`;

describe("staff invitations", () => {
  let t: TestApp;
  let a: Team;
  let b: Team;
  let anonymous: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    a = await firmWithTeam(t);
    b = await firmWithTeam(t, ["admin"]);
    anonymous = new TestClient(t.app);
  });
  afterAll(() => t?.close());

  const admin = () => nth(a.members, 0);
  const advisor = () => nth(a.members, 1);
  const peek = (token: string) => anonymous.post<ErrorBody>("/api/staff-invitations/peek", { token });

  async function invite(overrides: Record<string, unknown> = {}, by = admin().client) {
    const body = { email: newEmail(), name: "Ines Invited", role: "advisor", language: "de", ...overrides };
    const res = await by.post<StaffInvitation>("/api/staff/invitations", body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { invitation: res.body, token: await latestInvitationToken(t, res.body.email) };
  }

  describe("POST /api/staff/invitations", () => {
    it("invites by normalized email, lists it as pending, audits it, and the mail arrives with a working link", async () => {
      const email = newEmail();
      const res = await admin().client.post<StaffInvitation>("/api/staff/invitations", {
        email: `  ${email.toUpperCase()}`.trim(),
        name: "Ines Invited",
        role: "assistant",
        language: "de",
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email,
        name: "Ines Invited",
        role: "assistant",
        language: "de",
        invitedByName: admin().name,
        expired: false,
        expiresAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(),
      });

      const list = await advisor().client.get<StaffList>("/api/staff");
      expect(list.body.invitations.map((i) => i.id)).toContain(res.body.id);

      const [mail] = await t.sink.waitFor((m) => m.to.includes(email), { timeoutMs: 20_000 });
      expect(mail?.subject).toContain(a.name);
      expect(mail?.subject).toContain(admin().name);
      expect(mail?.text).toContain("Guten Tag Ines Invited");
      expect(mail?.text).toContain("Assistenz");
      const token = mail?.text.match(/http:\/\/localhost:3000\/invite\/staff#token=([A-Za-z0-9_-]{43})/)?.[1];
      expect(token).toBeDefined();
      expect(mail?.text).not.toMatch(/passwor[dt]:/i);

      const preview = await peek(token ?? "");
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        firmName: a.name,
        email,
        role: "assistant",
        existingAccount: false,
      });

      const { rows } = await t.deps.database.owner.query(
        "select action, after from audit_events where firm_id = $1 and entity_id = $2",
        [a.firmId, res.body.id],
      );
      expect(rows).toEqual([
        { action: "staff_invitation.create", after: expect.objectContaining({ email }) },
      ]);
    });

    it("SEC-5 stores only the token's hash: no raw token in tokens, invitations or audit", async () => {
      const { invitation, token } = await invite();
      const { rows } = await t.deps.database.owner.query(
        "select token_hash from one_time_tokens where subject_id = $1",
        [invitation.id],
      );
      expect(rows).toEqual([{ token_hash: hashToken(token) }]);
      for (const table of ["one_time_tokens", "staff_invitations", "audit_events"]) {
        const dump = JSON.stringify((await t.deps.database.owner.query(`select * from ${table}`)).rows);
        expect(dump, table).not.toContain(token);
      }
    });

    it("names every wrong field", async () => {
      const res = await admin().client.post<ErrorBody>("/api/staff/invitations", {
        email: "nope",
        role: "boss",
        language: "es",
      });
      expect(res.status).toBe(400);
      const fields = (res.body.error.details?.fields ?? []).map((f) => f.field).sort();
      expect(fields).toEqual(["email", "language", "name", "role"]);
    });

    it("answers 403 to non-admins and queues nothing", async () => {
      const email = newEmail();
      const res = await advisor().client.post("/api/staff/invitations", {
        email,
        name: "X Y",
        role: "advisor",
        language: "en",
      });
      expect(res.status).toBe(403);
      const { rows } = await t.deps.database.owner.query("select 1 from mail_outbox where to_address = $1", [
        email,
      ]);
      expect(rows).toHaveLength(0);
    });

    it("refuses an email that is already on the firm's staff (409 naming email)", async () => {
      const res = await admin().client.post<ErrorBody>("/api/staff/invitations", {
        email: advisor().email.toUpperCase(),
        name: "Again",
        role: "advisor",
        language: "en",
      });
      expect(res.status).toBe(409);
      expect(res.body.error.details?.fields).toEqual([
        { field: "email", message: expect.stringContaining("already on your team") },
      ]);
    });

    it("SEC-5 re-inviting a pending email replaces the invitation and voids the old link", async () => {
      const first = await invite();
      const second = await invite({ email: first.invitation.email, role: "admin" });
      expect(second.invitation.id).not.toBe(first.invitation.id);
      expect((await peek(first.token)).status).toBe(404);
      expect((await peek(second.token)).body).toMatchObject({ role: "admin" });
      const list = await admin().client.get<StaffList>("/api/staff");
      expect(list.body.invitations.filter((i) => i.email === first.invitation.email)).toHaveLength(1);
    });
  });

  describe("DELETE /api/staff/invitations/:id", () => {
    it("SEC-5 revoking voids the link, removes it from the list and is audited", async () => {
      const { invitation, token } = await invite();
      const res = await admin().client.delete(`/api/staff/invitations/${invitation.id}`);
      expect(res.status).toBe(204);
      expect((await peek(token)).status).toBe(404);
      const list = await admin().client.get<StaffList>("/api/staff");
      expect(list.body.invitations.map((i) => i.id)).not.toContain(invitation.id);
      expect((await admin().client.delete(`/api/staff/invitations/${invitation.id}`)).status).toBe(404);
      const { rows } = await t.deps.database.owner.query(
        "select action from audit_events where entity_id = $1 order by at, id",
        [invitation.id],
      );
      expect(rows.map((r) => r.action)).toContain("staff_invitation.revoke");
    });

    it("answers 403 to non-admins, 400 naming a malformed id", async () => {
      const { invitation, token } = await invite();
      expect((await advisor().client.delete(`/api/staff/invitations/${invitation.id}`)).status).toBe(403);
      expect((await peek(token)).status).toBe(200);
      const bad = await admin().client.delete<ErrorBody>("/api/staff/invitations/xyz");
      expect(bad.status).toBe(400);
      expect(bad.body.error.details?.fields?.[0]?.field).toBe("id");
    });

    it("SEC-11 another firm's invitation answers 404 and stays pending", async () => {
      const { invitation, token } = await invite({}, nth(b.members, 0).client);
      expect((await admin().client.delete(`/api/staff/invitations/${invitation.id}`)).status).toBe(404);
      expect((await admin().client.post(`/api/staff/invitations/${invitation.id}/resend`)).status).toBe(404);
      expect((await peek(token)).status).toBe(200);
    });
  });

  describe("POST /api/staff/invitations/:id/resend", () => {
    it("SEC-5 sends a new link with a renewed expiry; the old link stops working", async () => {
      const { invitation, token } = await invite();
      t.clock.advance(86_400_000);
      const res = await admin().client.post<StaffInvitation>(
        `/api/staff/invitations/${invitation.id}/resend`,
      );
      expect(res.status).toBe(200);
      expect(new Date(res.body.expiresAt).getTime()).toBe(t.clock.now().getTime() + 30 * 86_400_000);
      const fresh = await latestInvitationToken(t, invitation.email);
      expect(fresh).not.toBe(token);
      expect((await peek(token)).status).toBe(404);
      expect((await peek(fresh)).status).toBe(200);
      await t.sink.waitFor((m) => m.to.includes(invitation.email), { count: 2, timeoutMs: 20_000 });
    });

    it("renews an expired invitation", async () => {
      const { invitation, token } = await invite();
      t.clock.advance(31 * 86_400_000);
      expect((await peek(token)).status).toBe(404);
      const list = await admin().client.get<StaffList>("/api/staff");
      expect(list.body.invitations.find((i) => i.id === invitation.id)?.expired).toBe(true);
      expect((await admin().client.post(`/api/staff/invitations/${invitation.id}/resend`)).status).toBe(200);
      expect((await peek(await latestInvitationToken(t, invitation.email))).status).toBe(200);
    });

    it("answers 403 to non-admins, 400 naming a malformed id", async () => {
      const { invitation } = await invite();
      expect((await advisor().client.post(`/api/staff/invitations/${invitation.id}/resend`)).status).toBe(
        403,
      );
      const bad = await admin().client.post<ErrorBody>("/api/staff/invitations/1/resend");
      expect(bad.status).toBe(400);
      expect(bad.body.error.details?.fields?.[0]?.field).toBe("id");
    });
  });
});
