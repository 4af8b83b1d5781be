import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulkInvitationPlan, BulkInvitationRun } from "../../../contracts/bulk-invitations.js";
import type { GrantSummary } from "../../../contracts/grants.js";
import {
  createGrantsWorld,
  type GrantsWorld,
  insertPerson,
} from "../../../tests/support/factories-grants.js";
import { createClientFile } from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { processBulkInvitation } from "./bulk-invitations.jobs.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

describe("bulk invitation from the client list (INV-3)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  let schmidt: string;
  let schmidtJunior: string;
  let empty: string;
  let erikId: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createGrantsWorld(t);
    const file = async (displayName: string) =>
      (
        await createClientFile(t.deps, w.firmId, {
          caseOwnerId: w.owner.userId,
          teamUserIds: [w.teamMember.userId],
          displayName,
        })
      ).id;
    schmidt = await file("Schmidt, Hans");
    schmidtJunior = await file("Schmidt, Jan");
    empty = await file("Leer, Akte");
    for (const [fileId, firstName] of [
      [schmidt, "Hans"],
      [schmidtJunior, "Jan"],
    ] as const)
      await insertPerson(t.deps, w.firmId, fileId, {
        firstName,
        lastName: "Schmidt",
        role: "holder",
        email: "familie.schmidt@example.test",
      });
    erikId = w.people.contact.id;
  });
  afterAll(() => t?.close());

  const selection = () => [w.klaraFile, w.companyFile, schmidt, schmidtJunior, empty, w.fileB];
  const outboxCount = async () =>
    Number(
      (
        await t.deps.database.owner.query<{ n: string }>(
          "select count(*) as n from mail_outbox where template in ('client-invitation', 'access-granted')",
        )
      ).rows[0]?.n,
    );
  async function finished(run: BulkInvitationRun, client = w.owner.client) {
    let current = run;
    await expect
      .poll(
        async () => {
          current = (await client.get<BulkInvitationRun>(`/api/invitations/bulk/${run.id}`)).body;
          return current.status;
        },
        { timeout: 60_000 },
      )
      .toBe("done");
    return current;
  }

  it("plans first: missing addresses, shared addresses and what would be skipped; nothing is sent", async () => {
    const before = await outboxCount();
    const res = await w.owner.client.post<BulkInvitationPlan>("/api/invitations/bulk/plan", {
      fileIds: selection(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ files: 6, ready: 3, alreadyInvited: 0, alreadyActive: 0 });
    expect(res.body.missingEmail).toEqual([
      { fileId: w.companyFile, fileName: "Musterfirma", personId: erikId, personName: "Erik Berg" },
    ]);
    expect(res.body.sharedEmails).toEqual([
      {
        email: "familie.schmidt@example.test",
        persons: [
          expect.objectContaining({ fileId: schmidt }),
          expect.objectContaining({ fileId: schmidtJunior }),
        ],
      },
    ]);
    expect(res.body.noPerson.map((f) => f.fileId)).toEqual([empty]);
    expect(res.body.notAllowed.map((f) => f.fileId)).toEqual([w.fileB]);
    // With the missing address filled in, it is ready too.
    const filled = await w.owner.client.post<BulkInvitationPlan>("/api/invitations/bulk/plan", {
      fileIds: selection(),
      emails: [{ personId: erikId, email: "erik.berg@musterfirma.test" }],
    });
    expect(filled.body).toMatchObject({ ready: 4, missingEmail: [] });
    expect(await outboxCount()).toBe(before);
  });

  it("invites in the background with the filled-in address, bundles a shared address, and sums up", async () => {
    const res = await w.owner.client.post<BulkInvitationRun>("/api/invitations/bulk", {
      fileIds: selection(),
      emails: [{ personId: erikId, email: "Erik.Berg@musterfirma.test" }],
      sharedEmails: "bundle",
      salutation: "formal",
      personalMessage: "Ab sofort finden Sie Ihre Verträge im Portal.",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: "running", total: 6 });
    const run = await finished(res.body);
    expect(run).toMatchObject({ processed: 6, invited: 4, notified: 0, skipped: 2 });
    expect(run.skips.map((s) => [s.fileId, s.reason])).toEqual(
      expect.arrayContaining([
        [empty, "no_person"],
        [w.fileB, "not_found"],
      ]),
    );
    expect(run.skips.find((s) => s.reason === "no_person")?.message).toMatch(/holder or contact/);
    // Three mails: Klara, Erik at the address filled in, and one for the Schmidts' shared address.
    for (const to of ["klara@example.test", "erik.berg@musterfirma.test", "familie.schmidt@example.test"])
      await t.sink.waitFor((m) => m.to.includes(to), { timeoutMs: 20_000 });
    const schmidtMails = t.sink.mails.filter((m) => m.to.includes("familie.schmidt@example.test"));
    expect(schmidtMails).toHaveLength(1);
    expect(schmidtMails[0]?.text).toContain("Ab sofort finden Sie Ihre Verträge im Portal.");
    const grants = await w.owner.client.get<{ items: GrantSummary[] }>(`/api/grants?clientFileId=${schmidt}`);
    expect(grants.body.items).toHaveLength(1);
    expect(grants.body.items[0]?.files.map((f) => f.id).sort()).toEqual([schmidt, schmidtJunior].sort());
  });

  it("re-submitting invites no one twice; running the job again or twice at once sends nothing more", async () => {
    const before = await outboxCount();
    const res = await w.owner.client.post<BulkInvitationRun>("/api/invitations/bulk", {
      fileIds: selection(),
    });
    const run = await finished(res.body);
    expect(run).toMatchObject({ invited: 0, notified: 0, skipped: 6 });
    expect(run.skips.filter((s) => s.reason === "already_invited")).toHaveLength(4);
    await Promise.all([
      processBulkInvitation(t.deps, { firmId: w.firmId, runId: run.id }),
      processBulkInvitation(t.deps, { firmId: w.firmId, runId: run.id }),
    ]);
    expect(await outboxCount()).toBe(before);
  });

  it("skips files the staff member may not manage; another firm's admin sees no run", async () => {
    const file = await createClientFile(t.deps, w.firmId, {
      caseOwnerId: w.owner.userId,
      teamUserIds: [w.teamMember.userId],
      displayName: "Neu, Nina",
    });
    await insertPerson(t.deps, w.firmId, file.id, {
      firstName: "Nina",
      lastName: "Neu",
      role: "holder",
      email: "nina@example.test",
    });
    const res = await w.teamMember.client.post<BulkInvitationRun>("/api/invitations/bulk", {
      fileIds: [file.id],
    });
    expect(res.status).toBe(202);
    const run = await finished(res.body, w.teamMember.client);
    expect(run.skips.map((s) => s.reason)).toEqual(["not_allowed"]);
    expect((await w.adminB.client.get(`/api/invitations/bulk/${run.id}`)).status).toBe(404);
    expect((await w.stranger.client.get(`/api/invitations/bulk/${run.id}`)).status).toBe(404);
  });

  it("refuses a bad request naming the field", async () => {
    const res = await w.owner.client.post<ErrorBody>("/api/invitations/bulk", {
      fileIds: [w.klaraFile],
      emails: [{ personId: erikId, email: "not an address" }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.fields?.[0]?.field).toBe("emails.0.email");
    const none = await w.owner.client.post<ErrorBody>("/api/invitations/bulk", { fileIds: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.details?.fields?.[0]?.field).toBe("fileIds");
  });
});
