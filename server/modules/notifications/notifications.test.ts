import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import type { CaughtMail } from "../../platform/mail/smtp-sink.js";
import { type NotificationsWorld, notificationsWorld } from "./notifications.fixtures.js";
import { sendDigest, sweepDueDigests } from "./notifications.jobs.js";
import { notifyFileContacts, notifyStaff } from "./notify.js";

const minute = 60_000;

describe("notification digests (CASE-2)", () => {
  let t: TestApp;
  let w: NotificationsWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await notificationsWorld(t);
  });
  afterAll(() => t?.close());

  /** Digest outbox rows of the firm, oldest first. */
  async function digests() {
    const { rows } = await t.deps.database.owner.query<{
      id: string;
      to_address: string;
      subject: string;
      text: string;
      language: string;
      items: number;
    }>(
      `select id, to_address, subject, text, language, (meta->>'items')::int as items from mail_outbox
        where firm_id = $1 and template = 'notification-digest' order by created_at, id`,
      [w.firmId],
    );
    return rows;
  }

  /** Runs one sweep at the clock's time and waits until each digest it made is in the outbox. */
  async function sweepAndSettle(): Promise<number> {
    const before = (await digests()).length;
    await sweepDueDigests(t.deps);
    await expect
      .poll(
        async () => {
          const { rows } = await t.deps.database.owner.query(
            "select 1 from pgboss.job where name = 'notifications.send-digest' and state in ('created', 'retry', 'active')",
          );
          return rows.length;
        },
        { timeout: 30_000 },
      )
      .toBe(0);
    return (await digests()).length - before;
  }

  async function delivered(outboxId: string): Promise<CaughtMail> {
    const [mail] = await t.sink.waitFor((m) => m.outboxId === outboxId, { timeoutMs: 20_000 });
    if (!mail) throw new Error(`digest ${outboxId} did not arrive`);
    return mail;
  }

  function caseUpdate(fileId: string, title: string) {
    return inFirm(t.deps.database, w.firmId, (tx) =>
      notifyFileContacts(tx, { clientFileId: fileId, topic: "case_update", title, at: t.clock.now() }),
    );
  }

  it("three events for an operational contact within minutes make exactly one digest listing all three; the commercial contact gets only the invoice, the employee nothing", async () => {
    await w.uploadDocument(w.companyFile, "Police Flotte 2026", "policy");
    t.clock.advance(2 * minute);
    await caseUpdate(w.companyFile, "Sinistre véhicule AB-123");
    t.clock.advance(2 * minute);
    await w.uploadDocument(w.companyFile, "Facture mars", "invoice");
    t.clock.advance(2 * minute);
    await caseUpdate(w.companyFile, "Demande d’offre flotte");

    // Still within the quiet period after the last event: nothing goes yet.
    t.clock.advance(5 * minute);
    expect(await sweepAndSettle()).toBe(0);

    t.clock.advance(6 * minute);
    expect(await sweepAndSettle()).toBe(2);
    const mails = await digests();
    const toOperational = mails.filter((m) => m.to_address === w.contact.operational.email);
    const toCommercial = mails.filter((m) => m.to_address === w.contact.commercial.email);
    expect(toOperational).toHaveLength(1);
    expect(toCommercial).toHaveLength(1);
    expect(mails.some((m) => m.to_address === w.contact.employee.email)).toBe(false);

    // Operational: the document and both case updates, not the invoice; in French, formal.
    const [op] = toOperational;
    expect(op?.items).toBe(3);
    expect(op?.language).toBe("fr");
    const opMail = await delivered(op?.id ?? "");
    expect(opMail.subject).toBe("Keller & Frei Vorsorge : 3 nouveautés dans le portail client");
    expect(opMail.text).toContain("Bonjour Odile Opérations");
    expect(opMail.text).toContain("a du nouveau pour vous");
    expect(opMail.text).toContain("Police Flotte 2026");
    expect(opMail.text).toContain("Sinistre véhicule AB-123");
    expect(opMail.text).toContain("Demande d’offre flotte");
    expect(opMail.text).not.toContain("Facture mars");
    expect(opMail.text).toContain(`/portal/${w.firmId}/${w.companyFile}/documents`);
    expect(opMail.html).toContain("Keller &amp; Frei Vorsorge");

    // Commercial: only the invoice, in English.
    const commercialMail = await delivered(toCommercial[0]?.id ?? "");
    expect(commercialMail.subject).toBe("Keller & Frei Vorsorge: something new in the client portal");
    expect(commercialMail.text).toContain("New invoice");
    expect(commercialMail.text).toContain("Facture mars");
    expect(commercialMail.text).not.toMatch(/Sinistre|Police Flotte/);
  });

  it("rerunning the sweep or the digest job sends nothing twice", async () => {
    const before = await digests();
    t.clock.advance(30 * minute);
    expect(await sweepAndSettle()).toBe(0);
    const again = await sendDigest(t.deps, { firmId: w.firmId, userId: w.contact.operational.userId });
    expect(again).toBe(0);
    expect(await digests()).toHaveLength(before.length);
  });

  it("sends at most one digest an hour: a later event waits until an hour after the last digest", async () => {
    const sentAt = t.clock.now().getTime() - 30 * minute; // the digest above went 30 minutes ago
    await caseUpdate(w.companyFile, "Rückfrage zum Schaden");
    t.clock.advance(15 * minute);
    expect(await sweepAndSettle()).toBe(0);
    t.clock.set(new Date(sentAt + 60 * minute));
    expect(await sweepAndSettle()).toBe(1);
    const last = (await digests()).at(-1);
    expect(last?.to_address).toBe(w.contact.operational.email);
    expect(last?.items).toBe(1);
  });

  it("on a household file the holder gets case updates and documents, in German with Du; a child gets none; an external advisor only documents they see", async () => {
    t.clock.advance(2 * 60 * minute);
    await caseUpdate(w.householdFile, "Hausrat: Wasserschaden");
    await w.uploadDocument(w.householdFile, "Hausratpolice", "policy");
    t.clock.advance(15 * minute);
    expect(await sweepAndSettle()).toBe(2);
    const mails = (await digests()).slice(-2);
    const holder = mails.find((m) => m.to_address === w.contact.holder.email);
    const advisor = mails.find((m) => m.to_address === w.contact.advisor.email);
    expect(mails.some((m) => m.to_address === w.contact.child.email)).toBe(false);
    expect(holder?.items).toBe(2);
    const holderMail = await delivered(holder?.id ?? "");
    expect(holderMail.subject).toBe("Keller & Frei Vorsorge: 2 Neuigkeiten im Kundenportal");
    expect(holderMail.text).toContain("Hallo Klara Muster");
    expect(holderMail.text).toContain("gibt es Neues für dich");
    expect(holderMail.text).not.toMatch(/\bSie\b|\bIhr/);
    expect(advisor?.items).toBe(1);
    const advisorMail = await delivered(advisor?.id ?? "");
    expect(advisorMail.text).toContain("Hausratpolice");
    expect(advisorMail.text).not.toContain("Wasserschaden");
    expect(advisorMail.text).toContain("Guten Tag Norbert Notar");
  });

  it("a document not shared to the portal notifies no one", async () => {
    t.clock.advance(2 * 60 * minute);
    await w.uploadDocument(w.householdFile, "Interne Notiz", "correspondence", false);
    t.clock.advance(15 * minute);
    expect(await sweepAndSettle()).toBe(0);
  });

  it("staff: the assignee gets the new case, the admins what goes to admins, in their own language", async () => {
    t.clock.advance(2 * 60 * minute);
    const caseId = newId();
    await inFirm(t.deps.database, w.firmId, async (tx) => {
      await notifyStaff(tx, {
        userIds: [w.owner.userId],
        topic: "new_case",
        clientFileId: w.companyFile,
        caseId,
        title: "Schadenmeldung Firmenwagen",
        at: t.clock.now(),
      });
      await notifyStaff(tx, {
        userIds: "admins",
        topic: "client_upload",
        clientFileId: w.householdFile,
        title: "Rechnung Zahnarzt.pdf",
        at: t.clock.now(),
      });
    });
    t.clock.advance(15 * minute);
    expect(await sweepAndSettle()).toBe(2);
    const mails = (await digests()).slice(-2);
    const toOwner = mails.find((m) => m.to_address === w.owner.email);
    const toAdmin = mails.find((m) => m.to_address === w.admin.email);
    const ownerMail = await delivered(toOwner?.id ?? "");
    expect(ownerMail.subject).toBe("Atrium: something new for Keller & Frei Vorsorge");
    expect(ownerMail.text).toContain("New request");
    expect(ownerMail.text).toContain("Schadenmeldung Firmenwagen");
    expect(ownerMail.text).toContain("Musterfirma GmbH");
    expect(ownerMail.text).toContain(`/app/inbox/${caseId}`);
    expect(ownerMail.text).not.toContain("Rechnung Zahnarzt");
    const adminMail = await delivered(toAdmin?.id ?? "");
    expect(adminMail.text).toContain("Rechnung Zahnarzt.pdf");
    expect(adminMail.text).toContain(`/app/clients/${w.householdFile}`);
  });

  it("a topic turned off in the settings is not mailed, and is not mailed later either", async () => {
    const client = await signIn(w.contact.operational);
    const off = await client.put<{ topics: Array<{ topic: string; email: boolean }> }>(
      "/api/account/notifications",
      { email: { case_update: false } },
    );
    expect(off.status).toBe(200);
    expect(off.body.topics.find((x) => x.topic === "case_update")?.email).toBe(false);
    expect(off.body.topics.find((x) => x.topic === "new_document")?.email).toBe(true);
    t.clock.advance(2 * 60 * minute);
    await caseUpdate(w.companyFile, "Stumm geschaltet");
    t.clock.advance(15 * minute);
    expect(await sweepAndSettle()).toBe(0);
    await client.put("/api/account/notifications", { email: { case_update: true } });
    t.clock.advance(2 * 60 * minute);
    expect(await sweepAndSettle()).toBe(0);
  });

  async function signIn(who: { email: string; password: string }) {
    const client = new TestClient(t.app, "en");
    const res = await client.post("/api/session", who);
    expect(res.status).toBe(200);
    return client;
  }
});
