import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantDetail, Grantee } from "../../../contracts/grants.js";
import type {
  AcceptedClientInvitation,
  ClientInvitationPreview,
  Invitation,
} from "../../../contracts/invitations.js";
import type { PortalMe } from "../../../contracts/portal.js";
import {
  createGrantsWorld,
  createPortalAccount,
  type GrantsWorld,
  insertPerson,
  signedInPortalAccount,
} from "../../../tests/support/factories-grants.js";
import { latestInvitationToken } from "../../../tests/support/factories-invitations.js";
import { auditOf } from "../../../tests/support/factories-records.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

const goodPassword = "seven lanterns over the harbour";
let counter = 0;

describe("registering from an invitation (PORTAL-1, SEC-5, SEC-6, SEC-7)", () => {
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

  /** Invites a new outside person by email; answers the invitation, its grantee and the mailed token. */
  async function invite(email = `guest-${++counter}@extern.test`) {
    const grantee = await w.owner.client.post<Grantee>(`/api/grants/${grantId}/grantees`, {
      email,
      name: "Gina Gast",
    });
    expect(grantee.status, JSON.stringify(grantee.body)).toBe(201);
    const res = await w.owner.client.post<Invitation>(
      `/api/grants/${grantId}/grantees/${grantee.body.id}/invitation`,
      { language: "en" },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return {
      invitation: res.body,
      granteeId: grantee.body.id,
      email,
      token: await latestInvitationToken(t, res.body),
    };
  }
  const peek = (token: string, client = new TestClient(t.app)) =>
    client.post<ClientInvitationPreview & ErrorBody>("/api/client-invitations/peek", { token });
  const accept = (body: Record<string, unknown>, client = new TestClient(t.app)) =>
    client.post<AcceptedClientInvitation & ErrorBody>("/api/client-invitations/accept", body);

  it("SEC-6 opening the link shows firm, name, email and expiry, again and again, and consumes nothing", async () => {
    const { invitation, email, token } = await invite();
    for (let i = 0; i < 3; i++) {
      const res = await peek(token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: "Gina Gast",
        email,
        language: "en",
        expiresAt: invitation.expiresAt,
        existingAccount: false,
        // The test firms ask for no second factor (tests/support/factories.ts createFirm).
        secondFactorPolicy: "none",
      });
      expect(res.body.firm.name).toBeTruthy();
    }
    expect((await accept({ token, password: goodPassword })).status).toBe(201);
  });

  it("registers, signs in, reaches the shared file, and the grantee is active; audited", async () => {
    const { invitation, granteeId, email, token } = await invite();
    const client = new TestClient(t.app);
    const res = await accept({ token, name: "Gina Gast-Wirt", password: goodPassword }, client);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.newAccount).toBe(true);
    const me = await client.get<PortalMe>("/api/portal/me");
    expect(me.status).toBe(200);
    expect(me.body.viewer.name).toBe("Gina Gast-Wirt");
    expect(me.body.firms.flatMap((f) => f.files.map((file) => file.id))).toContain(w.klaraFile);
    const grant = await w.owner.client.get<GrantDetail>(`/api/grants/${grantId}`);
    expect(grant.body.grantees.find((g) => g.id === granteeId)).toMatchObject({
      status: "active",
      hasAccount: true,
    });
    const listed = await w.owner.client.get<{ invitations: Invitation[] }>(
      `/api/grants/${grantId}/invitations`,
    );
    expect(listed.body.invitations.find((i) => i.id === invitation.id)).toMatchObject({
      status: "accepted",
      nextReminderAt: null,
    });
    const audit = await auditOf(t.deps, w.firmId, invitation.id);
    expect(audit.map((a) => [a.action, a.actorKind])).toEqual([
      ["invitation.send", "staff"],
      ["invitation.accept", "client"],
    ]);
    // Used: the link is gone, and signing in works with the chosen password.
    expect((await peek(token)).status).toBe(404);
    const again = new TestClient(t.app);
    expect((await again.post("/api/session", { email, password: goodPassword })).status).toBe(200);
  });

  it("SEC-5 twenty parallel uses of one link: exactly one registers", async () => {
    const { token } = await invite();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => accept({ token, password: goodPassword })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    // The others: link used (404), a conflict, or past the per-link limit (429, SEC-17).
    expect(statuses.filter((s) => s !== 201 && s !== 404 && s !== 409 && s !== 429)).toEqual([]);
  });

  it("SEC-5 expiry is exact to the second on the clock", async () => {
    const { invitation, token } = await invite();
    t.clock.set(new Date(new Date(invitation.expiresAt).getTime() - 1000));
    expect((await peek(token)).status).toBe(200);
    t.clock.set(invitation.expiresAt);
    const gone = await peek(token);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/no longer works/);
    expect((await accept({ token, password: goodPassword })).status).toBe(404);
    t.clock.set(new Date(invitation.createdAt));
  });

  it("SEC-7 another signed-in account cannot take the invitation; it stays pending", async () => {
    const { token } = await invite();
    const other = await signedInPortalAccount(t);
    const res = await accept({ token, password: goodPassword }, other.client);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/different account/);
    expect((await peek(token)).status).toBe(200);
  });

  it("an email that got an account meanwhile registers with that account's password", async () => {
    const { token, email } = await invite();
    const account = await createPortalAccount(t.deps, { email, password: "an older harbour password" });
    expect((await peek(token)).body.existingAccount).toBe(true);
    const wrong = await accept({ token, password: goodPassword });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details?.fields?.[0]?.field).toBe("password");
    const right = await accept({ token, password: account.password });
    expect(right.status).toBe(201);
    expect(right.body).toMatchObject({ userId: account.userId, newAccount: false });
  });

  it("SEC-2 a weak password is refused naming the field, and the link still works", async () => {
    const { token } = await invite();
    for (const password of ["short", "password123"]) {
      const res = await accept({ token, password });
      expect(res.status).toBe(400);
      expect(res.body.error.details?.fields?.map((f) => f.field)).toEqual(["password"]);
    }
    expect((await peek(token)).status).toBe(200);
  });

  it("SEC-3 unknown, malformed, used, withdrawn and expired links all get one identical answer", async () => {
    const used = await invite();
    expect((await accept({ token: used.token, password: goodPassword })).status).toBe(201);
    const withdrawn = await invite();
    await w.owner.client.post(`/api/invitations/${withdrawn.invitation.id}/withdraw`);
    const expiring = await invite();
    const answers = [];
    for (const token of ["A".repeat(43), "nonsense", used.token, withdrawn.token])
      answers.push(await peek(token));
    t.clock.set(expiring.invitation.expiresAt);
    answers.push(await peek(expiring.token));
    answers.push(await accept({ token: expiring.token, password: goodPassword }));
    t.clock.set(new Date(expiring.invitation.createdAt));
    expect(new Set(answers.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).size).toBe(1);
    expect(answers[0]?.status).toBe(404);
  });

  it("SEC-17 one link takes 10 attempts an hour, whatever X-Forwarded-For says; then it works again", async () => {
    const { token } = await invite();
    const attempt = (i: number) =>
      t.app.inject({
        method: "POST",
        url: "/api/client-invitations/accept",
        headers: { "x-forwarded-for": `203.0.113.${i}`, "x-atrium-csrf": "1", "accept-language": "en" },
        payload: { token, password: "short" },
      });
    for (let i = 0; i < 10; i++) expect((await attempt(i)).statusCode).toBe(400);
    const limited = await attempt(99);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/Too many attempts/);
    t.clock.advance(3_600_000);
    expect((await accept({ token, password: goodPassword })).status).toBe(201);
    t.clock.advance(-3_600_000);
  });

  it("SEC-5 changing the person's address voids the links sent to the old one", async () => {
    const person = await insertPerson(t.deps, w.firmId, w.klaraFile, {
      firstName: "Lena",
      lastName: "Muster",
      role: "child",
      email: "lena.alt@example.test",
    });
    const grantee = await w.owner.client.post<Grantee>(`/api/grants/${grantId}/grantees`, {
      personId: person.id,
    });
    const sent = await w.owner.client.post<Invitation>(
      `/api/grants/${grantId}/grantees/${grantee.body.id}/invitation`,
      {},
    );
    const token = await latestInvitationToken(t, sent.body);
    expect((await peek(token)).status).toBe(200);
    const changed = await w.owner.client.patch(`/api/client-files/${w.klaraFile}/persons/${person.id}`, {
      email: "lena.neu@example.test",
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await peek(token)).status).toBe(404);
    const grant = await w.owner.client.get<GrantDetail>(`/api/grants/${grantId}`);
    expect(grant.body.grantees.find((g) => g.id === grantee.body.id)?.email).toBe("lena.neu@example.test");
    const listed = await w.owner.client.get<{ invitations: Invitation[] }>(
      `/api/grants/${grantId}/invitations`,
    );
    expect(listed.body.invitations.find((i) => i.id === sent.body.id)?.status).toBe("withdrawn");
  });

  it("a revoked grantee's link no longer works", async () => {
    const { token, granteeId } = await invite();
    await w.owner.client.post(`/api/grants/${grantId}/grantees/${granteeId}/revoke`);
    expect((await peek(token)).status).toBe(404);
    expect((await accept({ token, password: goodPassword })).status).toBe(404);
  });
});
