import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantDetail, GrantList } from "../../../contracts/grants.js";
import {
  createGrantsWorld,
  type GrantsWorld,
  insertPolicy,
} from "../../../tests/support/factories-grants.js";
import { auditOf, fieldsOf } from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe("grants (GRANT-1, GRANT-3 … GRANT-6)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createGrantsWorld(t);
  });
  afterAll(() => t?.close());

  const setPolicy = async (accessManagedBy: string) => {
    const res = await w.admin.client.patch("/api/firm/policies", { accessManagedBy });
    expect(res.status).toBe(200);
  };

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await w.owner.client.post<GrantDetail>("/api/grants", {
      name: "Klara und Musterfirma",
      fileIds: [w.klaraFile, w.companyFile],
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it("creates the seed-004 grant: two files, HRV and KFZ shared automatically, audited", async () => {
    const grant = await create({
      settings: {
        shareClaims: true,
        shareAddresses: true,
        contractCategories: ["policy", "own"],
        lineOfBusinessIds: [w.lines.HRV, w.lines.KFZ],
        features: ["messages", "claim_reporting"],
        view: "business",
        caseHandlerId: w.owner.userId,
      },
    });
    expect(grant).toMatchObject({
      name: "Klara und Musterfirma",
      contractMode: "categories",
      view: "business",
      granteeCounts: { total: 0, active: 0, pending: 0 },
      manualContracts: [],
      grantees: [],
    });
    expect(grant.files.map((f) => f.displayName).sort()).toEqual(["Muster, Klara", "Musterfirma"]);
    expect(grant.settings).toMatchObject({
      shareAssets: true,
      shareClaims: true,
      contractCategories: ["policy", "own"],
      lineOfBusinessIds: [w.lines.HRV, w.lines.KFZ],
      caseHandlerId: w.owner.userId,
      showCaseHandler: true,
    });
    const audit = await auditOf(t.deps, w.firmId, grant.id);
    expect(audit.map((a) => [a.action, a.entityType])).toEqual([["grant.create", "grant"]]);
    expect(audit[0]?.after).toMatchObject({ fileIds: expect.arrayContaining([w.klaraFile]) });
  });

  it("starts from a profile and takes the settings sent over it", async () => {
    const profiles = (
      await w.owner.client.get<{ items: Array<{ id: string; key: string | null }> }>("/api/grant-profiles")
    ).body.items;
    const company = profiles.find((p) => p.key === "company_employee");
    const grant = await create({ profileId: company?.id, settings: { shareClaims: true } });
    expect(grant.settings).toMatchObject({
      view: "business",
      sharePersons: false,
      shareClaims: true,
      contractCategories: ["policy"],
    });
  });

  it("lists grants with files and grantee counts, all or per file; GET answers the detail", async () => {
    const grant = await create({ name: "Nur Klara", fileIds: [w.klaraFile] });
    const all = await w.teamMember.client.get<GrantList>("/api/grants");
    expect(all.status).toBe(200);
    expect(all.body.items.map((g) => g.id)).toContain(grant.id);
    const company = await w.owner.client.get<GrantList>(`/api/grants?clientFileId=${w.companyFile}`);
    expect(company.body.items.map((g) => g.id)).not.toContain(grant.id);
    expect(company.body.items.every((g) => g.files.some((f) => f.id === w.companyFile))).toBe(true);
    const got = await w.assistant.client.get<GrantDetail>(`/api/grants/${grant.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: grant.id, name: "Nur Klara" });
    // A staff member on neither file sees no grant and cannot open one.
    expect((await w.stranger.client.get<GrantList>("/api/grants")).body.items).toEqual([]);
    expect((await w.stranger.client.get(`/api/grants/${grant.id}`)).status).toBe(404);
    expect((await w.stranger.client.get(`/api/grants?clientFileId=${w.klaraFile}`)).status).toBe(404);
  });

  it("renames and changes settings (only the fields sent), audited with before and after", async () => {
    const grant = await create();
    const res = await w.admin.client.patch<GrantDetail>(`/api/grants/${grant.id}`, {
      name: "Familie Muster",
      settings: { shareDonations: true, contractMode: "manual" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Familie Muster", contractMode: "manual" });
    expect(res.body.settings).toMatchObject({ shareDonations: true, shareAssets: true });
    const audit = await auditOf(t.deps, w.firmId, grant.id);
    expect(audit.at(-1)).toMatchObject({ action: "grant.update" });
    expect(audit.at(-1)?.before).toMatchObject({ name: "Klara und Musterfirma" });
  });

  it("sets files and the manual contract list, which must be contracts of bundled files", async () => {
    const grant = await create({ fileIds: [w.klaraFile] });
    const contracts = await w.owner.client.request<GrantDetail>("PUT", `/api/grants/${grant.id}/contracts`, {
      contractIds: [w.contractIds.klaraHrv],
    });
    expect(contracts.status).toBe(200);
    expect(contracts.body.manualContracts).toEqual([
      expect.objectContaining({ id: w.contractIds.klaraHrv, category: "policy", clientFileId: w.klaraFile }),
    ]);
    const outside = await w.owner.client.request("PUT", `/api/grants/${grant.id}/contracts`, {
      contractIds: [w.contractIds.companyKfz],
    });
    expect(outside.status).toBe(400);
    expect(fieldsOf(outside.body)).toEqual(["contractIds"]);

    const files = await w.owner.client.request<GrantDetail>("PUT", `/api/grants/${grant.id}/files`, {
      fileIds: [w.companyFile],
    });
    expect(files.status).toBe(200);
    expect(files.body.files.map((f) => f.id)).toEqual([w.companyFile]);
    // The contract of the file that left is no longer on the list.
    expect(files.body.manualContracts).toEqual([]);
    const actions = (await auditOf(t.deps, w.firmId, grant.id)).map((a) => a.action);
    expect(actions).toEqual(["grant.create", "grant.contracts", "grant.files"]);
  });

  it("deletes a grant, audited", async () => {
    const grant = await create();
    expect((await w.owner.client.delete(`/api/grants/${grant.id}`)).status).toBe(204);
    expect((await w.owner.client.get(`/api/grants/${grant.id}`)).status).toBe(404);
    expect((await auditOf(t.deps, w.firmId, grant.id)).at(-1)).toMatchObject({
      action: "grant.delete",
      after: null,
    });
  });

  it("refuses invalid input, naming each field", async () => {
    const foreignLine = (await insertPolicy(t.deps, w.firmB, w.fileB, { lineOfBusinessId: null })).id;
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ name: "" }, ["name"]],
      [{ fileIds: [] }, ["fileIds"]],
      [{ fileIds: ["nope"] }, ["fileIds.0"]],
      [{ settings: { view: "fancy" } }, ["settings.view"]],
      [{ settings: { contractCategories: ["gold"] } }, ["settings.contractCategories.0"]],
      [{ settings: { colour: "red" } }, ["settings.colour"]],
      [{ settings: { lineOfBusinessIds: [foreignLine] } }, ["settings.lineOfBusinessIds"]],
      [{ settings: { documentCategoryIds: [w.lines.HRV] } }, ["settings.documentCategoryIds"]],
      [{ settings: { caseHandlerId: w.adminB.userId } }, ["settings.caseHandlerId"]],
      [{ profileId: w.lines.HRV }, ["profileId"]],
      [{ manualContractIds: [w.contractIds.companyKfz] }, ["manualContractIds"]],
      [{ extra: 1 }, ["extra"]],
    ];
    for (const [patch, fields] of cases) {
      const res = await w.owner.client.post("/api/grants", {
        name: "X",
        fileIds: [w.klaraFile],
        ...patch,
      });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(patch)).toEqual(fields);
    }
    const grant = await create();
    const bad = await w.owner.client.patch(`/api/grants/${grant.id}`, { settings: { features: ["fax"] } });
    expect(fieldsOf(bad.body)).toEqual(["settings.features.0"]);
    const files = await w.owner.client.request("PUT", `/api/grants/${grant.id}/files`, { fileIds: [] });
    expect(fieldsOf(files.body)).toEqual(["fileIds"]);
  });

  it("GRANT-6 a team member or assistant the policy does not allow gets 403 with the reason", async () => {
    const grant = await create();
    for (const member of [w.teamMember, w.assistant]) {
      const res = await member.client.post<ErrorBody>("/api/grants", { name: "X", fileIds: [w.klaraFile] });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain("case owner and administrators");
      expect(res.body.error.details).toMatchObject({ policy: "accessManagedBy" });
      expect((await member.client.patch(`/api/grants/${grant.id}`, { name: "Y" })).status).toBe(403);
      expect((await member.client.delete(`/api/grants/${grant.id}`)).status).toBe(403);
      const put = await member.client.request("PUT", `/api/grants/${grant.id}/files`, {
        fileIds: [w.klaraFile],
      });
      expect(put.status).toBe(403);
    }
    // The admin may, under the default policy.
    expect((await w.admin.client.patch(`/api/grants/${grant.id}`, { name: "Z" })).status).toBe(200);
  });

  it("GRANT-6 follows the firm policy: case owner only, admins only", async () => {
    const grant = await create();
    try {
      await setPolicy("case_owner");
      const admin = await w.admin.client.patch<ErrorBody>(`/api/grants/${grant.id}`, { name: "A" });
      expect(admin.status).toBe(403);
      expect(admin.body.error.message).toContain("only the file's case owner");
      expect((await w.owner.client.patch(`/api/grants/${grant.id}`, { name: "O" })).status).toBe(200);
      await setPolicy("admins");
      const owner = await w.owner.client.patch<ErrorBody>(`/api/grants/${grant.id}`, { name: "O" });
      expect(owner.status).toBe(403);
      expect(owner.body.error.message).toContain("only administrators");
      expect((await w.admin.client.patch(`/api/grants/${grant.id}`, { name: "A" })).status).toBe(200);
    } finally {
      await setPolicy("case_owner_and_admins");
    }
  });

  it("a staff member must be allowed on every bundled file", async () => {
    // The stranger owns a file of their own, but not Klara's: a grant over both answers 404.
    const { createClientFile } = await import("../../../tests/support/factories-records.js");
    const own = await createClientFile(t.deps, w.firmId, { caseOwnerId: w.stranger.userId });
    const res = await w.stranger.client.post("/api/grants", { name: "X", fileIds: [own.id, w.klaraFile] });
    expect(res.status).toBe(404);
    expect((await w.stranger.client.post("/api/grants", { name: "X", fileIds: [own.id] })).status).toBe(201);
  });

  it("SEC-11 another firm's grant, file or contract answers 404", async () => {
    const grant = await create();
    const b = w.adminB.client;
    expect((await b.get(`/api/grants/${grant.id}`)).status).toBe(404);
    expect((await b.patch(`/api/grants/${grant.id}`, { name: "X" })).status).toBe(404);
    expect((await b.delete(`/api/grants/${grant.id}`)).status).toBe(404);
    expect((await b.request("PUT", `/api/grants/${grant.id}/files`, { fileIds: [w.fileB] })).status).toBe(
      404,
    );
    expect((await b.post("/api/grants", { name: "X", fileIds: [w.klaraFile] })).status).toBe(404);
    expect((await b.get<GrantList>("/api/grants")).body.items).toEqual([]);
    expect((await w.owner.client.post("/api/grants", { name: "X", fileIds: [w.fileB] })).status).toBe(404);
  });
});
