import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfirmationRequest, PortalConfirmationList } from "../../../contracts/confirmations.js";
import { type ErrorBody, upload } from "../../../tests/support/documents-world.js";
import { makePdf } from "../../../tests/support/factories-documents.js";
import { auditWithAction } from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import {
  askToConfirm,
  type ConfirmationsWorld,
  confirmationsWorld,
  delivered,
  listed,
  openConfirmationJobs,
  requestOutbox,
} from "./confirmations.fixtures.js";
import { sweepDueConfirmations } from "./confirmations.jobs.js";

const day = 86_400_000;
const hour = 3_600_000;

describe("confirmation requests over time: reminders, new versions, cancel and resend (PORTAL-5)", () => {
  let t: TestApp;
  let w: ConfirmationsWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await confirmationsWorld(t);
  });
  afterAll(() => t?.close());

  /** Runs sweeps at the clock's time, then waits until every reminder job has run. */
  async function sweepAndSettle(sweeps = 1) {
    await Promise.all(Array.from({ length: sweeps }, () => sweepDueConfirmations(t.deps)));
    await expect.poll(() => openConfirmationJobs(t), { timeout: 60_000 }).toBe(0);
  }
  const reminders = async (id: string) =>
    (await requestOutbox(t, id)).filter((m) => m.reminder > 0).map((m) => m.reminder);
  const confirmUrl = (id: string) => w.url(w.klaraFile, `confirmations/${id}/confirm`);
  const action = (id: string, verb: "cancel" | "resend") =>
    w.owner.client.post<ConfirmationRequest & ErrorBody>(
      `/api/client-files/${w.klaraFile}/confirmations/${id}/${verb}`,
    );

  it("seed 001's schedule: reminders on day 2 and day 7 for open requests only, once each (two sweeps at once too); none after confirming or cancelling", async () => {
    const start = t.clock.now();
    const doc = w.document.shared.id;
    const [klara] = await askToConfirm(w, doc, [w.grantee.klara]);
    const [max] = await askToConfirm(w, doc, [w.grantee.max]);
    const [bernd] = await askToConfirm(w, doc, [w.grantee.bernd]);
    const ids = { klara: klara?.id ?? "", max: max?.id ?? "", bernd: bernd?.id ?? "" };
    t.clock.advance(1 * day);
    expect((await w.max.client.post(confirmUrl(ids.max), { confirmed: true })).status).toBe(200);
    const cancelled = await action(ids.bernd, "cancel");
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
    expect(cancelled.body.nextReminderAt).toBeNull();
    // A cancelled request can no longer be confirmed.
    expect((await w.bernd.client.post(confirmUrl(ids.bernd), { confirmed: true })).status).toBe(409);

    t.clock.set(new Date(start.getTime() + 2 * day - 1000));
    await sweepAndSettle();
    expect(await reminders(ids.klara)).toEqual([]);
    t.clock.set(new Date(start.getTime() + 2 * day));
    await sweepAndSettle(2);
    expect(await reminders(ids.klara)).toEqual([1]);
    const [, first] = await requestOutbox(t, ids.klara);
    const mail = await delivered(t, first?.id ?? "");
    expect(mail.subject).toBe("Erinnerung: Bitte bestätigen Sie den Erhalt von Policy HRV");
    expect(mail.text).toContain("wartet noch auf Ihre Bestätigung");
    await sweepAndSettle();
    expect(await reminders(ids.klara)).toEqual([1]);
    t.clock.set(new Date(start.getTime() + 7 * day + hour));
    await sweepAndSettle();
    expect(await reminders(ids.klara)).toEqual([1, 2]);
    t.clock.set(new Date(start.getTime() + 40 * day));
    await sweepAndSettle();
    expect(await reminders(ids.klara)).toEqual([1, 2]);
    expect(await reminders(ids.max)).toEqual([]);
    expect(await reminders(ids.bernd)).toEqual([]);
    expect((await auditWithAction(t, w.firmId, "confirmation.remind")).map((a) => a.entityId)).toEqual([
      ids.klara,
      ids.klara,
    ]);
    expect((await auditWithAction(t, w.firmId, "confirmation.cancel")).map((a) => a.entityId)).toEqual([
      ids.bernd,
    ]);

    // Resending mails again and starts the series afresh; only open requests can be resent.
    const resent = await action(ids.klara, "resend");
    expect(resent.status).toBe(200);
    expect(resent.body.nextReminderAt).toBe(new Date(t.clock.now().getTime() + 2 * day).toISOString());
    expect((await requestOutbox(t, ids.klara)).map((m) => m.reminder)).toEqual([0, 1, 2, 0]);
    expect((await action(ids.max, "resend")).status).toBe(409);
    expect((await auditWithAction(t, w.firmId, "confirmation.resend")).map((a) => a.entityId)).toEqual([
      ids.klara,
    ]);
    await action(ids.klara, "cancel");
  });

  it("a new version supersedes open and confirmed requests: no more reminders, no confirming the old one, the old evidence stays, and the grantee can be asked again with a mail about the new version", async () => {
    const doc = w.document.unshared.id;
    const [klara] = await askToConfirm(w, doc, [w.grantee.klara]);
    const [max] = await askToConfirm(w, doc, [w.grantee.max]);
    const ids = { klara: klara?.id ?? "", max: max?.id ?? "" };
    expect((await w.max.client.post(confirmUrl(ids.max), { confirmed: true })).status).toBe(200);
    const before = t.clock.now();

    const uploaded = await upload(
      w.owner.client,
      `/api/client-files/${w.klaraFile}/documents/${doc}/versions`,
      [{ name: "file", fileName: "note-v2.pdf", content: await makePdf("Second version") }],
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);

    const list = await listed(w, doc);
    expect(list.currentVersion).toBe(2);
    const byId = new Map(list.items.map((i) => [i.id, i]));
    expect(byId.get(ids.klara)).toMatchObject({
      status: "superseded",
      supersededByVersion: 2,
      nextReminderAt: null,
    });
    expect(byId.get(ids.max)).toMatchObject({ status: "superseded", supersededByVersion: 2 });
    expect(byId.get(ids.max)?.evidence?.version).toBe(1);
    expect(list.candidates.find((c) => c.granteeId === w.grantee.klara)?.refusal).toBeNull();
    expect((await auditWithAction(t, w.firmId, "confirmation.supersede")).length).toBeGreaterThanOrEqual(2);

    // Klara's old request is gone from her portal and cannot be confirmed any more.
    const portal = await w.klara.client.get<PortalConfirmationList>(w.url(w.klaraFile, "confirmations"));
    expect(portal.body.items.map((i) => i.id)).not.toContain(ids.klara);
    expect((await w.klara.client.post(confirmUrl(ids.klara), { confirmed: true })).status).toBe(409);
    // The certificate of what Max confirmed for version 1 stays available.
    const certificate = await t.app.inject({
      method: "GET",
      url: `/api/client-files/${w.klaraFile}/confirmations/${ids.max}/certificate`,
      headers: { cookie: w.owner.client.cookie },
    });
    expect(certificate.statusCode).toBe(200);

    // No reminders for superseded requests, however late.
    t.clock.set(new Date(before.getTime() + 10 * day));
    await sweepAndSettle();
    expect(await reminders(ids.klara)).toEqual([]);

    // Asked again: the mail speaks of the new version, and the new request is for version 2.
    const [renewed] = await askToConfirm(w, doc, [w.grantee.klara]);
    expect(renewed?.version).toBe(2);
    const [outbox] = await requestOutbox(t, renewed?.id ?? "");
    expect(outbox?.subject).toBe("Neue Fassung – bitte bestätigen Sie den Erhalt: Internal note");
    expect((await w.klara.client.post(confirmUrl(renewed?.id ?? ""), { confirmed: true })).status).toBe(200);
    const [latest] = (await listed(w, doc)).items;
    expect(latest?.evidence?.version).toBe(2);
    expect(latest?.evidence?.sha256).toBe(uploaded.body.versions[0]?.sha256);
  });
});
