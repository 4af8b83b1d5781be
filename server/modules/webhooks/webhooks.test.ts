import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
} from "../../../contracts/webhooks.js";
import { type ErrorBody, fieldsOf } from "../../../tests/support/documents-world.js";
import { createFirm } from "../../../tests/support/factories.js";
import { signedInStaff } from "../../../tests/support/factories-clients.js";
import { multipartBody, tinyPng } from "../../../tests/support/factories-documents.js";
import { type Seed004World, seed004World } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import {
  eventually,
  startWebhookReceiver,
  type WebhookReceiver,
} from "../../../tests/support/webhook-receiver.js";
import { postWebhook, verifyWebhookSignature } from "./webhooks.http.js";
import { deliverWebhookAttempt, WEBHOOK_MAX_ATTEMPTS, webhookJobDeps } from "./webhooks.jobs.js";

// API-1's webhooks through the real app: events from a client's real actions reach a real receiver
// on 127.0.0.1 signed; failures are retried (later attempts run the job handler directly instead of
// waiting the real backoff), end as failed, can be resent; pauses, other firms and non-admins get nothing.

type Admin = Awaited<ReturnType<typeof signedInStaff>>;

async function sql<T extends object>(t: TestApp, text: string, values: unknown[] = []): Promise<T[]> {
  return (await t.deps.database.owner.query<T>(text, values)).rows;
}

