import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  PortalAddressList,
  PortalClaimList,
  PortalContractList,
  PortalDocumentList,
  PortalDonationList,
  PortalMe,
  PortalOverview,
  PortalPersonList,
} from "../../../contracts/portal.js";
import { portalLists } from "../../../contracts/portal.js";
import { signedInPortalAccount } from "../../../tests/support/factories-grants.js";
import {
  auditWithAction,
  idsOf,
  previewAs,
  type Seed004World,
  seed004World,
} from "../../../tests/support/portal-world.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { firms } from "../firms/firms.tables.js";
import { grants } from "../grants/grants.tables.js";

describe("the portal's read API on the seed-004 example", () => {
  let t: TestApp;
  let w: Seed004World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004World(t);
  });
  afterAll(() => t?.close());

  it("lists Klara's firm with both bundled files and the grant they come through", async () => {
    const res = await w.klara.client.get<PortalMe>("/api/portal/me");
    expect(res.status).toBe(200);
    expect(res.body.viewer).toEqual({ kind: "account", name: "Klara Muster", granteeId: null });
    expect(res.body.firms).toHaveLength(1);
    const firm = res.body.firms[0];
    expect(firm).toMatchObject({ id: w.firmId, name: "Musterberatung", logoUrl: null });
    expect(firm?.primaryColor).toMatch(/^#/);
    expect(firm?.files.map((f) => f.displayName).sort()).toEqual(["Muster, Klara", "Musterfirma"]);
    expect(firm?.files[0]?.grants[0]).toMatchObject({
      id: w.grant.id,
      name: "Klara und Musterfirma",
      access: "read_write",
      role: "holder",
      status: "active",
      view: "private",
    });
  });

  it("shares HRV and KFZ contracts automatically, with category and line, and not the third line", async () => {
    const klara = await w.klara.client.get<PortalContractList>(w.url(w.klaraFile, "contracts"));
    expect(klara.status).toBe(200);
    expect(idsOf(klara.body.contracts)).toEqual([w.contract.klaraHrv, w.contract.klaraForeignHrv].sort());
    const hrv = klara.body.contracts.find((c) => c.id === w.contract.klaraHrv);
    expect(hrv).toMatchObject({
      category: "policy",
      lineOfBusiness: { code: "HRV", name: "Household contents" },
    });
    expect(hrv?.editable).toBe(false);
    expect(klara.body.contracts.find((c) => c.id === w.contract.klaraForeignHrv)?.editable).toBe(true);
    expect(JSON.stringify(klara.body)).not.toContain("externalId");
    const company = await w.klara.client.get<PortalContractList>(w.url(w.companyFile, "contracts"));
    expect(idsOf(company.body.contracts)).toEqual([w.contract.companyKfz]);
    // Max reads the same contracts and may change none of them.
    const max = await w.max.client.get<PortalContractList>(w.url(w.klaraFile, "contracts"));
    expect(idsOf(max.body.contracts)).toEqual(idsOf(klara.body.contracts));
    expect(max.body.contracts.every((c) => !c.editable)).toBe(true);
  });

  it("hides claims and addresses tied to the hidden contract", async () => {
    const claims = await w.klara.client.get<PortalClaimList>(w.url(w.klaraFile, "claims"));
    expect(idsOf(claims.body.claims)).toEqual([w.claim.onHrv, w.claim.free].sort());
    expect(claims.body.claims.find((c) => c.id === w.claim.onHrv)?.contract?.lineOfBusiness?.code).toBe(
      "HRV",
    );
    const addresses = await w.klara.client.get<PortalAddressList>(w.url(w.klaraFile, "addresses"));
    expect(idsOf(addresses.body.addresses)).toEqual([w.address.onHrv]);
    expect(addresses.body.addresses[0]?.contracts.map((c) => c.id)).toEqual([w.contract.klaraHrv]);
  });

  it("lists the donations with the persons' names", async () => {
    const res = await w.klara.client.get<PortalDonationList>(w.url(w.klaraFile, "donations"));
    expect(res.body.donations).toHaveLength(1);
    expect(res.body.donations[0]).toMatchObject({
      donor: { personId: w.person.klara, name: "Klara Muster" },
      beneficiary: { personId: w.person.lena, name: "Lena Muster" },
      amount: "5000.00",
      editable: true,
    });
    expect(res.body.canCreate).toBe(true);
  });

  it("shows others' contact details only to holders, co-holders and read_write grantees; one's own always", async () => {
    const asMax = await w.max.client.get<PortalPersonList>(w.url(w.klaraFile, "persons"));
    expect(asMax.status).toBe(200);
    const klaraSeenByMax = asMax.body.persons.find((p) => p.id === w.person.klara);
    expect(klaraSeenByMax).toMatchObject({
      firstName: "Klara",
      email: null,
      phoneE164: null,
      birthDate: null,
      contactDetailsShown: false,
      isViewer: false,
    });
    expect(asMax.body.persons.find((p) => p.id === w.person.max)).toMatchObject({
      email: "max@example.test",
      phoneE164: "+49301234568",
      birthDate: "1979-01-15",
      isViewer: true,
      contactDetailsShown: true,
    });
    const asKlara = await w.klara.client.get<PortalPersonList>(w.url(w.klaraFile, "persons"));
    expect(asKlara.body.persons.find((p) => p.id === w.person.max)?.email).toBe("max@example.test");
    const asBernd = await w.bernd.client.get<PortalPersonList>(w.url(w.klaraFile, "persons"));
    expect(asBernd.body.persons.find((p) => p.id === w.person.klara)?.birthDate).toBe("1980-04-02");
    // Holders first.
    expect(asKlara.body.persons[0]?.role).toBe("holder");
  });

  it("lists shared documents only — not unshared ones, not those on a hidden contract — without storage keys", async () => {
    const res = await w.klara.client.get<PortalDocumentList>(w.url(w.klaraFile, "documents"));
    expect(idsOf(res.body.documents)).toEqual([w.document.shared.id]);
    expect(res.body.documents[0]).toMatchObject({
      title: "Policy HRV",
      category: { key: "policy" },
      version: 1,
      contentType: "application/pdf",
      previewable: true,
      contractId: w.contract.klaraHrv,
    });
    expect(res.body.documents[0]?.sizeBytes).toBe(w.document.shared.bytes.length);
    expect(JSON.stringify(res.body)).not.toMatch(/storage|documents\//i);
  });

  it("downloads a shared document with the SEC-15 headers and audits it with the viewer", async () => {
    const url = w.url(w.klaraFile, `documents/${w.document.shared.id}/download`);
    const res = await t.app.inject({ method: "GET", url, headers: { cookie: w.max.client.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(w.document.shared.bytes)).toBe(true);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Policy HRV u.pdf"; filename*=UTF-8''Policy%20HRV%20%C3%BC.pdf`,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("no-store");
    const inline = await t.app.inject({
      method: "GET",
      url: `${url}?inline=1`,
      headers: { cookie: w.max.client.cookie },
    });
    expect(inline.headers["content-disposition"]).toMatch(/^inline;/);
    expect(inline.headers["content-security-policy"]).toContain("sandbox");
    const events = await auditWithAction(t, w.firmId, "document.portal_download");
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actorUserId: w.max.userId,
      actorKind: "client",
      entityId: w.document.shared.id,
      clientFileId: w.klaraFile,
    });
    expect(events[0]?.after).toMatchObject({ version: 1, via: "portal", grantIds: [w.grant.id] });
    for (const hidden of [w.document.unshared.id, w.document.onHiddenContract.id]) {
      const refused = await t.app.inject({
        method: "GET",
        url: w.url(w.klaraFile, `documents/${hidden}/download`),
        headers: { cookie: w.max.client.cookie },
      });
      expect(refused.statusCode).toBe(404);
    }
    expect(await auditWithAction(t, w.firmId, "document.portal_download")).toHaveLength(2);
  });

  it("presents the overview as the grant says: private view, cover by risk with yearly premiums, case handler", async () => {
    const res = await w.klara.client.get<PortalOverview>(w.url(w.klaraFile, "overview"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      file: { id: w.klaraFile, kind: "private", displayName: "Muster, Klara" },
      view: "private",
      showProductName: false,
      caseHandler: { name: "Olga Owner" },
      features: ["messages", "claim_reporting"],
      counts: { contracts: 2, assets: 2, claims: 2, addresses: 1, persons: 5, donations: 1, documents: 1 },
      tables: null,
      access: { level: "read_write", preview: false, canManageFamily: true },
    });
    expect(res.body.cover).toEqual([
      { label: "Household contents", contracts: 2, annualPremiums: [{ currency: "EUR", value: "150.00" }] },
    ]);
    expect(res.body.assetTotals).toEqual([
      { kind: "bank_account", currency: "EUR", value: "1000.50" },
      { kind: "real_estate", currency: "EUR", value: "350000.00" },
    ]);
    const max = await w.max.client.get<PortalOverview>(w.url(w.klaraFile, "overview"));
    expect(max.body.access).toMatchObject({
      level: "read",
      preview: false,
      canManageFamily: false,
    });
  });

  it("says which lists the grants share and which the viewer may change or add to, per access and role", async () => {
    const overview = async (client: typeof w.klara.client, headers?: Record<string, string>) =>
      (await client.get<PortalOverview>(w.url(w.klaraFile, "overview"), headers)).body;
    const all = (value: boolean) => Object.fromEntries(portalLists.map((list) => [list, value]));
    const holder = await overview(w.klara.client);
    expect(holder.shared).toEqual(all(true));
    // Claims and documents are the firm's to change; everything else the holder's role allows.
    expect(holder.access.mayChange).toEqual({ ...all(true), claims: false, documents: false });
    expect(holder.access.mayCreate).toEqual({ assets: true, donations: true });
    const family = await overview(w.max.client);
    expect(family.shared).toEqual(all(true));
    expect(family.access.mayChange).toEqual(all(false));
    expect(family.access.mayCreate).toEqual({ assets: false, donations: false });
    const advisor = await overview(w.bernd.client);
    expect(advisor.access.mayChange).toEqual({ ...all(false), persons: true, assets: true, donations: true });
    expect(advisor.access.mayCreate).toEqual({ assets: true, donations: true });
    const preview = await overview(w.owner.client, previewAs(w.grantee.klara));
    expect(preview.shared).toEqual(holder.shared);
    expect(preview.access.mayChange).toEqual(all(false));
    expect(preview.access.mayCreate).toEqual({ assets: false, donations: false });

    // A kind the grant stops sharing is neither shown nor changeable, whatever the role allows.
    const setGrant = (values: Partial<typeof grants.$inferInsert>) =>
      inFirm(t.deps.database, w.firmId, (tx) =>
        tx.db.update(grants).set(values).where(eq(grants.id, w.grant.id)),
      );
    await setGrant({ shareAssets: false, shareClaims: false, contractCategories: [] });
    try {
      const narrowed = await overview(w.klara.client);
      expect(narrowed.shared).toEqual({ ...all(true), contracts: false, assets: false, claims: false });
      expect(narrowed.access.mayChange).toMatchObject({ contracts: false, assets: false, persons: true });
      expect(narrowed.access.mayCreate).toEqual({ assets: false, donations: true });
      expect(narrowed.counts).toMatchObject({ contracts: 0, assets: 0, claims: 0 });
    } finally {
      await setGrant({
        shareAssets: true,
        shareClaims: true,
        contractCategories: ["policy", "own", "foreign"],
      });
    }
  });

  it("answers 404 for a file of the firm outside the viewer's grants, and 401 without a session", async () => {
    const { createClientFile } = await import("../../../tests/support/factories-records.js");
    const other = await createClientFile(t.deps, w.firmId, { caseOwnerId: w.owner.userId });
    for (const path of ["overview", "contracts", "persons", "documents"]) {
      const res = await w.klara.client.get(w.url(other.id, path));
      expect(res.status).toBe(404);
    }
    const anonymous = await t.app.inject({ method: "GET", url: w.url(w.klaraFile, "contracts") });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/portal/me" })).statusCode).toBe(401);
  });

  it("shows the firm's logo to its grantees only", async () => {
    const { tinyPng } = await import("../../../tests/support/factories-documents.js");
    const key = `${w.firmId}/logo/v1`;
    await t.deps.files.put(key, Readable.from([tinyPng]));
    await inFirm(t.deps.database, w.firmId, (tx) =>
      tx.db
        .update(firms)
        .set({ logoStorageKey: key, logoContentType: "image/png" })
        .where(eq(firms.firmId, w.firmId)),
    );
    const me = await w.max.client.get<PortalMe>("/api/portal/me");
    const logoUrl = me.body.firms[0]?.logoUrl ?? "";
    expect(logoUrl).toBe(`/api/portal/firms/${w.firmId}/logo?v=v1`);
    const logo = await t.app.inject({
      method: "GET",
      url: logoUrl,
      headers: { cookie: w.max.client.cookie },
    });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers["content-type"]).toBe("image/png");
    expect(logo.headers["x-content-type-options"]).toBe("nosniff");
    const stranger = await signedInPortalAccount(t);
    expect((await stranger.client.get(logoUrl)).status).toBe(404);
  });

  it("the business view brings the detailed tables; product names replace risks in the private cover", async () => {
    const setGrant = (values: Partial<typeof grants.$inferInsert>) =>
      inFirm(t.deps.database, w.firmId, (tx) =>
        tx.db.update(grants).set(values).where(eq(grants.id, w.grant.id)),
      );
    await setGrant({ showProductName: true });
    const privateView = await w.klara.client.get<PortalOverview>(w.url(w.klaraFile, "overview"));
    expect(privateView.body.cover.map((g) => g.label)).toEqual(["Hausrat Komfort", "Household contents"]);
    await setGrant({ view: "business", showCaseHandler: false });
    const business = await w.klara.client.get<PortalOverview>(w.url(w.klaraFile, "overview"));
    expect(business.body).toMatchObject({ view: "business", cover: [], caseHandler: null });
    expect(business.body.tables?.contracts.map((c) => c.id).sort()).toEqual(
      [w.contract.klaraHrv, w.contract.klaraForeignHrv].sort(),
    );
    expect(business.body.tables?.assets).toHaveLength(2);
    await setGrant({ view: "private", showProductName: false, showCaseHandler: true });
  });
});
