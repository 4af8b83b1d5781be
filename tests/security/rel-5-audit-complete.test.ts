import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfirmationRequest } from "../../contracts/confirmations.js";
import type { GrantDetail, Grantee } from "../../contracts/grants.js";
import type { Invitation } from "../../contracts/invitations.js";
import type { StaffInvitation } from "../../contracts/staff.js";
import { clientFileTeam } from "../../server/modules/clients/clients.tables.js";
import { inFirm } from "../../server/platform/db/scope.js";
import { totpCode, totpStep } from "../../server/platform/totp.js";
import { seed004WorldWithConfirmations } from "../support/confirmations-world.js";
import { createFirm, createStaff } from "../support/factories.js";
import { signedInStaff } from "../support/factories-clients.js";
import { latestInvitationToken as clientInvitationToken } from "../support/factories-invitations.js";
import { latestInvitationToken as staffInvitationToken } from "../support/factories-staff.js";
import { TestClient } from "../support/http.js";
import {
  auditProbe,
  challengeOf,
  lastSmsCode,
  sessionSecrets,
  turnOnSms,
  turnOnTotp,
  wrongCode,
} from "../support/rel-5-audit.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// REL-5: every sign-in, denial, access change, invitation, preview, download and confirmation leaves
// exactly one audit row in the firm it happened in, and no secret used on the way shows up in the
// audit trail or in the server's log. One world (seed 004 with confirmations), the log captured.
//
// What counts as a denial: a `forbidden` answer (403) to a signed-in account, recorded as
// `access.denied` in the firm the request acted in. A `not_found` answer is none: a document the
// grant does not show answers exactly like one that does not exist, and a row only for existing ones
// would tell the account (its own access log shows its rows) that the document exists.
// A document opened inline (`inline=1`, the viewer) delivers the bytes as a download does: it counts
// as one download row.

type World = Awaited<ReturnType<typeof seed004WorldWithConfirmations>>;
const newPassword = "seven lanterns over the quiet harbour";

