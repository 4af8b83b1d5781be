import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import {
  createPortalAccount,
  insertGrant,
  insertGrantee,
  insertPerson,
} from "../../../tests/support/factories-grants.js";
import { createClientFile } from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { createBatchRenderer } from "../../platform/mail/render.js";
import { inviteChunk } from "./bulk-chunk.js";
import { inviteUnitByUnit, workOfRunner } from "./bulk-invitations.jobs.js";
import type { StoredBulkOptions } from "./bulk-invitations.service.js";

// Two firms alike in everything: one's chunk is invited set-based, the other's unit by unit through
// the services. Their rows, mails and audit entries must be the same but for ids and instants.
const at = new Date("2026-11-20T09:30:00.000Z");
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const instant = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
const normalized = (rows: unknown[]) =>
  rows.map((row) => JSON.stringify(row).replace(uuid, "<id>").replace(instant, "<instant>")).sort();

describe("a bulk invitation's chunk, set-based (PERF-3)", () => {
  let t: TestApp;
  let knownEmail = "";
  beforeAll(async () => {
    t = await startTestApp();
    knownEmail = (await createPortalAccount(t.deps, { email: "karl.known@twin.test" })).email;
  });
  afterAll(() => t?.close());

  /** A firm with files covering every way a unit can go; answers its units in a fixed order. */
  async function twinFirm() {
    const { firmId } = await createFirm(t.deps, { name: "Twin & Partner <Kanzlei>", language: "de" });
    const admin = await createStaff(t.deps, firmId, { role: "admin", name: "Tina Twin" });
    const fileIds: string[] = [];
    const file = async (label: string, kind: "private" | "business" = "private") => {
      const id = (
        await createClientFile(t.deps, firmId, { caseOwnerId: admin.userId, kind, displayName: label })
      ).id;
      await t.deps.database.owner.query("update client_files set number = $1 where id = $2", [label, id]);
      fileIds.push(id);
      return id;
    };
    const holder = async (label: string, person: Omit<Parameters<typeof insertPerson>[3], "role">) =>
      insertPerson(t.deps, firmId, await file(label), { role: "holder", ...person });
    await holder("Plain", { firstName: "Bob", lastName: "Plain", email: "bob@twin.test" });
    await holder("Tricky", {
      firstName: `Ada <b>&</b>`,
      lastName: `O'Neil "Q"`,
      email: "Ada.Tricky@twin.test ",
    });
    await holder("Spaced", { firstName: "Sam ", lastName: " Spaced", email: "sam@twin.test" });
    await holder("Franz", {
      firstName: "Françoise",
      lastName: "Dupont",
      email: "fr@twin.test",
      language: "fr",
      salutation: "informal",
    });
    await insertPerson(t.deps, firmId, await file("Firma", "business"), {
      firstName: "Erik",
      lastName: "Berg",
      role: "contact",
      email: "erik@twin.test",
    });
    const rita = await holder("Reuse", { firstName: "Rita", lastName: "Reuse", email: "rita@twin.test" });
    const earlier = await insertGrant(t.deps, firmId, {
      name: "Earlier",
      fileIds: [fileIds.at(-1) as string],
    });
    await insertGrantee(t.deps, firmId, {
      grantId: earlier.id,
      personId: rita.id,
      email: "rita@twin.test",
      name: rita.name,
    });
    await holder("Known", { firstName: "Karl", lastName: "Known", email: knownEmail });
    await holder("Schmidt, Hans", { firstName: "Hans", lastName: "Schmidt", email: "familie@twin.test" });
    await holder("Schmidt, Jan", { firstName: "Jan", lastName: "Schmidt", email: "familie@twin.test" });
    await holder("NoMail", { firstName: "Nina", lastName: "Nomail" });
    await file("Empty");
    // The Schmidts share an address: one unit, one grant over both files.
    const [hans, jan] = fileIds.splice(7, 2);
    const units = [...fileIds.map((id) => [id]), [hans as string, jan as string]];
    return { firmId, admin, units };
  }

  const options = (units: string[][]): StoredBulkOptions => ({
    documents: "all",
    documentCategoryIds: [],
    sharedEmails: "bundle",
    emails: [],
    personalMessage: "Ab sofort <im Portal> & mehr.\nZweite Zeile",
    units,
  });

  /** Everything a chunk writes in the firm, without ids, instants and what delivery changes later. */
  async function written(firmId: string) {
    const query = async (sql: string) => normalized((await t.deps.database.owner.query(sql, [firmId])).rows);
    return {
      grants: await query(
        "select name, profile_id is null as no_profile, default_access, share_assets, contract_mode, document_category_ids, features, view from grants where firm_id = $1",
      ),
      grantFiles: await query("select count(*)::int as n from grant_files where firm_id = $1"),
      grantees: await query(
        "select email, name, access, status, account_id is null as no_account, is_primary_contact from grantees where firm_id = $1",
      ),
      invitations: await query(
        `select email, name, language, salutation, channel, status, personal_message, reminder_days, reminders_due,
                reminders_sent, next_reminder_at, sent_at, expires_at, invited_by_name, accepted_at,
                accepted_account_id, last_outbox_id is null as no_mail, last_mail_reminder
           from client_invitations where firm_id = $1`,
      ),
      mails: await query(
        // (Delivery may already have sent some and erased their sealed secrets.)
        `select template, to_address, to_name, from_name, reply_to, language, subject, html, text, meta
           from mail_outbox where firm_id = $1`,
      ),
      tokens: await query(
        "select purpose, voided_at is null as live, expires_at from one_time_tokens where firm_id = $1",
      ),
      deliveries: await query(
        "select count(*)::int as n from pgboss.job where name = 'mail.deliver' and data->>'firmId' = $1::text",
      ),
      audit: await query(
        `select action, entity_type, client_file_id is null as no_file, actor_name, actor_kind, before, after
           from audit_events where firm_id = $1 and action <> 'firm.create'`,
      ),
    };
  }

  it("writes the same grants, grantees, invitations, mails, tokens and audit entries as the unit-by-unit path", async () => {
    const setBased = await twinFirm();
    const byUnit = await twinFirm();
    const auditBefore = async (firmId: string) =>
      (
        await t.deps.database.owner.query("select count(*)::int as n from audit_events where firm_id = $1", [
          firmId,
        ])
      ).rows[0]?.n;
    expect(await auditBefore(setBased.firmId)).toBe(await auditBefore(byUnit.firmId));
    const fast = await inFirm(t.deps.database, setBased.firmId, async (tx) => {
      const work = await workOfRunner(t.deps.database, tx, setBased.admin.userId, at);
      if (!work) throw new Error("the runner is not staff");
      return inviteChunk(work, t.deps, options(setBased.units), setBased.units, createBatchRenderer());
    });
    const slow = await inFirm(t.deps.database, byUnit.firmId, async (tx) => {
      const work = await workOfRunner(t.deps.database, tx, byUnit.admin.userId, at);
      if (!work) throw new Error("the runner is not staff");
      return inviteUnitByUnit(work, t.deps, options(byUnit.units), byUnit.units);
    });
    expect(normalized(fast)).toEqual(normalized(slow));
    expect(fast.reduce((n, o) => n + o.invited, 0)).toBe(8);
    expect(fast.reduce((n, o) => n + o.notified, 0)).toBe(1);
    expect(fast.flatMap((o) => o.skips.map((s) => s.reason)).sort()).toEqual(["no_email", "no_person"]);

    const fastRows = await written(setBased.firmId);
    const slowRows = await written(byUnit.firmId);
    expect(fastRows).toEqual(slowRows);
    expect(fastRows.mails).toHaveLength(8);
    expect(fastRows.audit.filter((a) => a.includes('"action":"invitation.send"'))).toHaveLength(7);
    // The escaped name went in where React put it; the staff's words stay text.
    const tricky = JSON.parse(fastRows.mails.find((m) => m.includes("ada.tricky@twin.test")) ?? "{}");
    expect(tricky.html).toContain("Guten Tag Ada &lt;b&gt;&amp;&lt;/b&gt; O&#x27;Neil &quot;Q&quot;</h1>");
    expect(tricky.html).not.toContain("<b>&</b>");
    expect(tricky.text).toContain(`Guten Tag Ada <b>&</b> O'Neil "Q"`);
  });

  it("re-run on the same files, invites no one twice", async () => {
    const firm = await twinFirm();
    const run = () =>
      inFirm(t.deps.database, firm.firmId, async (tx) => {
        const work = await workOfRunner(t.deps.database, tx, firm.admin.userId, at);
        if (!work) throw new Error("the runner is not staff");
        return inviteChunk(work, t.deps, options(firm.units), firm.units, createBatchRenderer());
      });
    await run();
    const again = await run();
    expect(again.reduce((n, o) => n + o.invited + o.notified, 0)).toBe(0);
    const mails = await t.deps.database.owner.query<{ n: number }>(
      "select count(*)::int as n from mail_outbox where firm_id = $1",
      [firm.firmId],
    );
    expect(mails.rows[0]?.n).toBe(8);
  });
});
