import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalContractList, PortalMe, PortalOverview } from "../../../contracts/portal.js";
import { createFirm } from "../../../tests/support/factories.js";
import { signedInStaff } from "../../../tests/support/factories-clients.js";
import { insertGrant, insertGrantee } from "../../../tests/support/factories-grants.js";
import { createClientFile, lineOfBusinessId } from "../../../tests/support/factories-records.js";
import {
  auditWithAction,
  idsOf,
  insertContract,
  insertPerson,
  previewAs,
  type Seed004World,
  seed004World,
} from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { grantees } from "../grants/grants.tables.js";

/** Everything a viewer reads of a file, with the "may I change it" flags left out (a preview never may). */
function withoutEditFlags(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === "editable" || key === "canCreate" ? undefined : v)),
  );
}

describe("portal request scoping: viewer, firm, preview", () => {
  let t: TestApp;
  let w: Seed004World;
  const setGrantee = (id: string, values: Partial<typeof grantees.$inferInsert>) =>
    inFirm(t.deps.database, w.firmId, (tx) => tx.db.update(grantees).set(values).where(eq(grantees.id, id)));

  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004World(t);
  });
  afterAll(() => t?.close());

  it("lock, revoke and expiry take effect on the very next request", async () => {
    const url = w.url(w.klaraFile, "contracts");
    expect((await w.max.client.get(url)).status).toBe(200);
    await setGrantee(w.grantee.max, { status: "locked" });
    expect((await w.max.client.get(url)).status).toBe(404);
    expect((await w.max.client.get<PortalMe>("/api/portal/me")).body.firms).toEqual([]);
    await setGrantee(w.grantee.max, {
      status: "active",
      expiresAt: new Date(t.clock.now().getTime() + 3_600_000),
    });
    expect((await w.max.client.get(url)).status).toBe(200);
    t.clock.advance(3_600_000);
    expect((await w.max.client.get(url)).status).toBe(404);
    expect((await w.max.client.get<PortalMe>("/api/portal/me")).body.firms).toEqual([]);
    await setGrantee(w.grantee.max, { expiresAt: null, status: "revoked" });
    expect((await w.max.client.get(url)).status).toBe(404);
    await setGrantee(w.grantee.max, { status: "active" });
    expect((await w.max.client.get(url)).status).toBe(200);
  });

  it("PORTAL-2: an account with grants at two firms lists both and is scoped to one firm per request", async () => {
    const firmB = await createFirm(t.deps, { name: "Another Firm", language: "en" });
    const ownerB = await signedInStaff(t, firmB.firmId, "advisor");
    const fileB = (await createClientFile(t.deps, firmB.firmId, { caseOwnerId: ownerB.userId })).id;
    const klaraB = await insertPerson(t, firmB.firmId, fileB, {
      role: "holder",
      firstName: "Klara",
      lastName: "M",
    });
    const contractB = await insertContract(t, firmB.firmId, fileB, {
      line: await lineOfBusinessId(t.deps, firmB.firmId, "KFZ"),
    });
    const grantB = await insertGrant(t.deps, firmB.firmId, {
      fileIds: [fileB],
      settings: { contractCategories: ["policy"] },
    });
    await insertGrantee(t.deps, firmB.firmId, {
      grantId: grantB.id,
      personId: klaraB,
      accountId: w.klara.userId,
    });

    const me = await w.klara.client.get<PortalMe>("/api/portal/me");
    expect(me.body.firms.map((f) => f.name)).toEqual(["Another Firm", "Musterberatung"]);
    expect(me.body.firms[0]?.files.map((f) => f.id)).toEqual([fileB]);

    const inB = await w.klara.client.get<PortalContractList>(
      `/api/portal/firms/${firmB.firmId}/files/${fileB}/contracts`,
    );
    expect(idsOf(inB.body.contracts)).toEqual([contractB]);
    // The same file under the other firm's scope does not exist, and vice versa.
    expect((await w.klara.client.get(`/api/portal/firms/${w.firmId}/files/${fileB}/contracts`)).status).toBe(
      404,
    );
    expect(
      (await w.klara.client.get(`/api/portal/firms/${firmB.firmId}/files/${w.klaraFile}/contracts`)).status,
    ).toBe(404);
    // Max has no grant at firm B.
    expect(
      (await w.max.client.get(`/api/portal/firms/${firmB.firmId}/files/${fileB}/contracts`)).status,
    ).toBe(404);
  });

  it("GRANT-8: staff previewing a grantee see exactly what the grantee sees, marked as a preview", async () => {
    const headers = previewAs(w.grantee.klara);
    for (const fileId of [w.klaraFile, w.companyFile])
      for (const path of [
        "contracts",
        "assets",
        "claims",
        "addresses",
        "persons",
        "donations",
        "documents",
      ]) {
        const asKlara = await w.klara.client.get(w.url(fileId, path));
        const preview = await w.owner.client.get(w.url(fileId, path), headers);
        expect(preview.status, path).toBe(200);
        expect(withoutEditFlags(preview.body), path).toEqual(withoutEditFlags(asKlara.body));
      }
    const overview = await w.owner.client.get<PortalOverview>(w.url(w.klaraFile, "overview"), headers);
    const klaraOverview = await w.klara.client.get<PortalOverview>(w.url(w.klaraFile, "overview"));
    const nothing = { contracts: false, assets: false, claims: false, addresses: false, persons: false };
    expect(overview.body.access).toEqual({
      ...klaraOverview.body.access,
      preview: true,
      mayChange: { ...nothing, donations: false, documents: false },
      mayCreate: { assets: false, donations: false },
    });
    expect({ ...overview.body, access: null }).toEqual({ ...klaraOverview.body, access: null });

    const me = await w.owner.client.get<PortalMe>("/api/portal/me", headers);
    expect(me.body.viewer).toEqual({ kind: "preview", name: "Klara Muster", granteeId: w.grantee.klara });
    const klaraMe = await w.klara.client.get<PortalMe>("/api/portal/me");
    const atThisFirm = klaraMe.body.firms.filter((f) => f.id === w.firmId);
    expect(me.body.firms).toEqual(atThisFirm);
  });

  it("a preview download is audited with the staff member and the grantee previewed", async () => {
    const url = w.url(w.klaraFile, `documents/${w.document.shared.id}/download`);
    const res = await t.app.inject({
      method: "GET",
      url,
      headers: { cookie: w.owner.client.cookie, ...previewAs(w.grantee.max) },
    });
    expect(res.statusCode).toBe(200);
    const [event] = await auditWithAction(t, w.firmId, "document.portal_download");
    expect(event).toMatchObject({ actorUserId: w.owner.userId, actorKind: "staff" });
    expect(event?.after).toMatchObject({ via: "preview", previewOfGranteeId: w.grantee.max });
  });

  it("a preview shows a pending grantee, but never more than the staff member may read", async () => {
    const pending = await insertGrantee(t.deps, w.firmId, {
      grantId: w.grant.id,
      personId: w.person.oma,
      access: "read",
      name: "Erna Muster",
    });
    const res = await w.owner.client.get<PortalContractList>(
      w.url(w.klaraFile, "contracts"),
      previewAs(pending.id),
    );
    expect(res.status).toBe(200);
    expect(res.body.contracts.length).toBeGreaterThan(0);
    // An assistant who is not on the files cannot look at them through a preview.
    const assistant = await w.assistant.client.get(
      w.url(w.klaraFile, "contracts"),
      previewAs(w.grantee.klara),
    );
    expect(assistant.status).toBe(404);
    const assistantMe = await w.assistant.client.get<PortalMe>("/api/portal/me", previewAs(w.grantee.klara));
    expect(assistantMe.body.firms).toEqual([]);
  });

  it("a preview of another firm, of an unknown or malformed grantee answers 404; a client sending the header 403", async () => {
    const firmB = await createFirm(t.deps);
    const adminB = await signedInStaff(t, firmB.firmId, "admin");
    expect(
      (await adminB.client.get(w.url(w.klaraFile, "contracts"), previewAs(w.grantee.klara))).status,
    ).toBe(404);
    expect((await adminB.client.get("/api/portal/me", previewAs(w.grantee.klara))).status).toBe(404);
    expect((await w.owner.client.get(w.url(w.klaraFile, "contracts"), previewAs(w.klaraFile))).status).toBe(
      404,
    );
    expect(
      (await w.owner.client.get(w.url(w.klaraFile, "contracts"), { "x-atrium-preview": "nope" })).status,
    ).toBe(404);
    expect((await w.klara.client.get(w.url(w.klaraFile, "contracts"), previewAs(w.grantee.max))).status).toBe(
      403,
    );
    // Without the header, staff are no grantees here: nothing to see.
    expect((await w.owner.client.get(w.url(w.klaraFile, "contracts"))).status).toBe(404);
  });

  it("a staff member of another firm who is also a grantee here uses the portal as a client", async () => {
    const firmB = await createFirm(t.deps);
    const staffB = await signedInStaff(t, firmB.firmId, "admin", "Stefan Staff");
    await insertGrantee(t.deps, w.firmId, {
      grantId: w.grant.id,
      personId: w.person.lena,
      accountId: staffB.userId,
      access: "read_write",
    });
    const me = await staffB.client.get<PortalMe>("/api/portal/me");
    expect(me.body.firms.map((f) => f.id)).toEqual([w.firmId]);
    const res = await staffB.client.patch(w.url(w.klaraFile, `assets/${w.ids.asset}`), { value: "1.00" });
    expect(res.status).toBe(200);
    const [event] = await auditWithAction(t, w.firmId, "portal.asset.update");
    expect(event).toMatchObject({ actorUserId: staffB.userId, actorKind: "client" });
  });
});
