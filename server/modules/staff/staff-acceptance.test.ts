import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../../../contracts/session.js";
import type { StaffInvitation, StaffInvitationPreview, StaffList } from "../../../contracts/staff.js";
import { createStaff } from "../../../tests/support/factories.js";
import {
  firmWithTeam,
  latestInvitationToken,
  nth,
  signedInClient,
} from "../../../tests/support/factories-staff.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

type Team = Awaited<ReturnType<typeof firmWithTeam>>;
let counter = 0;
const newEmail = () => `joiner-${Date.now().toString(36)}-${counter++}@example.test`;
const goodPassword = "seven lanterns over the harbour";

describe("accepting a staff invitation", () => {
  let t: TestApp;
  let a: Team;
  let b: Team;
  beforeAll(async () => {
    t = await startTestApp();
    a = await firmWithTeam(t, ["admin", "advisor"]);
    b = await firmWithTeam(t, ["admin"]);
  });
  afterAll(() => t?.close());

  const admin = () => nth(a.members, 0);

  async function invite(overrides: Record<string, unknown> = {}) {
    const body = { email: newEmail(), name: "Nora Neu", role: "assistant", language: "en", ...overrides };
    const res = await admin().client.post<StaffInvitation>("/api/staff/invitations", body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { invitation: res.body, token: await latestInvitationToken(t, res.body.email) };
  }

  describe("POST /api/staff-invitations/peek", () => {
    it("SEC-6 shows firm, email, name, role and expiry without a session and consumes nothing", async () => {
      const { invitation, token } = await invite({ role: "advisor" });
      const visitor = new TestClient(t.app);
      for (let i = 0; i < 3; i++) {
        const res = await visitor.post<StaffInvitationPreview>("/api/staff-invitations/peek", { token });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          firmName: a.name,
          email: invitation.email,
          name: "Nora Neu",
          role: "advisor",
          language: "en",
          expiresAt: invitation.expiresAt,
          existingAccount: false,
        });
      }
      const accepted = await visitor.post("/api/staff-invitations/accept", { token, password: goodPassword });
      expect(accepted.status).toBe(201);
    });

    it("SEC-3 answers unknown, malformed, used, revoked and expired links with one identical 404", async () => {
      const visitor = new TestClient(t.app);
      const used = await invite();
      expect(
        (await visitor.post("/api/staff-invitations/accept", { token: used.token, password: goodPassword }))
          .status,
      ).toBe(201);
      const revoked = await invite();
      await admin().client.delete(`/api/staff/invitations/${revoked.invitation.id}`);
      const expiring = await invite();
      const answers = [];
      for (const token of ["A".repeat(43), "nonsense", used.token, revoked.token]) {
        answers.push(await new TestClient(t.app).post("/api/staff-invitations/peek", { token }));
      }
      t.clock.advance(30 * 86_400_000);
      answers.push(
        await new TestClient(t.app).post("/api/staff-invitations/peek", { token: expiring.token }),
      );
      for (const res of answers) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual(answers[0]?.body);
      }
      expect((nth(answers, 0).body as ErrorBody).error.message).toContain("no longer works");
    });

    it("names a missing token", async () => {
      const res = await new TestClient(t.app).post<ErrorBody>("/api/staff-invitations/peek", {});
      expect(res.status).toBe(400);
      expect(res.body.error.details?.fields?.[0]?.field).toBe("token");
    });
  });

  describe("POST /api/staff-invitations/accept", () => {
    it("creates the account with the invited role, signs it in, marks the invitation accepted, audits", async () => {
      const { invitation, token } = await invite({ role: "advisor", language: "fr" });
      const joiner = new TestClient(t.app);
      const res = await joiner.post<{ firmId: string; userId: string }>("/api/staff-invitations/accept", {
        token,
        name: "Nora Neumann",
        password: goodPassword,
      });
      expect(res.status).toBe(201);
      expect(res.body.firmId).toBe(a.firmId);
      expect(res.cookies.some((c) => c.startsWith("__Host-atrium_session="))).toBe(true);

      const me = await joiner.get<Me>("/api/me");
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        user: { name: "Nora Neumann", email: invitation.email, language: "fr" },
        firm: { id: a.firmId, name: a.name },
        staffRole: "advisor",
      });
      const list = await admin().client.get<StaffList>("/api/staff");
      expect(list.body.members).toContainEqual(
        expect.objectContaining({ userId: res.body.userId, role: "advisor", active: true }),
      );
      expect(list.body.invitations.map((i) => i.id)).not.toContain(invitation.id);

      const { rows } = await t.deps.database.owner.query(
        "select status, accepted_user_id from staff_invitations where id = $1",
        [invitation.id],
      );
      expect(rows[0]).toEqual({ status: "accepted", accepted_user_id: res.body.userId });
      const audit = await t.deps.database.owner.query(
        "select action, actor_user_id from audit_events where firm_id = $1 and entity_id in ($2, $3)",
        [a.firmId, invitation.id, res.body.userId],
      );
      expect(audit.rows.map((r) => r.action).sort()).toEqual([
        "account.sign_in",
        "staff_invitation.accept",
        "staff_invitation.create",
        "staff_member.join",
      ]);
      const stored = await t.deps.database.owner.query(
        "select password from auth_accounts where user_id = $1",
        [res.body.userId],
      );
      expect(stored.rows[0].password).toMatch(/^\$argon2id\$/);
    });

    it("accepting twice fails the second time, and the link is dead afterwards", async () => {
      const { token } = await invite();
      const first = await new TestClient(t.app).post("/api/staff-invitations/accept", {
        token,
        password: goodPassword,
      });
      expect(first.status).toBe(201);
      const second = await new TestClient(t.app).post<ErrorBody>("/api/staff-invitations/accept", {
        token,
        password: "another fine passphrase",
      });
      expect(second.status).toBe(404);
      expect(second.cookies).toEqual([]);
    });

    it("SEC-5 20 parallel acceptances of one link: exactly 1 succeeds, one account, one membership", async () => {
      const { invitation, token } = await invite();
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          new TestClient(t.app).post("/api/staff-invitations/accept", { token, password: goodPassword }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status !== 201).every((r) => [404, 409].includes(r.status))).toBe(true);
      const { rows } = await t.deps.database.owner.query(
        "select u.id from users u join staff_members s on s.user_id = u.id where u.email = $1",
        [invitation.email],
      );
      expect(rows).toHaveLength(1);
    });

    it("SEC-2 a weak password is refused naming the field, and the link stays usable", async () => {
      const { token } = await invite();
      const res = await new TestClient(t.app).post<ErrorBody>("/api/staff-invitations/accept", {
        token,
        password: "password1",
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details?.fields).toEqual([
        { field: "password", message: expect.stringContaining("most used") },
      ]);
      expect((await new TestClient(t.app).post("/api/staff-invitations/peek", { token })).status).toBe(200);
    });

    it("names missing and too short fields", async () => {
      const res = await new TestClient(t.app).post<ErrorBody>("/api/staff-invitations/accept", { name: "X" });
      expect(res.status).toBe(400);
      const fields = (res.body.error.details?.fields ?? []).map((f) => f.field).sort();
      expect(fields).toEqual(["name", "password", "token"]);
    });

    it("refuses an expired link to the second", async () => {
      const { invitation, token } = await invite();
      t.clock.set(new Date(new Date(invitation.expiresAt).getTime() - 1000));
      expect((await new TestClient(t.app).post("/api/staff-invitations/peek", { token })).status).toBe(200);
      t.clock.set(invitation.expiresAt);
      const res = await new TestClient(t.app).post("/api/staff-invitations/accept", {
        token,
        password: goodPassword,
      });
      expect(res.status).toBe(404);
    });

    it("an existing account joins with its own password instead of getting a second account", async () => {
      const existing = await createStaff(t.deps, b.firmId, { role: "advisor", name: "Ella Existing" });
      const { invitation, token } = await invite({ email: existing.email, role: "assistant" });
      const visitor = new TestClient(t.app);
      const preview = await visitor.post<StaffInvitationPreview>("/api/staff-invitations/peek", { token });
      expect(preview.body.existingAccount).toBe(true);

      const wrong = await visitor.post<ErrorBody>("/api/staff-invitations/accept", {
        token,
        password: goodPassword,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details?.fields).toEqual([
        { field: "password", message: expect.stringContaining("already exists") },
      ]);

      const res = await visitor.post<{ userId: string }>("/api/staff-invitations/accept", {
        token,
        password: existing.password,
      });
      expect(res.status).toBe(201);
      expect(res.body.userId).toBe(existing.userId);
      const { rows } = await t.deps.database.owner.query(
        "select firm_id, role from staff_members where user_id = $1 order by role",
        [existing.userId],
      );
      expect(rows).toEqual(
        [
          { firm_id: b.firmId, role: "advisor" },
          { firm_id: a.firmId, role: "assistant" },
        ].sort((x, y) => x.role.localeCompare(y.role)),
      );
      const accounts = await t.deps.database.owner.query("select 1 from users where email = $1", [
        invitation.email,
      ]);
      expect(accounts.rows).toHaveLength(1);
    });

    it("SEC-7 someone signed in with another account cannot take the invitation; it stays pending", async () => {
      const { token } = await invite();
      const other = await signedInClient(t, nth(a.members, 1).email, nth(a.members, 1).password);
      const res = await other.post<ErrorBody>("/api/staff-invitations/accept", {
        token,
        password: goodPassword,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain("different account");
      expect((await new TestClient(t.app).post("/api/staff-invitations/peek", { token })).status).toBe(200);
    });

    it("SEC-16 refuses an acceptance without the CSRF header", async () => {
      const { token } = await invite();
      const res = await t.app.inject({
        method: "POST",
        url: "/api/staff-invitations/accept",
        payload: { token, password: goodPassword },
      });
      expect(res.statusCode).toBe(403);
      expect((await new TestClient(t.app).post("/api/staff-invitations/peek", { token })).status).toBe(200);
    });
  });
});
