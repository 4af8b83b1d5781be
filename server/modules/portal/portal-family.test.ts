import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FamilyAccess } from "../../../contracts/portal.js";
import type { ErrorBody } from "../../../tests/support/documents-world.js";
import {
  accessChangedMails,
  createPortalAccount,
  insertGrantee,
  linkGranteeAccount,
  signedInPortalAccount,
} from "../../../tests/support/factories-grants.js";
import { auditOf, fieldsOf } from "../../../tests/support/factories-records.js";
import {
  firmSnapshot,
  insertPerson,
  type Seed004World,
  seed004World,
} from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { grantees } from "../grants/grants.tables.js";

describe("PORTAL-9: holders give family members access from the portal", () => {
  let t: TestApp;
  let w: Seed004World;
  let url: string;
  const put = (client: Seed004World["klara"]["client"], body: unknown) =>
    client.request<FamilyAccess & ErrorBody>("PUT", url, body);
  const granteeOf = async (personId: string) => {
    const [row] = await inFirm(t.deps.database, w.firmId, (tx) =>
      tx.db.select().from(grantees).where(eq(grantees.personId, personId)),
    );
    return row;
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004World(t);
    url = w.url(w.klaraFile, "family-access");
  });
  afterAll(() => t?.close());

  it("lists the family members (not advisors, not herself) with the access her grant gives them", async () => {
    const res = await w.klara.client.get<FamilyAccess>(url);
    expect(res.status).toBe(200);
    expect(res.body.maxLevel).toBe("read_write");
    expect(res.body.members.map((m) => [m.name, m.role, m.access, m.changeable])).toEqual([
      ["Erna Muster", "relative", "none", true],
      ["Lena Muster", "child", "none", true],
      ["Max Muster", "partner", "read", false],
    ]);
  });

  it("gives, raises, takes back and gives again; pending until invited, audited as hers", async () => {
    const given = await put(w.klara.client, { personId: w.person.oma, access: "read" });
    expect(given.status).toBe(200);
    expect(given.body.members.find((m) => m.personId === w.person.oma)).toMatchObject({
      access: "read",
      status: "pending",
      grantedByPortal: true,
      changeable: true,
    });
    const row = await granteeOf(w.person.oma);
    expect(row).toMatchObject({ grantId: w.grant.id, email: "erna@example.test", grantedByPortal: true });
    expect((await put(w.klara.client, { personId: w.person.oma, access: "read_write" })).status).toBe(200);
    expect((await granteeOf(w.person.oma))?.access).toBe("read_write");
    const none = await put(w.klara.client, { personId: w.person.oma, access: "none" });
    expect(none.body.members.find((m) => m.personId === w.person.oma)).toMatchObject({
      access: "none",
      status: "revoked",
    });
    expect((await put(w.klara.client, { personId: w.person.oma, access: "read" })).status).toBe(200);
    expect((await granteeOf(w.person.oma))?.status).toBe("pending");
    const events = await auditOf(t.deps, w.firmId, row?.id ?? "");
    expect(events.map((e) => e.action)).toEqual([
      "portal.grantee.create",
      "portal.grantee.update",
      "portal.grantee.revoke",
      "portal.grantee.update",
    ]);
    expect(events[0]).toMatchObject({
      actorUserId: w.klara.userId,
      actorKind: "client",
      clientFileId: w.klaraFile,
    });
  });

  it("refuses outside advisors, herself, what the firm gave, and persons without email — naming why", async () => {
    const before = await firmSnapshot(t, w.firmId);
    const advisor = await put(w.klara.client, { personId: w.person.bernd, access: "read" });
    expect(advisor.status).toBe(403);
    expect(advisor.body.error.message).toMatch(/Outside advisors get access only from your advisor/);
    const self = await put(w.klara.client, { personId: w.person.klara, access: "read" });
    expect(self.status).toBe(403);
    const byFirm = await put(w.klara.client, { personId: w.person.max, access: "read_write" });
    expect(byFirm.status).toBe(403);
    expect(byFirm.body.error.message).toMatch(/only your advisor can change it/);
    const noEmail = await put(w.klara.client, { personId: w.person.lena, access: "read" });
    expect(noEmail.status).toBe(400);
    expect(fieldsOf(noEmail.body)).toEqual(["personId"]);
    const elsewhere = await put(w.klara.client, { personId: w.person.companyContact, access: "read" });
    expect(elsewhere.status).toBe(404);
    expect(await firmSnapshot(t, w.firmId)).toBe(before);
  });

  it("only holders and co-holders with read_write of this household file may do it", async () => {
    const before = await firmSnapshot(t, w.firmId);
    const max = await w.max.client.get<ErrorBody>(url);
    expect(max.status).toBe(403);
    expect(max.body.error.message).toMatch(/Only the holder and co-holders/);
    expect((await put(w.max.client, { personId: w.person.oma, access: "read" })).status).toBe(403);
    expect((await put(w.bernd.client, { personId: w.person.oma, access: "read" })).status).toBe(403);
    const company = await w.klara.client.request<ErrorBody>("PUT", w.url(w.companyFile, "family-access"), {
      personId: w.person.companyContact,
      access: "read",
    });
    expect(company.status).toBe(403);
    expect(company.body.error.message).toMatch(/only on a household's file/);
    expect(await firmSnapshot(t, w.firmId)).toBe(before);

    await inFirm(t.deps.database, w.firmId, (tx) =>
      tx.db.update(grantees).set({ access: "read" }).where(eq(grantees.id, w.grantee.klara)),
    );
    const readOnly = await w.klara.client.get<ErrorBody>(url);
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.message).toMatch(/read-only/);
    await inFirm(t.deps.database, w.firmId, (tx) =>
      tx.db.update(grantees).set({ access: "read_write" }).where(eq(grantees.id, w.grantee.klara)),
    );
  });

  it("a co-holder with read_write manages it too", async () => {
    const paul = await insertPerson(t, w.firmId, w.klaraFile, {
      role: "co_holder",
      firstName: "Paul",
      lastName: "Muster",
      email: "paul@example.test",
    });
    const account = await signedInPortalAccount(t, { name: "Paul Muster" });
    await insertGrantee(t.deps, w.firmId, {
      grantId: w.grant.id,
      personId: paul,
      accountId: account.userId,
      access: "read_write",
    });
    const res = await account.client.get<FamilyAccess>(url);
    expect(res.status).toBe(200);
    expect(res.body.members.map((m) => m.name)).toContain("Erna Muster");
    expect(res.body.members.map((m) => m.personId)).not.toContain(paul);
  });

  it("a family member who already joined is told by mail when she raises or takes back their access", async () => {
    const tante = await insertPerson(t, w.firmId, w.klaraFile, {
      role: "relative",
      firstName: "Tilda",
      lastName: "Muster",
      email: "tilda@example.test",
    });
    expect((await put(w.klara.client, { personId: tante, access: "read" })).status).toBe(200);
    const account = await createPortalAccount(t.deps, { name: "Tilda Muster" });
    const row = await granteeOf(tante);
    await linkGranteeAccount(t.deps, w.firmId, row?.id ?? "", account.userId);
    expect(await accessChangedMails(t.deps, account.email)).toEqual([]);

    expect((await put(w.klara.client, { personId: tante, access: "read_write" })).status).toBe(200);
    expect((await put(w.klara.client, { personId: tante, access: "none" })).status).toBe(200);
    const mails = await accessChangedMails(t.deps, account.email);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.meta.granteeId)).toEqual([row?.id, row?.id]);
  });
});
