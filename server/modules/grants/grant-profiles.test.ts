import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Language } from "../../../contracts/common.js";
import type {
  GrantDetail,
  Grantee,
  GrantList,
  GrantProfile,
  GrantProfileList,
} from "../../../contracts/grants.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { insertPerson } from "../../../tests/support/factories-grants.js";
import {
  auditOf,
  createClientFile,
  fieldsOf,
  lineOfBusinessId,
} from "../../../tests/support/factories-records.js";
import { signedInClient } from "../../../tests/support/factories-staff.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

describe("grant profiles (GRANT-10)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  async function firmWith(language: Language) {
    const { firmId } = await createFirm(t.deps, { language });
    const admin = await createStaff(t.deps, firmId, { role: "admin" });
    const advisor = await createStaff(t.deps, firmId, { role: "advisor" });
    return {
      firmId,
      admin: { ...admin, client: await signedInClient(t, admin.email, admin.password) },
      advisor: { ...advisor, client: await signedInClient(t, advisor.email, advisor.password) },
    };
  }

  const list = async (client: Awaited<ReturnType<typeof firmWith>>["admin"]["client"]) => {
    const res = await client.get<GrantProfileList>("/api/grant-profiles");
    expect(res.status).toBe(200);
    return res.body.items;
  };

  it("every new firm starts with the four profiles, named in its language", async () => {
    const names: Record<Language, string[]> = {
      de: ["Haushalt — vollständig", "Haushalt — nur lesen", "Firma — Mitarbeitende", "Externe Beratung"],
      fr: ["Foyer — complet", "Foyer — lecture seule", "Entreprise — salarié", "Conseiller externe"],
      en: ["Household — full", "Household — read only", "Company — employee", "External advisor"],
    };
    for (const language of ["de", "fr", "en"] as const) {
      const firm = await firmWith(language);
      const { rows } = await t.deps.database.owner.query(
        "select name from grant_profiles where firm_id = $1",
        [firm.firmId],
      );
      expect(rows).toHaveLength(4);
      const items = await list(firm.advisor.client);
      expect(items.map((p) => p.name)).toEqual(names[language]);
      expect(items.every((p) => p.isDefault)).toBe(true);
    }
  });

  it("has sensible settings: full household read-write, read only, company business view, advisors without claims", async () => {
    const firm = await firmWith("en");
    const byKey = new Map((await list(firm.admin.client)).map((p) => [p.key, p]));
    expect(byKey.get("household_full")).toMatchObject({
      defaultAccess: "read_write",
      settings: {
        shareAssets: true,
        shareDonations: true,
        sharePersons: true,
        shareClaims: true,
        shareAddresses: true,
        contractCategories: ["own", "application", "policy", "offer", "request"],
        features: expect.arrayContaining(["messages", "document_confirmations"]),
      },
    });
    expect(byKey.get("household_read")).toMatchObject({ defaultAccess: "read" });
    expect(byKey.get("company_employee")).toMatchObject({
      defaultAccess: "read",
      settings: { view: "business", sharePersons: false, contractCategories: ["policy"] },
    });
    expect(byKey.get("external_advisor")).toMatchObject({
      defaultAccess: "read",
      settings: { shareAssets: true, sharePersons: true, shareClaims: false },
    });
  });

  it("a firm from before profiles gets them when it lists profiles or creates a grant", async () => {
    const firm = await firmWith("fr");
    const wipe = () =>
      t.deps.database.owner.query("delete from grant_profiles where firm_id = $1", [firm.firmId]);
    await wipe();
    expect((await list(firm.advisor.client)).map((p) => p.key)).toEqual([
      "household_full",
      "household_read",
      "company_employee",
      "external_advisor",
    ]);
    await wipe();
    const file = await createClientFile(t.deps, firm.firmId, { caseOwnerId: firm.admin.userId });
    const grant = await firm.admin.client.post<GrantDetail>("/api/grants", { name: "X", fileIds: [file.id] });
    expect(grant.status).toBe(201);
    const { rows } = await t.deps.database.owner.query("select key from grant_profiles where firm_id = $1", [
      firm.firmId,
    ]);
    expect(rows).toHaveLength(4);
  });

  it("administrators add, change and delete the firm's own profiles, audited", async () => {
    const firm = await firmWith("de");
    const hrv = await lineOfBusinessId(t.deps, firm.firmId, "HRV");
    const created = await firm.admin.client.post<GrantProfile>("/api/grant-profiles", {
      name: "Nur Hausrat",
      defaultAccess: "read",
      settings: { lineOfBusinessIds: [hrv], shareClaims: true },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: null,
      isDefault: false,
      name: "Nur Hausrat",
      settings: { lineOfBusinessIds: [hrv], shareClaims: true, shareAssets: true },
    });
    const id = created.body.id;
    const changed = await firm.admin.client.patch<GrantProfile>(`/api/grant-profiles/${id}`, {
      name: "Hausrat",
      settings: { view: "business" },
    });
    expect(changed.body).toMatchObject({
      name: "Hausrat",
      settings: { view: "business", shareClaims: true },
    });
    expect((await firm.admin.client.delete(`/api/grant-profiles/${id}`)).status).toBe(204);
    expect((await auditOf(t.deps, firm.firmId, id)).map((r) => r.action)).toEqual([
      "grant_profile.create",
      "grant_profile.update",
      "grant_profile.delete",
    ]);
  });

  it("a grant remembers its profile and the default access new grantees get; deleting the profile keeps both apart", async () => {
    const firm = await firmWith("en");
    const file = await createClientFile(t.deps, firm.firmId, { caseOwnerId: firm.advisor.userId });
    const anna = await insertPerson(t.deps, firm.firmId, file.id, {
      firstName: "Anna",
      lastName: "Berg",
      role: "holder",
    });
    const ben = await insertPerson(t.deps, firm.firmId, file.id, {
      firstName: "Ben",
      lastName: "Berg",
      role: "child",
    });
    const profile = await firm.admin.client.post<GrantProfile>("/api/grant-profiles", {
      name: "Family, read and write",
      defaultAccess: "read_write",
    });
    const advisor = firm.advisor.client;
    const created = await advisor.post<GrantDetail>("/api/grants", {
      name: "Berg",
      profileId: profile.body.id,
      fileIds: [file.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      profile: { id: profile.body.id, name: "Family, read and write" },
      defaultAccess: "read_write",
    });
    const id = created.body.id;
    expect((await auditOf(t.deps, firm.firmId, id))[0]?.after).toMatchObject({
      profileId: profile.body.id,
      defaultAccess: "read_write",
    });
    const listed = (await advisor.get<GrantList>("/api/grants")).body.items.find((g) => g.id === id);
    expect(listed?.defaultAccess).toBe("read_write");
    // A new grantee gets the grant's default unless another access is chosen.
    const first = await advisor.post<Grantee>(`/api/grants/${id}/grantees`, { personId: anna.id });
    expect(first.body.access).toBe("read_write");
    const second = await advisor.post<Grantee>(`/api/grants/${id}/grantees`, {
      personId: ben.id,
      access: "read",
    });
    expect(second.body.access).toBe("read");

    // Deleting the profile forgets the link (ON DELETE SET NULL), not the default the grant took.
    expect((await firm.admin.client.delete(`/api/grant-profiles/${profile.body.id}`)).status).toBe(204);
    const after = await advisor.get<GrantDetail>(`/api/grants/${id}`);
    expect(after.body).toMatchObject({ profile: null, defaultAccess: "read_write" });

    // The default can be set at creation over the profile's, and changed later.
    const [full] = (await list(advisor)).filter((p) => p.key === "household_full");
    const overridden = await advisor.post<GrantDetail>("/api/grants", {
      name: "Berg 2",
      profileId: full?.id,
      defaultAccess: "read",
      fileIds: [file.id],
    });
    expect(overridden.body).toMatchObject({ profile: { id: full?.id }, defaultAccess: "read" });
    const patched = await advisor.patch<GrantDetail>(`/api/grants/${overridden.body.id}`, {
      defaultAccess: "read_write",
    });
    expect(patched.body.defaultAccess).toBe("read_write");
    const bad = await advisor.patch(`/api/grants/${overridden.body.id}`, { defaultAccess: "all" });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(["defaultAccess"]);
    const plain = await advisor.post<GrantDetail>("/api/grants", { name: "Plain", fileIds: [file.id] });
    expect(plain.body).toMatchObject({ profile: null, defaultAccess: "read" });
  });

  it("keeps the starting profiles: they can be renamed, not deleted (409)", async () => {
    const firm = await firmWith("en");
    const [first] = await list(firm.admin.client);
    const renamed = await firm.admin.client.patch<GrantProfile>(`/api/grant-profiles/${first?.id}`, {
      name: "Family",
    });
    expect(renamed.body).toMatchObject({ name: "Family", key: "household_full" });
    expect((await firm.admin.client.delete(`/api/grant-profiles/${first?.id}`)).status).toBe(409);
    // Listing again does not bring back a second copy.
    expect((await list(firm.admin.client)).filter((p) => p.key === "household_full")).toHaveLength(1);
  });

  it("refuses invalid input naming the field, non-admins (403) and another firm's profile (404)", async () => {
    const firm = await firmWith("en");
    const other = await firmWith("en");
    const otherLine = await lineOfBusinessId(t.deps, other.firmId, "KFZ");
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ name: "" }, ["name"]],
      [{ name: "X", defaultAccess: "admin" }, ["defaultAccess"]],
      [{ name: "X", settings: { lineOfBusinessIds: [otherLine] } }, ["settings.lineOfBusinessIds"]],
      [{ name: "X", settings: { shareAssets: "yes" } }, ["settings.shareAssets"]],
    ];
    for (const [body, fields] of cases) {
      const res = await firm.admin.client.post<{ error: { details: { fields: Array<{ field: string }> } } }>(
        "/api/grant-profiles",
        body,
      );
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.fields.map((f) => f.field)).toEqual(fields);
    }
    expect((await firm.advisor.client.post("/api/grant-profiles", { name: "X" })).status).toBe(403);
    const [mine] = await list(firm.admin.client);
    expect((await firm.advisor.client.patch(`/api/grant-profiles/${mine?.id}`, { name: "Y" })).status).toBe(
      403,
    );
    expect((await other.admin.client.patch(`/api/grant-profiles/${mine?.id}`, { name: "Y" })).status).toBe(
      404,
    );
    expect((await other.admin.client.delete(`/api/grant-profiles/${mine?.id}`)).status).toBe(404);
  });
});
