import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantDetail, Grantee } from "../../../contracts/grants.js";
import type { Invitation } from "../../../contracts/invitations.js";
import type { WebhookEndpointWithSecret } from "../../../contracts/webhooks.js";
import {
  type ConfirmationsWorld,
  seed004WorldWithConfirmations,
} from "../../../tests/support/confirmations-world.js";
import { signedInStaff } from "../../../tests/support/factories-clients.js";
import { createGrantsWorld, type GrantsWorld } from "../../../tests/support/factories-grants.js";
import { latestInvitationToken } from "../../../tests/support/factories-invitations.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import {
  eventually,
  startWebhookReceiver,
  type WebhookReceiver,
} from "../../../tests/support/webhook-receiver.js";
import { verifyWebhookSignature } from "./webhooks.http.js";

// API-1: the events of an invitation accepted and a document's receipt confirmed, from the real
// actions through the real app to a real receiver, signed with the endpoint's secret.

describe("webhook events from invitations and confirmations (API-1)", () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    t = await startTestApp();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.stop();
    await t?.close();
  });

  const register = async (client: TestClient, path: string, events: string[]) => {
    const res = await client.post<WebhookEndpointWithSecret>("/api/settings/webhooks", {
      url: receiver.url(path),
      events,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const parsed = (path: string) =>
    receiver.on(path).map((r) => ({ event: r.headers["atrium-event"], body: JSON.parse(r.body) }));

  it("API-1 a client accepting an invitation sends invitation.accepted and grantee.activated", async () => {
    const w: GrantsWorld = await createGrantsWorld(t);
    const endpoint = await register(w.admin.client, "/invitations", [
      "invitation.accepted",
      "grantee.activated",
    ]);
    const grant = await w.owner.client.post<GrantDetail>("/api/grants", {
      name: "Familie",
      fileIds: [w.klaraFile],
    });
    const grantee = await w.owner.client.post<Grantee>(`/api/grants/${grant.body.id}/grantees`, {
      email: "gina@extern.test",
      name: "Gina Gast",
    });
    const invitation = await w.owner.client.post<Invitation>(
      `/api/grants/${grant.body.id}/grantees/${grantee.body.id}/invitation`,
      { language: "en" },
    );
    expect(receiver.on("/invitations")).toHaveLength(0);
    const token = await latestInvitationToken(t, invitation.body);
    const accepted = await new TestClient(t.app).post("/api/client-invitations/accept", {
      token,
      name: "Gina Gast",
      password: "seven lanterns over the harbour",
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    await eventually(async () => receiver.on("/invitations").length >= 2);
    const got = parsed("/invitations");
    expect(got.map((g) => g.event).sort()).toEqual(["grantee.activated", "invitation.accepted"]);
    for (const g of got)
      expect(g.body.data).toMatchObject({
        invitationId: invitation.body.id,
        granteeId: grantee.body.id,
        grantId: grant.body.id,
      });
    for (const r of receiver.on("/invitations")) {
      const header = String(r.headers["atrium-signature"]);
      const seconds = Number(/t=(\d+)/.exec(header)?.[1]);
      expect(verifyWebhookSignature(endpoint.secret, header, r.body, seconds)).toBe(true);
      expect(r.body).not.toContain("seven lanterns");
    }
  });

  it("API-1 a client confirming receipt of a document sends document.confirmed", async () => {
    const w: ConfirmationsWorld = await seed004WorldWithConfirmations(t);
    const admin = await signedInStaff(t, w.firmId, "admin");
    await register(admin.client, "/confirmations", ["document.confirmed"]);
    const id = w.confirmation.klara;
    const res = await w.klara.client.post(w.url(w.klaraFile, `confirmations/${id}/confirm`), {
      confirmed: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await eventually(async () => receiver.on("/confirmations").length >= 1);
    const [got] = parsed("/confirmations");
    expect(got).toMatchObject({
      event: "document.confirmed",
      body: {
        type: "document.confirmed",
        firmId: w.firmId,
        data: { clientFileId: w.klaraFile, documentId: w.document.shared.id, confirmationId: id },
      },
    });
  });
});
