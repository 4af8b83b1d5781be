import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationSettings } from "../../../contracts/notifications.js";
import { makePdf, multipartBody } from "../../../tests/support/factories-documents.js";
import {
  createPortalAccount,
  insertGrant,
  insertGrantee,
  insertPerson,
} from "../../../tests/support/factories-grants.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { grantees } from "../grants/grants.tables.js";
import { type NotificationsWorld, notificationsWorld } from "./notifications.fixtures.js";
import { sendDigest } from "./notifications.jobs.js";
import { notifyFileContacts } from "./notify.js";

const minute = 60_000;

describe("notification settings and who may still hear (CASE-2)", () => {
  let t: TestApp;
  let w: NotificationsWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await notificationsWorld(t);
  });
  afterAll(() => t?.close());

  async function signIn(who: { email: string; password: string }, language = "en") {
    const client = new TestClient(t.app, language);
    const res = await client.post("/api/session", who);
    expect(res.status).toBe(200);
    return client;
  }

  it("a portal account sees the portal's topics, all on until turned off; staff see the staff topics", async () => {
    const holder = await signIn(w.contact.holder);
    const mine = await holder.get<NotificationSettings>("/api/account/notifications");
    expect(mine.status).toBe(200);
    expect(mine.body.topics).toEqual([
      { topic: "case_update", audience: "portal", email: true },
      { topic: "new_document", audience: "portal", email: true },
      { topic: "invoice", audience: "portal", email: true },
    ]);
    expect(mine.body.digestIntervalMinutes).toBe(60);

    const staffSettings = await w.staff.get<NotificationSettings>("/api/account/notifications");
    expect(staffSettings.body.topics.map((s) => `${s.audience}:${s.topic}`)).toEqual([
      "staff:new_case",
      "staff:client_message",
      "staff:client_upload",
      "staff:document_confirmed",
    ]);
    const muted = await w.staff.put<NotificationSettings>("/api/account/notifications", {
      email: { client_upload: false },
    });
    expect(muted.body.topics.find((s) => s.topic === "client_upload")?.email).toBe(false);
    // Another account's settings are its own.
    const again = await holder.get<NotificationSettings>("/api/account/notifications");
    expect(again.body.topics.every((s) => s.email)).toBe(true);
  });

  it("answers a topic that does not exist with a translated error on that field, and a signed-out call with 401", async () => {
    const holder = await signIn(w.contact.holder, "de");
    const res = await holder.put<{
      error: { code: string; details?: { fields?: Array<{ field: string; message: string }> } };
    }>("/api/account/notifications", { email: { newsletter: false } });
    expect(res.status).toBe(400);
    const fields = res.body.error.details?.fields ?? [];
    expect(fields[0]?.field).toBe("email.newsletter");
    expect(fields[0]?.message).toBe("Dieses Feld ist hier nicht vorgesehen; bitte entfernen Sie es.");
    const notBoolean = await holder.put<{ error: { details?: { fields?: Array<{ field: string }> } } }>(
      "/api/account/notifications",
      { email: { invoice: "yes" } },
    );
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.error.details?.fields?.[0]?.field).toBe("email.invoice");
    const anonymous = await new TestClient(t.app, "en").get("/api/account/notifications");
    expect(anonymous.status).toBe(401);
  });

  it("someone whose access ends before the digest goes hears nothing of it", async () => {
    await inFirm(t.deps.database, w.firmId, (tx) =>
      notifyFileContacts(tx, {
        clientFileId: w.householdFile,
        topic: "case_update",
        title: "Vor dem Widerruf",
        at: t.clock.now(),
      }),
    );
    await inFirm(t.deps.database, w.firmId, (tx) =>
      tx.db
        .update(grantees)
        .set({ status: "revoked" })
        .where(and(eq(grantees.firmId, w.firmId), eq(grantees.accountId, w.contact.holder.userId))),
    );
    t.clock.advance(15 * minute);
    expect(await sendDigest(t.deps, { firmId: w.firmId, userId: w.contact.holder.userId })).toBe(0);
    const { rows } = await t.deps.database.owner.query(
      "select skipped_at from notification_items where recipient_user_id = $1",
      [w.contact.holder.userId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.skipped_at).not.toBeNull();
  });

  it("never notes an event for an account outside the file, one listed as an exception, or an employee asked for by name", async () => {
    const noted = await inFirm(t.deps.database, w.firmId, (tx) =>
      notifyFileContacts(tx, {
        clientFileId: w.companyFile,
        topic: "case_update",
        title: "Antwort",
        alsoAccountIds: [w.contact.employee.userId, w.contact.commercial.userId, w.contact.advisor.userId],
        exceptAccountIds: [w.contact.operational.userId],
        at: t.clock.now(),
      }),
    );
    // Only the commercial contact, named as the one who opened the case: the advisor is on another
    // file, the employee only reads the inbox, the operational contact caused the event.
    expect(noted).toBe(1);
    const { rows } = await t.deps.database.owner.query<{ recipient_user_id: string }>(
      "select recipient_user_id from notification_items where title = 'Antwort'",
    );
    expect(rows.map((r) => r.recipient_user_id)).toEqual([w.contact.commercial.userId]);
  });

  it("an external advisor hears only of documents their grant shows", async () => {
    const policy = w.categories.get("policy")?.id ?? "";
    const limited = await insertGrant(t.deps, w.firmId, {
      fileIds: [w.householdFile],
      settings: { documentCategoryIds: [policy] },
    });
    const person = await insertPerson(t.deps, w.firmId, w.householdFile, {
      firstName: "Berta",
      lastName: "Bank",
      role: "external_advisor",
    });
    const account = await createPortalAccount(t.deps);
    await insertGrantee(t.deps, w.firmId, {
      grantId: limited.id,
      personId: person.id,
      accountId: account.userId,
    });
    await w.uploadDocument(w.householdFile, "Angebot Wohngebäude", "offer");
    await w.uploadDocument(w.householdFile, "Police Wohngebäude", "policy");
    const recipients = async (title: string) => {
      const { rows } = await t.deps.database.owner.query<{ recipient_user_id: string }>(
        "select recipient_user_id from notification_items where title = $1",
        [title],
      );
      return rows.map((r) => r.recipient_user_id);
    };
    expect(await recipients("Angebot Wohngebäude")).not.toContain(account.userId);
    expect(await recipients("Angebot Wohngebäude")).toContain(w.contact.advisor.userId);
    expect(await recipients("Police Wohngebäude")).toContain(account.userId);
  });

  it("a new version of a shared document is news again; one of an unshared document is not", async () => {
    const shared = await w.uploadDocument(w.companyFile, "Police Flotte v1", "policy");
    const internal = await w.uploadDocument(w.companyFile, "Interne Kalkulation", "policy", false);
    const pdf = await makePdf("Version 2");
    for (const id of [shared, internal]) {
      const { payload, headers } = multipartBody([{ name: "file", fileName: "v2.pdf", content: pdf }]);
      const res = await w.staff.request(
        "POST",
        `/api/client-files/${w.companyFile}/documents/${id}/versions`,
        payload,
        headers,
      );
      expect(res.status).toBe(201);
    }
    const { rows } = await t.deps.database.owner.query<{ document_id: string; recipient_user_id: string }>(
      "select document_id, recipient_user_id from notification_items where document_id = any($1::uuid[])",
      [[shared, internal]],
    );
    // The operational contact twice (shared, then its new version); nothing about the internal one.
    expect(rows.filter((r) => r.document_id === shared).map((r) => r.recipient_user_id)).toEqual([
      w.contact.operational.userId,
      w.contact.operational.userId,
    ]);
    expect(rows.filter((r) => r.document_id === internal)).toEqual([]);
  });
});