describe("REL-5 audit completeness", () => {
  let t: TestApp;
  let w: World;
  let admin: Awaited<ReturnType<typeof signedInStaff>>;
  let otherAdmin: Awaited<ReturnType<typeof signedInStaff>>;
  let otherFirmId: string;
  let probe: ReturnType<typeof auditProbe>;
  const lines: string[] = [];
  /** Every secret typed, mailed, texted or handed out in this file: none may reach audit or log. */
  const secrets = new Set<string>();
  const keep = (...values: string[]) => {
    for (const value of values) if (value.length >= 6) secrets.add(value);
  };
  const keepSession = (client: TestClient) => keep(...sessionSecrets(client));

  beforeAll(async () => {
    t = await startTestApp({ logLines: lines });
    probe = auditProbe(t);
    w = await seed004WorldWithConfirmations(t);
    admin = await signedInStaff(t, w.firmId, "admin", "Ada Admin");
    otherFirmId = (await createFirm(t.deps, { name: "Elsewhere" })).firmId;
    otherAdmin = await signedInStaff(t, otherFirmId, "admin");
    for (const who of [w.owner, w.assistant, w.klara, w.max, w.bernd, admin, otherAdmin]) {
      keep(who.password);
      keepSession(who.client);
    }
  });
  afterAll(() => t?.close());

  const signIn = (email: string, password: string, client = new TestClient(t.app)) =>
    client
      .post<Record<string, unknown>>("/api/session", { email, password })
      .then((res) => ({ client, res }));

  it("REL-5 a staff and a portal sign-in, and each wrong password, leave exactly one row", async () => {
    const one = probe.exactlyOne;
    const staff = await one("account.sign_in", { firmId: w.firmId, entityId: admin.userId }, () =>
      signIn(admin.email, admin.password),
    );
    expect(staff.result.res.status).toBe(200);
    expect(staff.row).toMatchObject({ actor_kind: "staff", after: { method: "password" } });
    keepSession(staff.result.client);

    const wrongStaff = `${admin.password} but wrong`;
    keep(wrongStaff);
    const failed = await one("account.sign_in_failed", { firmId: w.firmId, entityId: admin.userId }, () =>
      signIn(admin.email, wrongStaff),
    );
    expect(failed.result.res.status).toBe(401);

    const portal = await one("account.sign_in", { firmId: w.firmId, entityId: w.klara.userId }, () =>
      signIn(w.klara.email, w.klara.password),
    );
    expect(portal.row.actor_kind).toBe("client");
    keepSession(portal.result.client);
    const wrongPortal = "klara forgot her words";
    keep(wrongPortal);
    await one("account.sign_in_failed", { firmId: w.firmId, entityId: w.klara.userId }, () =>
      signIn(w.klara.email, wrongPortal),
    );
  });

  it("REL-5 a wrong authenticator or SMS code leaves one failed-sign-in row; the right one one sign-in", async () => {
    const totp = await turnOnTotp(t, w.assistant.client, w.assistant.password);
    keep(totp.secret, totp.code);
    const step = await signIn(w.assistant.email, w.assistant.password);
    expect(step.res.body).toMatchObject({ secondFactor: { method: "totp" } });
    const challenge = challengeOf(step.res.cookies);
    keep(challenge.split("=")[1] ?? "");
    t.clock.advance(30_000);
    const right = totpCode(totp.secret, totpStep(t.clock.now()));
    keep(right);
    const wrong = await probe.exactlyOne(
      "account.second_factor_failed",
      { firmId: w.firmId, entityId: w.assistant.userId },
      () => step.client.post("/api/session/second-factor", { code: wrongCode(right) }, { cookie: challenge }),
    );
    expect(wrong.result.status).toBe(400);
    expect(wrong.row.after).toEqual({ method: "totp" });
    expect(wrong.all.filter((r) => r.action === "account.sign_in")).toEqual([]);
    const done = await probe.exactlyOne(
      "account.sign_in",
      { firmId: w.firmId, entityId: w.assistant.userId },
      () => step.client.post("/api/session/second-factor", { code: right }, { cookie: challenge }),
    );
    expect(done.result.status).toBe(200);
    expect(done.row.after).toEqual({ method: "totp" });
    keepSession(step.client);

    const sms = await turnOnSms(t, w.bernd, "+4915100000077");
    keepSession(sms.client);
    const smsStep = await signIn(sms.email, w.bernd.password);
    const smsChallenge = challengeOf(smsStep.res.cookies);
    const code = lastSmsCode(t, "+4915100000077");
    keep(code, smsChallenge.split("=")[1] ?? "");
    const smsWrong = await probe.exactlyOne(
      "account.second_factor_failed",
      { firmId: w.firmId, entityId: w.bernd.userId },
      () =>
        smsStep.client.post(
          "/api/session/second-factor",
          { code: wrongCode(code) },
          { cookie: smsChallenge },
        ),
    );
    expect(smsWrong.row.after).toEqual({ method: "sms" });
    const smsDone = await probe.exactlyOne(
      "account.sign_in",
      { firmId: w.firmId, entityId: w.bernd.userId },
      () => smsStep.client.post("/api/session/second-factor", { code }, { cookie: smsChallenge }),
    );
    expect(smsDone.result.status).toBe(200);
    keepSession(smsStep.client);
  });

  it("REL-5 a forbidden action leaves one access.denied row naming actor, route and subject, in the actor's firm", async () => {
    // A staff member who is no admin invites a colleague (admins only).
    const staff = await probe.exactlyOne(
      "access.denied",
      { firmId: w.firmId, actorUserId: w.owner.userId },
      () =>
        w.owner.client.post("/api/staff/invitations", {
          email: "not-allowed@example.test",
          name: "Nina Nope",
          role: "admin",
          language: "en",
        }),
    );
    expect(staff.result.status).toBe(403);
    expect(staff.row).toMatchObject({ actor_kind: "staff", entity_type: "access", entity_id: null });
    expect(staff.row.after).toMatchObject({ method: "POST", route: "/api/staff/invitations" });
    expect(staff.all).toHaveLength(1);

    // An assistant on the file's team, neither its case owner nor an admin, locks a grantee.
    for (const clientFileId of [w.klaraFile, w.companyFile])
      await inFirm(t.deps.database, w.firmId, (tx) =>
        tx.db.insert(clientFileTeam).values({ firmId: w.firmId, clientFileId, userId: w.assistant.userId }),
      );
    const lockUrl = `/api/grants/${w.grant.id}/grantees/${w.grantee.bernd}/lock`;
    const lock = await probe.exactlyOne(
      "access.denied",
      { firmId: w.firmId, actorUserId: w.assistant.userId },
      () => w.assistant.client.post(lockUrl),
    );
    expect(lock.result.status).toBe(403);
    expect(lock.row.after).toMatchObject({
      route: "/api/grants/:id/grantees/:granteeId/lock",
      subjectId: w.grantee.bernd,
    });
    expect(lock.all).toHaveLength(1);

    // A `read` grantee changes an asset in the portal.
    const asset = w.url(w.klaraFile, `assets/${w.ids.asset}`);
    const write = await probe.exactlyOne(
      "access.denied",
      { firmId: w.firmId, actorUserId: w.max.userId },
      () => w.max.client.patch(asset, { value: "1" }),
    );
    expect(write.result.status).toBe(403);
    expect(write.row).toMatchObject({ actor_kind: "client", client_file_id: w.klaraFile });
    expect(write.row.after).toMatchObject({
      method: "PATCH",
      reason: "access.read_only",
      subjectId: w.ids.asset,
    });
    expect(write.all).toHaveLength(1);
  });

  it("REL-5 a document the grant does not show, and another firm's ids, answer 404 and write nothing anywhere", async () => {
    const hidden = w.url(w.klaraFile, `documents/${w.document.unshared.id}/download`);
    const rows = await probe.rowsOf(async () => {
      expect((await w.klara.client.get(hidden)).status).toBe(404);
      expect((await otherAdmin.client.get(`/api/grants/${w.grant.id}`)).status).toBe(404);
      expect((await otherAdmin.client.patch(`/api/staff/${w.owner.userId}`, { role: "admin" })).status).toBe(
        404,
      );
      expect(
        (await otherAdmin.client.post(`/api/grants/${w.grant.id}/grantees/${w.grantee.max}/lock`)).status,
      ).toBe(404);
      // Bernd is no grantee of the other firm: its portal is closed to him, and its log stays untouched.
      const elsewhere = `/api/portal/firms/${otherFirmId}/files/${w.klaraFile}/assets/${w.ids.asset}`;
      const far = await w.bernd.client.patch(elsewhere, { value: "1" });
      expect([403, 404], JSON.stringify(far.body)).toContain(far.status);
    });
    expect(rows).toEqual([]);
  });

  it("REL-5 access changes: grant create, change, delete; grantee add, change, lock, unlock, revoke; role change, deactivation", async () => {
    const one = probe.exactlyOne;
    const owner = w.owner.client;
    const created = await one("grant.create", { firmId: w.firmId }, () =>
      owner.post<GrantDetail>("/api/grants", { name: "Erna", fileIds: [w.klaraFile] }),
    );
    expect(created.result.status).toBe(201);
    const grantId = created.result.body.id;
    await one("grant.update", { firmId: w.firmId, entityId: grantId }, () =>
      owner.patch(`/api/grants/${grantId}`, { name: "Erna Muster" }),
    );
    const added = await one("grantee.create", { firmId: w.firmId }, () =>
      owner.post<Grantee>(`/api/grants/${grantId}/grantees`, { personId: w.person.oma }),
    );
    expect(added.result.status, JSON.stringify(added.result.body)).toBe(201);
    const grantee = `/api/grants/${grantId}/grantees/${added.result.body.id}`;
    const about = { firmId: w.firmId, entityId: added.result.body.id };
    await one("grantee.update", about, () => owner.patch(grantee, { access: "read_write" }));
    for (const action of ["lock", "unlock", "revoke"])
      expect(
        (await one(`grantee.${action}`, about, () => owner.post(`${grantee}/${action}`))).result.status,
      ).toBe(200);
    const deleted = await one("grant.delete", { firmId: w.firmId, entityId: grantId }, () =>
      owner.delete(`/api/grants/${grantId}`),
    );
    expect(deleted.result.status).toBeLessThan(300);

    const colleague = await createStaff(t.deps, w.firmId, { role: "assistant", name: "Carl Colleague" });
    keep(colleague.password);
    const member = { firmId: w.firmId, entityId: colleague.userId, actorUserId: admin.userId };
    const role = await one("staff_member.role_change", member, () =>
      admin.client.patch(`/api/staff/${colleague.userId}`, { role: "advisor" }),
    );
    expect(role.result.status).toBe(200);
    const off = await one("staff_member.deactivate", member, () =>
      admin.client.post(`/api/staff/${colleague.userId}/deactivate`),
    );
    expect(off.result.status).toBe(200);
  });

  it("REL-5 invitations: portal send, resend, accept (and its sign-in), withdraw; staff send, resend, accept, revoke", async () => {
    const one = probe.exactlyOne;
    const owner = w.owner.client;
    const invite = async (email: string) => {
      const grantee = await owner.post<Grantee>(`/api/grants/${w.grant.id}/grantees`, {
        email,
        name: "Gina Gast",
      });
      expect(grantee.status, JSON.stringify(grantee.body)).toBe(201);
      const sent = await one("invitation.send", { firmId: w.firmId }, () =>
        owner.post<Invitation>(`/api/grants/${w.grant.id}/grantees/${grantee.body.id}/invitation`, {
          language: "en",
        }),
      );
      expect(sent.result.status, JSON.stringify(sent.result.body)).toBe(201);
      keep(await clientInvitationToken(t, sent.result.body));
      return sent.result.body;
    };
    const gina = await invite("gina@extern.test");
    const about = { firmId: w.firmId, entityId: gina.id };
    await one("invitation.resend", about, () => owner.post(`/api/invitations/${gina.id}/resend`));
    const token = await clientInvitationToken(t, gina);
    keep(token, newPassword);
    const visitor = new TestClient(t.app);
    const accepted = await one("invitation.accept", about, () =>
      visitor.post("/api/client-invitations/accept", { token, name: "Gina Gast", password: newPassword }),
    );
    expect(accepted.result.status, JSON.stringify(accepted.result.body)).toBe(201);
    // Registering signs the new account in: that is one sign-in, in the firm that invited it.
    const signIns = accepted.all.filter((r) => r.action === "account.sign_in");
    expect(signIns.map((r) => [r.firm_id, r.entity_id])).toEqual([[w.firmId, accepted.row.actor_user_id]]);
    keepSession(visitor);
    const hugo = await invite("hugo@extern.test");
    await one("invitation.withdraw", { firmId: w.firmId, entityId: hugo.id }, () =>
      owner.post(`/api/invitations/${hugo.id}/withdraw`),
    );

    const staffInvite = (email: string) =>
      one("staff_invitation.create", { firmId: w.firmId, actorUserId: admin.userId }, () =>
        admin.client.post<StaffInvitation>("/api/staff/invitations", {
          email,
          name: "Nora Neu",
          role: "assistant",
          language: "en",
        }),
      );
    const nora = (await staffInvite("nora@example.test")).result.body;
    const staffAbout = { firmId: w.firmId, entityId: nora.id };
    keep(await staffInvitationToken(t, nora.email));
    await one("staff_invitation.resend", staffAbout, () =>
      admin.client.post(`/api/staff/invitations/${nora.id}/resend`),
    );
    const staffToken = await staffInvitationToken(t, nora.email);
    keep(staffToken);
    const joiner = new TestClient(t.app);
    const joined = await one("staff_invitation.accept", staffAbout, () =>
      joiner.post("/api/staff-invitations/accept", { token: staffToken, password: newPassword }),
    );
    expect(joined.result.status, JSON.stringify(joined.result.body)).toBe(201);
    expect(joined.all.filter((r) => r.action === "account.sign_in")).toHaveLength(1);
    expect(joined.all.filter((r) => r.action === "staff_member.join")).toHaveLength(1);
    keepSession(joiner);
    const otto = (await staffInvite("otto@example.test")).result.body;
    keep(await staffInvitationToken(t, otto.email));
    await one("staff_invitation.revoke", { firmId: w.firmId, entityId: otto.id }, () =>
      admin.client.delete(`/api/staff/invitations/${otto.id}`),
    );
  });

  it("REL-5 a portal preview, each download (also viewed inline), a confirmation request and a confirmation leave one row each", async () => {
    const one = probe.exactlyOne;
    const preview = await one("grantee.preview", { firmId: w.firmId, entityId: w.grantee.klara }, () =>
      w.owner.client.post(`/api/grantees/${w.grantee.klara}/preview`),
    );
    expect(preview.result.status).toBe(200);
    const doc = w.document.shared.id;
    const staffUrl = `/api/client-files/${w.klaraFile}/documents/${doc}/download`;
    const portalUrl = w.url(w.klaraFile, `documents/${doc}/download`);
    for (const query of ["", "?inline=1"]) {
      const staff = await one("document.download", { firmId: w.firmId, entityId: doc }, () =>
        w.owner.client.get(`${staffUrl}${query}`),
      );
      expect(staff.result.status).toBe(200);
      const portal = await one("document.portal_download", { firmId: w.firmId, entityId: doc }, () =>
        w.klara.client.get(`${portalUrl}${query}`),
      );
      expect(portal.result.status).toBe(200);
    }

    const asked = await one("confirmation.request", { firmId: w.firmId }, () =>
      w.owner.client.post<{ items: ConfirmationRequest[] }>(
        `/api/client-files/${w.klaraFile}/documents/${w.document.unshared.id}/confirmations`,
        { granteeIds: [w.grantee.klara] },
      ),
    );
    expect(asked.result.status, JSON.stringify(asked.result.body)).toBe(201);
    const confirmed = await one(
      "confirmation.confirm",
      { firmId: w.firmId, entityId: w.confirmation.klara, actorUserId: w.klara.userId },
      () =>
        w.klara.client.post(w.url(w.klaraFile, `confirmations/${w.confirmation.klara}/confirm`), {
          confirmed: true,
        }),
    );
    expect(confirmed.result.status, JSON.stringify(confirmed.result.body)).toBe(200);
  });

  it("REL-5 no password, token, code or session appears in any audit row or log line", async () => {
    // A bearer token sent by a client that guesses at an API: the log must not keep it either.
    const bearer = "atr_live_0123456789abcdefghijklmnopqrstuv";
    keep(bearer);
    await t.app.inject({ method: "GET", url: "/api/me", headers: { authorization: `Bearer ${bearer}` } });
    expect(secrets.size).toBeGreaterThan(20);
    const audit = await t.deps.database.owner.query<{ row: string }>(
      "select row_to_json(a)::text as row from audit_events a",
    );
    expect(audit.rows.length).toBeGreaterThan(30);
    expect(lines.length).toBeGreaterThan(100);
    const log = lines.join("\n");
    const leaks = [...secrets].flatMap((secret) => [
      ...audit.rows.filter((r) => r.row.includes(secret)).map(() => `audit: ${secret.slice(0, 4)}…`),
      ...(log.includes(secret) ? [`log: ${secret.slice(0, 4)}…`] : []),
    ]);
    expect(leaks).toEqual([]);
  });
});
