import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffList, StaffMember } from "../../../contracts/staff.js";
import { createStaff } from "../../../tests/support/factories.js";
import { firmWithTeam, nth, signedInClient } from "../../../tests/support/factories-staff.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

type Team = Awaited<ReturnType<typeof firmWithTeam>>;

describe("staff members", () => {
  let t: TestApp;
  let a: Team;
  let b: Team;
  beforeAll(async () => {
    t = await startTestApp();
    a = await firmWithTeam(t);
    b = await firmWithTeam(t, ["admin", "advisor"]);
  });
  afterAll(() => t?.close());

  const admin = () => nth(a.members, 0);
  const advisor = () => nth(a.members, 1);
  const assistant = () => nth(a.members, 2);

  /** The audited changes of a staff membership (the account's own sign-ins are rows of its own). */
  async function auditActions(firmId: string, entityId: string) {
    const { rows } = await t.deps.database.owner.query<{ action: string }>(
      "select action from audit_events where firm_id = $1 and entity_type = 'staff_member' and entity_id = $2 order by at, id",
      [firmId, entityId],
    );
    return rows.map((r) => r.action);
  }

  describe("GET /api/staff", () => {
    it("lists the firm's members with name, email, role and state to everyone on staff", async () => {
      for (const member of a.members) {
        const res = await member.client.get<StaffList>("/api/staff");
        expect(res.status).toBe(200);
        expect(res.body.members).toHaveLength(3);
        expect(res.body.members).toContainEqual(
          expect.objectContaining({
            userId: advisor().userId,
            name: advisor().name,
            email: advisor().email,
            role: "advisor",
            active: true,
            deactivatedAt: null,
          }),
        );
        expect(res.body.invitations).toEqual([]);
      }
    });

    it("SEC-11 never shows another firm's members", async () => {
      const res = await nth(b.members, 1).client.get<StaffList>("/api/staff");
      expect(res.body.members.map((m) => m.userId).sort()).toEqual(b.members.map((m) => m.userId).sort());
    });

    it("answers 401 without a session", async () => {
      expect((await new TestClient(t.app).get("/api/staff")).status).toBe(401);
    });
  });

  describe("PATCH /api/staff/:userId", () => {
    it("lets an admin change a member's role, audited with before and after", async () => {
      const target = await createStaff(t.deps, a.firmId, { role: "assistant" });
      const res = await admin().client.patch<StaffMember>(`/api/staff/${target.userId}`, { role: "advisor" });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ userId: target.userId, role: "advisor", active: true });
      expect(await auditActions(a.firmId, target.userId)).toEqual(["staff_member.role_change"]);
      const { rows } = await t.deps.database.owner.query(
        "select before, after, actor_user_id from audit_events where entity_id = $1",
        [target.userId],
      );
      expect(rows[0]).toMatchObject({
        before: { role: "assistant" },
        after: { role: "advisor" },
        actor_user_id: admin().userId,
      });
    });

    it("names the wrong field: an unknown role, a malformed id", async () => {
      const res = await admin().client.patch<ErrorBody>(`/api/staff/${advisor().userId}`, { role: "boss" });
      expect(res.status).toBe(400);
      expect(res.body.error.details?.fields).toEqual([
        { field: "role", message: expect.stringContaining("admin, advisor, assistant") },
      ]);
      const bad = await admin().client.patch<ErrorBody>("/api/staff/not-an-id", { role: "advisor" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details?.fields?.[0]?.field).toBe("userId");
    });

    it("answers 403 to advisors and assistants and changes nothing", async () => {
      for (const member of [advisor(), assistant()]) {
        const res = await member.client.patch(`/api/staff/${assistant().userId}`, { role: "admin" });
        expect(res.status).toBe(403);
      }
      const list = await admin().client.get<StaffList>("/api/staff");
      expect(list.body.members.find((m) => m.userId === assistant().userId)?.role).toBe("assistant");
    });

    it("SEC-11 another firm's member or an unknown id answers 404 and nothing changes", async () => {
      const theirs = nth(b.members, 1);
      const res = await admin().client.patch(`/api/staff/${theirs.userId}`, { role: "admin" });
      expect(res.status).toBe(404);
      expect(
        (await admin().client.patch(`/api/staff/${crypto.randomUUID()}`, { role: "admin" })).status,
      ).toBe(404);
      const list = await nth(b.members, 0).client.get<StaffList>("/api/staff");
      expect(list.body.members.find((m) => m.userId === theirs.userId)?.role).toBe("advisor");
    });

    it("refuses to demote the last active admin (409 with a clear message), allows it once another admin exists", async () => {
      const team = await firmWithTeam(t, ["admin", "advisor"]);
      const [soleAdmin, other] = [nth(team.members, 0), nth(team.members, 1)];
      const res = await soleAdmin.client.patch<ErrorBody>(`/api/staff/${soleAdmin.userId}`, {
        role: "advisor",
      });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain("last active administrator");
      expect(await auditActions(team.firmId, soleAdmin.userId)).toEqual([]);

      expect((await soleAdmin.client.patch(`/api/staff/${other.userId}`, { role: "admin" })).status).toBe(
        200,
      );
      const demoted = await soleAdmin.client.patch<StaffMember>(`/api/staff/${soleAdmin.userId}`, {
        role: "advisor",
      });
      expect(demoted.status).toBe(200);
      expect(demoted.body.role).toBe("advisor");
    });
  });

  describe("deactivate and reactivate", () => {
    it("deactivation ends the member's sessions at once: their next request is 401", async () => {
      const target = await createStaff(t.deps, a.firmId, { role: "advisor" });
      const targetClient = await signedInClient(t, target.email, target.password);
      const second = await signedInClient(t, target.email, target.password);
      expect((await targetClient.get("/api/staff")).status).toBe(200);

      const res = await admin().client.post<StaffMember>(`/api/staff/${target.userId}/deactivate`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ active: false, deactivatedAt: t.clock.now().toISOString() });

      expect((await targetClient.get("/api/staff")).status).toBe(401);
      expect((await second.get("/api/me")).status).toBe(401);
      const { rows } = await t.deps.database.owner.query("select 1 from sessions where user_id = $1", [
        target.userId,
      ]);
      expect(rows).toHaveLength(0);
      expect(await auditActions(a.firmId, target.userId)).toEqual(["staff_member.deactivate"]);

      // Signing in again gives no staff access while deactivated.
      const again = await signedInClient(t, target.email, target.password);
      expect((await again.get("/api/staff")).status).toBe(403);

      t.clock.advance(1000);
      const back = await admin().client.post<StaffMember>(`/api/staff/${target.userId}/reactivate`);
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ active: true, deactivatedAt: null });
      expect((await again.get("/api/staff")).status).toBe(200);
      expect(await auditActions(a.firmId, target.userId)).toEqual([
        "staff_member.deactivate",
        "staff_member.reactivate",
      ]);
    });

    it("shows deactivated members in the list as inactive", async () => {
      const target = await createStaff(t.deps, a.firmId, { role: "assistant" });
      await admin().client.post(`/api/staff/${target.userId}/deactivate`);
      const list = await advisor().client.get<StaffList>("/api/staff");
      expect(list.body.members.find((m) => m.userId === target.userId)).toMatchObject({ active: false });
    });

    it("refuses to deactivate the last active admin (409)", async () => {
      const team = await firmWithTeam(t, ["admin"]);
      const soleAdmin = nth(team.members, 0);
      const res = await soleAdmin.client.post<ErrorBody>(`/api/staff/${soleAdmin.userId}/deactivate`);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain("last active administrator");
      expect((await soleAdmin.client.get("/api/staff")).status).toBe(200);
    });

    it("answers 403 to non-admins", async () => {
      expect((await advisor().client.post(`/api/staff/${assistant().userId}/deactivate`)).status).toBe(403);
      expect((await assistant().client.post(`/api/staff/${advisor().userId}/reactivate`)).status).toBe(403);
      expect((await assistant().client.get("/api/staff")).status).toBe(200);
    });

    it("names a malformed id", async () => {
      const res = await admin().client.post<ErrorBody>("/api/staff/123/deactivate");
      expect(res.status).toBe(400);
      expect(res.body.error.details?.fields?.[0]?.field).toBe("userId");
    });

    it("SEC-11 another firm's member answers 404 and keeps their session", async () => {
      const theirs = nth(b.members, 1);
      expect((await admin().client.post(`/api/staff/${theirs.userId}/deactivate`)).status).toBe(404);
      expect((await admin().client.post(`/api/staff/${theirs.userId}/reactivate`)).status).toBe(404);
      expect((await theirs.client.get("/api/staff")).status).toBe(200);
    });
  });
});
