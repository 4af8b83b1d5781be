import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantDetail, Grantee } from "../../../contracts/grants.js";
import type { Invitation, InvitationLink, InvitationPreview } from "../../../contracts/invitations.js";
import {
  createGrantsWorld,
  createPortalAccount,
  type GrantsWorld,
} from "../../../tests/support/factories-grants.js";
import {
  deliveredMail,
  invitationOutbox,
  latestInvitationToken,
  tokenOfUrl,
} from "../../../tests/support/factories-invitations.js";
import { auditOf } from "../../../tests/support/factories-records.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

const day = 86_400_000;

describe("inviting grantees (INV-1, INV-2, INV-5)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createGrantsWorld(t);
  });
  afterAll(() => t?.close());

  /** A fresh grant on Klara's file with one grantee; answers the ids. */
  async function grantWith(body: Record<string, unknown>) {
    const grant = await w.owner.client.post<GrantDetail>("/api/grants", {
      name: "Familie Muster",
      fileIds: [w.klaraFile],
    });
    expect(grant.status).toBe(201);
    const grantee = await w.owner.client.post<Grantee>(`/api/grants/${grant.body.id}/grantees`, body);
    expect(grantee.status, JSON.stringify(grantee.body)).toBe(201);
    return { grantId: grant.body.id, granteeId: grantee.body.id };
  }
  const path = (ids: { grantId: string; granteeId: string }, what: string) =>
    `/api/grants/${ids.grantId}/grantees/${ids.granteeId}/${what}`;

  it("invites by email in the person's language and salutation, on the firm's schedule; audited", async () => {
    const ids = await grantWith({ personId: w.people.klara.id });
    const res = await w.owner.client.post<Invitation>(path(ids, "invitation"), {
      personalMessage: "Liebe Klara, hier ist dein Zugang.",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const sentAt = t.clock.now().getTime();
    expect(res.body).toMatchObject({
      granteeId: ids.granteeId,
      email: "klara@example.test",
      language: "de",
      salutation: "informal",
      channel: "email",
      status: "pending",
      remindersSent: 0,
      nextReminderAt: new Date(sentAt + 2 * day).toISOString(),
      expiresAt: new Date(sentAt + 30 * day).toISOString(),
      personalMessage: "Liebe Klara, hier ist dein Zugang.",
      invitedByName: w.owner.name,
    });
    expect(res.body.lastMail).toMatchObject({ reminder: 0, status: "queued" });
    const [row] = await invitationOutbox(t, res.body.id);
    expect(row).toMatchObject({
      template: "client-invitation",
      to_address: "klara@example.test",
      language: "de",
    });
    // SEC-5: what rests in the database carries no readable link.
    expect(row?.text).not.toMatch(/token=[A-Za-z0-9_-]{43}/);
    const mail = await deliveredMail(t, row?.id ?? "");
    expect(mail.text).toContain("Liebe Klara, hier ist dein Zugang.");
    expect(mail.text).toMatch(/\/invite\/client#token=[A-Za-z0-9_-]{43}/);
    expect(mail.text).toMatch(/\b(du|dich|dir|dein)\b/);
    const audit = await auditOf(t.deps, w.firmId, res.body.id);
    expect(audit.map((a) => [a.action, a.clientFileId])).toEqual([["invitation.send", w.klaraFile]]);
    // INV-6: the invitation shows its mail's state and the receiving server's answer.
    const listed = async () =>
      (await w.owner.client.get<{ invitations: Invitation[] }>(`/api/grants/${ids.grantId}/invitations`)).body
        .invitations;
    expect((await listed()).map((i) => i.id)).toEqual([res.body.id]);
    await expect.poll(async () => (await listed())[0]?.lastMail?.status).toBe("sent");
    expect((await listed())[0]?.lastMail?.smtpResponse).toMatch(/^250/);
  });

  it("INV-6 sends in the firm's sender name from the installation's address, answers going to the firm", async () => {
    const policies = await w.admin.client.patch("/api/firm/policies", {
      senderName: "Kanzlei Sonnenschein",
      replyTo: "service@sonnenschein.test",
    });
    expect(policies.status, JSON.stringify(policies.body)).toBe(200);
    const ids = await grantWith({ email: "ruth@extern.test", name: "Ruth Extern" });
    const res = await w.owner.client.post<Invitation>(path(ids, "invitation"), {});
    const [row] = await invitationOutbox(t, res.body.id);
    const mail = await deliveredMail(t, row?.id ?? "");
    expect(mail.from).toContain("Kanzlei Sonnenschein");
    expect(mail.from).toContain("no-reply@atrium.localhost");
    expect(mail.raw).toMatch(/^Reply-To: service@sonnenschein\.test/m);
    await w.admin.client.patch("/api/firm/policies", { senderName: null, replyTo: null });
  });

  it("INV-6 the firm-wide list shows deferred and failed mails with the server's answer", async () => {
    const deferred = await grantWith({ email: "later@t-online.test", name: "Lea Später" });
    t.sink.failWith({ code: 451, message: "4.7.1 Greylisted, please try again later" });
    const first = await w.owner.client.post<Invitation>(path(deferred, "invitation"), {});
    type Listed = { invitations: Array<Invitation & { grantName: string; clientFileId: string | null }> };
    const list = async (query: string) =>
      (await w.owner.client.get<Listed>(`/api/invitations?${query}`)).body;
    await expect
      .poll(async () => (await list("delivery=deferred")).invitations.map((i) => i.id), { timeout: 20_000 })
      .toContain(first.body.id);
    const shown = (await list("delivery=deferred")).invitations.find((i) => i.id === first.body.id);
    expect(shown).toMatchObject({ grantName: "Familie Muster", clientFileId: w.klaraFile });
    expect(shown?.lastMail?.smtpResponse).toMatch(/451.*Greylisted/);
    t.sink.failWith({ code: 550, message: "5.1.1 Mailbox unavailable" });
    const failing = await grantWith({ email: "gone@extern.test", name: "Gina Weg" });
    const second = await w.owner.client.post<Invitation>(path(failing, "invitation"), {});
    await expect
      .poll(async () => (await list("delivery=failed")).invitations.map((i) => i.id), { timeout: 20_000 })
      .toContain(second.body.id);
    t.sink.failWith(null);
    // The deferred one arrives once the server accepts again.
    await expect
      .poll(async () => (await list("delivery=sent")).invitations.map((i) => i.id), { timeout: 30_000 })
      .toContain(first.body.id);
    expect((await list("status=pending")).invitations.length).toBeGreaterThan(1);
    // Another firm's admin sees none of them.
    const other = await w.adminB.client.get<Listed>("/api/invitations");
    expect(other.body.invitations).toEqual([]);
  });

  it("INV-5 previews the mail with the personal message and sends nothing", async () => {
    const ids = await grantWith({ personId: w.people.notary.id });
    const res = await w.owner.client.post<InvitationPreview>(path(ids, "invitation-preview"), {
      personalMessage: "Maître Notar, voici l'accès au dossier.",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ kind: "invitation", to: "nora@notare.test" });
    expect(res.body.subject.length).toBeGreaterThan(5);
    expect(res.body.text).toContain("voici l'accès au dossier");
    expect(res.body.text).toMatch(/\bvous\b/);
    expect(res.body.text).not.toContain("ATRIUMSECRET");
    const listed = await w.owner.client.get<{ invitations: Invitation[] }>(
      `/api/grants/${ids.grantId}/invitations`,
    );
    expect(listed.body.invitations).toEqual([]);
  });

  it("INV-1 gives an existing account access at once with a notice, never a registration link", async () => {
    const account = await createPortalAccount(t.deps, { email: "erik.berg@example.test", name: "Erik Berg" });
    const ids = await grantWith({ email: account.email, name: "Erik Berg" });
    const res = await w.owner.client.post<Invitation>(path(ids, "invitation"), {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ channel: "notice", status: "accepted", nextReminderAt: null });
    const grant = await w.owner.client.get<GrantDetail>(`/api/grants/${ids.grantId}`);
    expect(grant.body.grantees[0]).toMatchObject({ status: "active", hasAccount: true });
    const [row] = await invitationOutbox(t, res.body.id);
    expect(row?.template).toBe("access-granted");
    const mail = await deliveredMail(t, row?.id ?? "");
    expect(mail.text).not.toMatch(/token=/);
    expect(mail.text).toContain("/portal");
    // Invited again: already joined.
    const again = await w.owner.client.post<ErrorBody>(path(ids, "invitation"), {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already joined/);
  });

  it("refuses what cannot be invited, naming the field or the reason", async () => {
    const noEmail = await grantWith({ personId: w.people.mia.id });
    const res = await w.owner.client.post<ErrorBody>(path(noEmail, "invitation"), {});
    expect(res.status).toBe(400);
    expect(res.body.error.details?.fields).toEqual([
      { field: "email", message: expect.stringMatching(/no email address/) },
    ]);
    // A link needs no email.
    const link = await w.owner.client.post<InvitationLink>(path(noEmail, "invitation-link"), {});
    expect(link.status).toBe(201);
    // The team member may not manage access under the default policy; a stranger sees nothing.
    expect((await w.teamMember.client.post(path(noEmail, "invitation"), {})).status).toBe(403);
    expect((await w.stranger.client.post(path(noEmail, "invitation"), {})).status).toBe(404);
    expect((await w.adminB.client.post(path(noEmail, "invitation"), {})).status).toBe(404);
    const tooLong = await w.owner.client.post<ErrorBody>(path(noEmail, "invitation-link"), {
      personalMessage: "x".repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details?.fields?.[0]?.field).toBe("personalMessage");
  });

  it("INV-2 SEC-5 a new link voids the old one; a revoke voids every link", async () => {
    const ids = await grantWith({ email: "tom@extern.test", name: "Tom Extern" });
    const first = await w.owner.client.post<InvitationLink>(path(ids, "invitation-link"), {});
    expect(first.status).toBe(201);
    expect(first.body.invitation).toMatchObject({ channel: "link", status: "pending", nextReminderAt: null });
    const visitor = new TestClient(t.app);
    const peek = (token: string) => visitor.post("/api/client-invitations/peek", { token });
    expect((await peek(tokenOfUrl(first.body.url))).status).toBe(200);
    const second = await w.owner.client.post<InvitationLink>(path(ids, "invitation-link"), {});
    expect((await peek(tokenOfUrl(first.body.url))).status).toBe(404);
    expect((await peek(tokenOfUrl(second.body.url))).status).toBe(200);
    const listed = await w.owner.client.get<{ invitations: Invitation[] }>(
      `/api/grants/${ids.grantId}/invitations`,
    );
    expect(listed.body.invitations.map((i) => i.status)).toEqual(["pending", "replaced"]);
    expect(
      (await w.owner.client.post(`/api/grants/${ids.grantId}/grantees/${ids.granteeId}/revoke`)).status,
    ).toBe(200);
    expect((await peek(tokenOfUrl(second.body.url))).status).toBe(404);
    const after = await w.owner.client.get<{ invitations: Invitation[] }>(
      `/api/grants/${ids.grantId}/invitations`,
    );
    expect(after.body.invitations[0]?.status).toBe("withdrawn");
  });

  it("INV-4 stops reminders, resends with a new link, withdraws; each audited", async () => {
    const ids = await grantWith({ email: "paula@extern.test", name: "Paula Extern" });
    const sent = await w.owner.client.post<Invitation>(path(ids, "invitation"), {});
    const firstToken = await latestInvitationToken(t, sent.body);
    const stopped = await w.owner.client.post<Invitation>(`/api/invitations/${sent.body.id}/stop-reminders`);
    expect(stopped.body).toMatchObject({ status: "pending", nextReminderAt: null });
    expect(stopped.body.remindersStoppedAt).not.toBeNull();
    t.clock.advance(3 * day);
    const resent = await w.owner.client.post<Invitation>(`/api/invitations/${sent.body.id}/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({
      remindersStoppedAt: null,
      nextReminderAt: new Date(t.clock.now().getTime() + 2 * day).toISOString(),
      expiresAt: new Date(t.clock.now().getTime() + 30 * day).toISOString(),
    });
    const secondToken = await latestInvitationToken(t, sent.body);
    const visitor = new TestClient(t.app);
    expect((await visitor.post("/api/client-invitations/peek", { token: firstToken })).status).toBe(404);
    expect((await visitor.post("/api/client-invitations/peek", { token: secondToken })).status).toBe(200);
    const withdrawn = await w.owner.client.post<Invitation>(`/api/invitations/${sent.body.id}/withdraw`);
    expect(withdrawn.body.status).toBe("withdrawn");
    expect((await visitor.post("/api/client-invitations/peek", { token: secondToken })).status).toBe(404);
    const resendWithdrawn = await w.owner.client.post<ErrorBody>(`/api/invitations/${sent.body.id}/resend`);
    expect(resendWithdrawn.status).toBe(409);
    const audit = await auditOf(t.deps, w.firmId, sent.body.id);
    expect(audit.map((a) => a.action)).toEqual([
      "invitation.send",
      "invitation.stop_reminders",
      "invitation.resend",
      "invitation.withdraw",
    ]);
    expect((await w.adminB.client.post(`/api/invitations/${sent.body.id}/resend`)).status).toBe(404);
  });
});