describe("webhooks (API-1)", () => {
  let t: TestApp;
  let w: Seed004World;
  let admin: Admin;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004World(t, { features: ["messages", "claim_reporting", "client_uploads"] });
    admin = await signedInStaff(t, w.firmId, "admin", "Ada Admin");
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.stop();
    await t?.close();
  });

  const register = (path: string, events: string[], extra: Record<string, unknown> = {}, who = admin) =>
    who.client.post<WebhookEndpointWithSecret & ErrorBody>("/api/settings/webhooks", {
      url: receiver.url(path),
      description: `receiver ${path}`,
      events,
      ...extra,
    });
  const deliveries = async (endpointId: string, who = admin) =>
    (await who.client.get<WebhookDeliveryList>(`/api/settings/webhooks/${endpointId}/deliveries`)).body
      .deliveries;
  const openMessageCase = (subject: string) =>
    w.klara.client.post<{ id: string }>(w.url(w.klaraFile, "cases"), {
      kind: "message",
      subject,
      message: "Hello",
    });
  const settled = (endpointId: string, count = 1) =>
    eventually(async () => {
      const list = await deliveries(endpointId);
      const done = list.filter((d) => d.status !== "pending");
      return done.length >= count ? list : null;
    });

  it("API-1 an admin registers an endpoint: the secret is answered once, stored sealed, never audited", async () => {
    const res = await register("/secret-check", ["case.created"]);
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(res.body.secretHint).toBe(res.body.secret.slice(0, 10));
    const list = await admin.client.get<WebhookEndpointList>("/api/settings/webhooks");
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    const rotated = await admin.client.post<WebhookEndpointWithSecret>(
      `/api/settings/webhooks/${res.body.id}/rotate-secret`,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(res.body.secret);
    const dump = JSON.stringify(
      await sql(t, "select w.*, (select json_agg(a) from audit_events a) as audit from webhook_endpoints w"),
    );
    for (const secret of [res.body.secret, rotated.body.secret]) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(secret.slice(6));
    }
    const audit = await sql<{ action: string }>(
      t,
      "select action from audit_events where entity_id = $1 order by at, id",
      [res.body.id],
    );
    // The fake clock stands still: both rows share an instant, so only the set is compared.
    expect(audit.map((a) => a.action).sort()).toEqual(["webhook.create", "webhook.rotate_secret"]);
    expect((await admin.client.delete(`/api/settings/webhooks/${res.body.id}`)).status).toBe(204);
  });

  it("API-1 a client's claim report arrives signed as case.created and claim.reported; the signature verifies", async () => {
    const endpoint = (await register("/claims", ["case.created", "claim.reported"])).body;
    const res = await w.klara.client.post<{ id: string }>(w.url(w.klaraFile, "cases"), {
      kind: "claim_report",
      details: { dateOfLoss: "2026-01-10", whatHappened: "Pipe burst", contractId: w.contract.klaraHrv },
    });
    expect(res.status).toBe(201);
    await eventually(async () => receiver.on("/claims").length >= 2);
    const got = receiver.on("/claims");
    expect(got.map((r) => r.headers["atrium-event"]).sort()).toEqual(["case.created", "claim.reported"]);
    for (const r of got) {
      const signature = String(r.headers["atrium-signature"]);
      const t0 = Number(/t=(\d+)/.exec(signature)?.[1]);
      expect(verifyWebhookSignature(endpoint.secret, signature, r.body, t0)).toBe(true);
      expect(verifyWebhookSignature(endpoint.secret, signature, `${r.body} `, t0)).toBe(false);
      expect(verifyWebhookSignature(endpoint.secret, signature, r.body, t0 + 301)).toBe(false);
      expect(verifyWebhookSignature("whsec_wrong", signature, r.body, t0)).toBe(false);
      const body = JSON.parse(r.body);
      expect(body).toMatchObject({
        type: r.headers["atrium-event"],
        firmId: w.firmId,
        data: { clientFileId: w.klaraFile, caseId: res.body.id, caseKind: "claim_report" },
      });
      expect(body.data).toHaveProperty("clientFileExternalId");
      expect(body.data).not.toHaveProperty("details");
      expect(r.body).not.toContain("Pipe burst");
    }
    const log = await settled(endpoint.id, 2);
    expect(log.map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual([
      ["delivered", 1, 200],
      ["delivered", 1, 200],
    ]);
    const ids = got.map((r) => r.headers["atrium-delivery"]).sort();
    expect(ids).toEqual(log.map((d) => d.id).sort());
  });

  it("API-1 a receiver failing twice then answering 200: delivered after retries, attempts=3, same delivery id", async () => {
    const endpoint = (await register("/flaky", ["case.created"])).body;
    receiver.plan("/flaky", [500, 503, 200]);
    await openMessageCase("Flaky receiver");
    const [first] = await settled(endpoint.id);
    expect(first).toMatchObject({ status: "retrying", attempts: 1, lastStatusCode: 500 });
    expect(first?.lastResponse).toContain("receiver says no (500)");
    // The next attempt waits in the queue for the backoff's first step (a minute).
    const [job] = await sql<{ wait: number }>(
      t,
      "select extract(epoch from start_after - now())::int as wait from pgboss.job where name = 'webhook.deliver' and data->>'deliveryId' = $1 and data->>'attempt' = '2'",
      [first?.id],
    );
    expect(job?.wait).toBeGreaterThan(45);
    const deps = webhookJobDeps(t.deps);
    const payload = { firmId: w.firmId, deliveryId: first?.id as string };
    await deliverWebhookAttempt(deps, { ...payload, attempt: 2 });
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ status: "retrying", attempts: 2 });
    // A repeat of an attempt already made (a worker that died after sending) does nothing.
    await deliverWebhookAttempt(deps, { ...payload, attempt: 2 });
    await deliverWebhookAttempt(deps, { ...payload, attempt: 3 });
    const [done] = await deliveries(endpoint.id);
    expect(done).toMatchObject({
      status: "delivered",
      attempts: 3,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    const got = receiver.on("/flaky");
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.headers["atrium-delivery"]))).toEqual(new Set([first?.id]));
  });

  it("API-1 a receiver that keeps failing: failed after the last attempt, shown in the log; resend delivers", async () => {
    const endpoint = (await register("/down", ["message.received", "case.created"])).body;
    receiver.always("/down", 503);
    await openMessageCase("Receiver down");
    const [first] = await settled(endpoint.id);
    const deps = webhookJobDeps(t.deps);
    for (let attempt = 2; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++)
      await deliverWebhookAttempt(deps, { firmId: w.firmId, deliveryId: first?.id as string, attempt });
    const [failed] = await deliveries(endpoint.id);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: WEBHOOK_MAX_ATTEMPTS,
      lastStatusCode: 503,
      nextAttemptAt: null,
    });
    receiver.always("/down", 200);
    const resent = await admin.client.post<WebhookDelivery>(
      `/api/settings/webhooks/${endpoint.id}/deliveries/${first?.id}/resend`,
    );
    expect(resent.status).toBe(201);
    expect(resent.body).toMatchObject({ resentFrom: first?.id, eventId: first?.eventId, status: "pending" });
    await eventually(
      async () =>
        (await deliveries(endpoint.id)).find((d) => d.id === resent.body.id)?.status === "delivered",
    );
    const last = receiver.on("/down").at(-1);
    expect(last?.headers["atrium-delivery"]).toBe(resent.body.id);
    expect(JSON.parse(last?.body ?? "{}").id).toBe(first?.eventId);
    const audit = await sql<{ action: string }>(
      t,
      "select action from audit_events where entity_id = $1 and action = 'webhook.resend'",
      [endpoint.id],
    );
    expect(audit).toHaveLength(1);
  });

  it("API-1 a client's reply is message.received; the test button sends webhook.test", async () => {
    const endpoint = (await register("/messages", ["message.received"])).body;
    const opened = await openMessageCase("Reply follows");
    expect(receiver.on("/messages")).toHaveLength(0);
    const reply = await w.klara.client.post(w.url(w.klaraFile, `cases/${opened.body.id}/messages`), {
      body: "One more thing",
    });
    expect(reply.status).toBe(201);
    await eventually(async () => receiver.on("/messages").length === 1);
    expect(receiver.on("/messages")[0]?.headers["atrium-event"]).toBe("message.received");
    const test = await admin.client.post<WebhookDelivery>(`/api/settings/webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(201);
    await eventually(async () => receiver.on("/messages").length === 2);
    expect(receiver.on("/messages")[1]?.headers["atrium-event"]).toBe("webhook.test");
  });

  it("API-1 a client's upload is case.created and upload.received; the file itself is not sent", async () => {
    await register("/uploads", ["upload.received"]);
    const { payload, headers } = multipartBody([
      { name: "data", value: JSON.stringify({ kind: "upload", message: "Photo of the damage" }) },
      { name: "files", fileName: "foto.png", content: tinyPng, contentType: "image/png" },
    ]);
    const res = await w.klara.client.request<{ id: string }>(
      "POST",
      w.url(w.klaraFile, "cases"),
      payload,
      headers,
    );
    expect(res.status).toBe(201);
    await eventually(async () => receiver.on("/uploads").length === 1);
    const [got] = receiver.on("/uploads");
    expect(got?.headers["atrium-event"]).toBe("upload.received");
    expect(JSON.parse(got?.body ?? "{}").data).toMatchObject({ caseId: res.body.id, attachments: 1 });
    expect(got?.body).not.toContain("foto.png");
  });

  it("API-1 a paused endpoint gets nothing; another firm's endpoint never gets this firm's events", async () => {
    const paused = (await register("/paused", ["case.created"], { active: false })).body;
    expect(paused.active).toBe(false);
    const otherFirm = await createFirm(t.deps, { name: "Andere Kanzlei", language: "en" });
    const otherAdmin = await signedInStaff(t, otherFirm.firmId, "admin");
    const foreign = await register("/other-firm", ["case.created"], {}, otherAdmin);
    expect(foreign.status).toBe(201);
    const watcher = (await register("/watcher", ["case.created"])).body;
    await openMessageCase("Only for us");
    await settled(watcher.id);
    expect(receiver.on("/paused")).toHaveLength(0);
    expect(receiver.on("/other-firm")).toHaveLength(0);
    expect(await deliveries(paused.id)).toHaveLength(0);
    // Another firm's endpoint ids answer 404, never 403.
    const cross = await admin.client.get(`/api/settings/webhooks/${foreign.body.id}/deliveries`);
    expect(cross.status).toBe(404);
    const patch = await admin.client.patch(`/api/settings/webhooks/${foreign.body.id}`, { active: false });
    expect(patch.status).toBe(404);
  });

  it("API-1 only admins manage webhooks: an advisor and a client get 403", async () => {
    expect((await w.owner.client.get("/api/settings/webhooks")).status).toBe(403);
    const created = await register("/advisor", ["case.created"], {}, w.owner);
    expect(created.status).toBe(403);
    expect((await w.klara.client.get("/api/settings/webhooks")).status).toBe(403);
  });

  it("API-1 names the field of each bad input", async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ url: "not a url", events: ["case.created"] }, "url"],
      [{ url: "ftp://example.com/x", events: ["case.created"] }, "url"],
      [{ url: "https://user:pw@example.com/x", events: ["case.created"] }, "url"],
      [{ url: "https://example.com/x", events: [] }, "events"],
      [{ url: "https://example.com/x", events: ["case.deleted"] }, "events.0"],
      [{ url: "https://example.com/x", events: ["case.created"], extra: 1 }, ""],
    ];
    for (const [body, field] of bad) {
      const res = await admin.client.post<ErrorBody>("/api/settings/webhooks", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("invalid");
      if (field) expect(fieldsOf(res.body), JSON.stringify(body)).toEqual([field]);
    }
    const notUuid = await admin.client.get<ErrorBody>("/api/settings/webhooks/nope/deliveries");
    expect(notUuid.status).toBe(400);
    expect(fieldsOf(notUuid.body)).toEqual(["endpointId"]);
  });

  it("API-1 with WEBHOOK_INTERNAL_HOSTS=refuse, internal addresses are refused at registration and at delivery", async () => {
    const strict = await startTestApp({ env: { WEBHOOK_INTERNAL_HOSTS: "refuse" } });
    try {
      const firm = await createFirm(strict.deps, { name: "Strenge Kanzlei", language: "en" });
      const strictAdmin = await signedInStaff(strict, firm.firmId, "admin");
      for (const url of [receiver.url("/x"), "http://localhost:9/x", "http://10.1.2.3/x", "http://[::1]/x"]) {
        const res = await strictAdmin.client.post<ErrorBody>("/api/settings/webhooks", {
          url,
          events: ["case.created"],
        });
        expect(res.status, url).toBe(400);
        expect(fieldsOf(res.body)).toEqual(["url"]);
      }
    } finally {
      await strict.close();
    }
    // A name that points inward only at delivery (DNS rebinding) is refused by the connection's own
    // lookup, and an IP address in the URL before connecting.
    const port = new URL(receiver.url("/")).port;
    for (const url of [`http://localhost:${port}/rebound`, receiver.url("/rebound")]) {
      const answer = await postWebhook(new URL(url), {}, "{}", { refuseInternal: true });
      expect(answer).toMatchObject({ ok: false, statusCode: null });
      expect(answer.snippet).toContain("refused: internal address");
    }
    expect(receiver.on("/rebound")).toHaveLength(0);
    const allowed = await postWebhook(new URL(`http://localhost:${port}/rebound`), {}, "{}", {
      refuseInternal: false,
    });
    expect(allowed).toMatchObject({ ok: true, statusCode: 200, snippet: "ok" });
  });
});
