import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Explain, FileAccessView, Impact } from "../../../contracts/grants.js";
import {
  createGrantsWorld,
  createPortalAccount,
  type GrantsWorld,
  insertGrant,
  insertGrantee,
} from "../../../tests/support/factories-grants.js";
import { auditOf, fieldsOf } from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { loadFileAccess } from "../access/portal-access.js";
import { shownBySomeGrant } from "../access/visibility.sql.js";
import { claims, contracts } from "../records/records.tables.js";

describe("explain, impact, preview and a file's access (GRANT-8, GRANT-9)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  let grantId: string;
  let klaraGrantee: string;
  let accountId: string;
  let tiedClaim: string;
  let document: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createGrantsWorld(t);
    // Seed 004: Klara's grant bundles her file and Musterfirma and shares HRV and KFZ automatically.
    grantId = (
      await insertGrant(t.deps, w.firmId, {
        name: "Klara und Musterfirma",
        fileIds: [w.klaraFile, w.companyFile],
        settings: {
          contractCategories: ["policy", "own"],
          lineOfBusinessIds: [w.lines.HRV, w.lines.KFZ],
          shareClaims: true,
        },
      })
    ).id;
    accountId = (await createPortalAccount(t.deps)).userId;
    klaraGrantee = (
      await insertGrantee(t.deps, w.firmId, {
        grantId,
        personId: w.people.klara.id,
        name: "Klara Muster",
        accountId,
      })
    ).id;
    tiedClaim = newId();
    document = newId();
    await inFirm(t.deps.database, w.firmId, async (tx) => {
      await tx.db.insert(claims).values({
        firmId: w.firmId,
        id: tiedClaim,
        clientFileId: w.klaraFile,
        contractId: w.contractIds.klaraRs,
        claimDate: "2026-01-10",
        description: "Rechtsstreit",
      });
      const category = await tx.client.query(
        "select id from document_categories where firm_id = $1 limit 1",
        [w.firmId],
      );
      await tx.client.query(
        "insert into documents (firm_id, id, client_file_id, title, category_id) values ($1, $2, $3, 'Police HRV', $4)",
        [w.firmId, document, w.klaraFile, category.rows[0].id],
      );
    });
  });
  afterAll(() => t?.close());

  const explain = (kind: string, recordId: string, granteeId = klaraGrantee, client = w.owner.client) =>
    client.get<Explain>(`/api/grantees/${granteeId}/explain?kind=${kind}&recordId=${recordId}`);

  it("GRANT-9 HRV and KFZ are visible, the third line is not, because of its line", async () => {
    const hrv = await explain("contract", w.contractIds.klaraHrv);
    expect(hrv.status).toBe(200);
    expect(hrv.body).toMatchObject({
      visible: true,
      sharedByGrant: true,
      status: "active",
      grant: { id: grantId, name: "Klara und Musterfirma" },
      grantee: { id: klaraGrantee, name: "Klara Muster" },
      reason: null,
    });
    expect(hrv.body.steps.map((s) => [s.rule, s.passed])).toEqual([
      ["grantee_status", true],
      ["file_in_grant", true],
      ["contract_category", true],
      ["contract_line", true],
    ]);
    expect((await explain("contract", w.contractIds.companyKfz)).body.visible).toBe(true);
    const rs = await explain("contract", w.contractIds.klaraRs);
    expect(rs.body).toMatchObject({ visible: false, reason: "contract_line" });
    expect(rs.body.steps.at(-1)).toEqual({
      rule: "contract_line",
      passed: false,
      params: { lineOfBusinessId: w.lines.RS, lineCode: "RS", lineName: expect.any(String) },
    });
  });

  it("GRANT-9 explain agrees with the engine's SQL for every contract and claim of both files", async () => {
    const engine = await inFirm(t.deps.database, w.firmId, async (tx) => {
      const shown = new Set<string>();
      for (const fileId of [w.klaraFile, w.companyFile]) {
        const access = await loadFileAccess(tx, { kind: "account", accountId }, fileId, t.clock.now());
        for (const [table, kind] of [
          [contracts, "contract"],
          [claims, "claim"],
        ] as const) {
          const rows = await tx.db
            .select({ id: table.id })
            .from(table)
            .where(and(eq(table.clientFileId, fileId), shownBySomeGrant(kind, access.grantIds)));
          for (const r of rows) shown.add(r.id);
        }
      }
      const all = await tx.db
        .select({ id: contracts.id })
        .from(contracts)
        .where(inArray(contracts.clientFileId, [w.klaraFile, w.companyFile]));
      return { shown, contractIds: all.map((r) => r.id) };
    });
    for (const id of engine.contractIds)
      expect((await explain("contract", id)).body.visible, id).toBe(engine.shown.has(id));
    expect((await explain("claim", tiedClaim)).body).toMatchObject({
      visible: false,
      reason: "tied_contract",
    });
    expect(engine.shown.has(tiedClaim)).toBe(false);
  });

  it("names the rule for other kinds, and says when the grantee's status hides everything", async () => {
    expect((await explain("document", document)).body).toMatchObject({
      visible: false,
      reason: "document_share_flag",
    });
    expect((await explain("person", w.people.jonas.id)).body.visible).toBe(true);
    expect((await explain("asset", w.people.jonas.id)).status).toBe(404);
    await w.owner.client.post(`/api/grants/${grantId}/grantees/${klaraGrantee}/lock`);
    try {
      const locked = await explain("contract", w.contractIds.klaraHrv);
      expect(locked.body).toMatchObject({
        visible: false,
        sharedByGrant: true,
        status: "locked",
        reason: "grantee_status",
      });
      expect(locked.body.steps[0]).toEqual({
        rule: "grantee_status",
        passed: false,
        params: { status: "locked" },
      });
    } finally {
      await w.owner.client.post(`/api/grants/${grantId}/grantees/${klaraGrantee}/unlock`);
    }
  });

  it("refuses a missing or wrong query naming the field; another firm's grantee or record is 404", async () => {
    const missing = await w.owner.client.get(`/api/grantees/${klaraGrantee}/explain`);
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(["kind", "recordId"]);
    const wrong = await w.owner.client.get(`/api/grantees/${klaraGrantee}/explain?kind=ship&recordId=x`);
    expect(wrong.status).toBe(400);
    expect((await explain("contract", w.contractIds.klaraHrv, klaraGrantee, w.adminB.client)).status).toBe(
      404,
    );
    expect((await explain("contract", w.contractIds.klaraHrv, klaraGrantee, w.stranger.client)).status).toBe(
      404,
    );
    expect((await w.adminB.client.get(`/api/grantees/${klaraGrantee}/explain`)).status).toBe(404);
  });

  it("GRANT-9 impact lists what each grantee would gain and lose, minus what another grant still shows", async () => {
    const outsider = await insertGrantee(t.deps, w.firmId, { grantId, email: "p@x.test", name: "Paula" });
    const locked = await insertGrantee(t.deps, w.firmId, {
      grantId,
      personId: w.people.mia.id,
      status: "locked",
    });
    const res = await w.teamMember.client.post<Impact>(`/api/grants/${grantId}/impact`, {
      settings: { lineOfBusinessIds: [w.lines.HRV, w.lines.RS] },
    });
    expect(res.status).toBe(200);
    const of = (id: string) => res.body.grantees.find((g) => g.granteeId === id);
    const refs = (list: Array<{ id: string }> | undefined) => (list ?? []).map((r) => r.id).sort();
    // RS becomes visible (the contract and the claim tied to it); KFZ on the company file goes.
    expect(refs(of(outsider.id)?.gains)).toEqual([w.contractIds.klaraRs, tiedClaim].sort());
    expect(refs(of(outsider.id)?.losses)).toEqual([w.contractIds.companyKfz]);
    expect(of(outsider.id)?.gains.find((r) => r.id === tiedClaim)).toMatchObject({
      kind: "claim",
      clientFileId: w.klaraFile,
      label: "2026-01-10 · Rechtsstreit",
    });
    expect(of(locked.id)).toMatchObject({ status: "locked", gains: [], losses: [] });
    // Klara also reaches the company file through a second grant that shares KFZ: she loses nothing.
    const second = await insertGrant(t.deps, w.firmId, {
      fileIds: [w.companyFile],
      settings: { contractCategories: ["policy"] },
    });
    await insertGrantee(t.deps, w.firmId, { grantId: second.id, personId: w.people.contact.id, accountId });
    const again = await w.owner.client.post<Impact>(`/api/grants/${grantId}/impact`, {
      settings: { lineOfBusinessIds: [w.lines.HRV, w.lines.RS] },
    });
    const klara = again.body.grantees.find((g) => g.granteeId === klaraGrantee);
    expect(klara?.losses).toEqual([]);
    expect(refs(klara?.gains)).toEqual([w.contractIds.klaraRs, tiedClaim].sort());
    // Dropping the company file loses its records; an unchanged grant changes nothing.
    const files = await w.owner.client.post<Impact>(`/api/grants/${grantId}/impact`, {
      fileIds: [w.klaraFile],
    });
    expect(refs(files.body.grantees.find((g) => g.granteeId === outsider.id)?.losses)).toContain(
      w.people.contact.id,
    );
    const none = await w.owner.client.post<Impact>(`/api/grants/${grantId}/impact`, {});
    expect(none.body.grantees.every((g) => g.gains.length === 0 && g.losses.length === 0)).toBe(true);
  });

  it("impact refuses invalid input naming the field, and another firm's grant (404)", async () => {
    const bad = await w.owner.client.post(`/api/grants/${grantId}/impact`, {
      settings: { lineOfBusinessIds: [w.people.klara.id] },
      manualContractIds: [newId()],
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(["settings.lineOfBusinessIds", "manualContractIds"]);
    expect((await w.adminB.client.post(`/api/grants/${grantId}/impact`, {})).status).toBe(404);
    const foreign = await w.owner.client.post(`/api/grants/${grantId}/impact`, { fileIds: [w.fileB] });
    expect(foreign.status).toBe(404);
  });

  it("GRANT-8 a preview starts audited for an active or pending grantee, not for a locked one", async () => {
    const res = await w.teamMember.client.post<{ granteeId: string; url: string }>(
      `/api/grantees/${klaraGrantee}/preview`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ granteeId: klaraGrantee, url: `/portal?preview=${klaraGrantee}` });
    expect((await auditOf(t.deps, w.firmId, klaraGrantee)).map((a) => a.action)).toContain("grantee.preview");
    const locked = await insertGrantee(t.deps, w.firmId, { grantId, email: "l@x.test", status: "locked" });
    expect((await w.owner.client.post(`/api/grantees/${locked.id}/preview`)).status).toBe(409);
    expect((await w.adminB.client.post(`/api/grantees/${klaraGrantee}/preview`)).status).toBe(404);
    expect((await w.stranger.client.post(`/api/grantees/${klaraGrantee}/preview`)).status).toBe(404);
  });

  it("a file's Access tab shows persons with their entries, advisors, outsiders, other files and grants", async () => {
    const advisor = await insertGrantee(t.deps, w.firmId, { grantId, personId: w.people.notary.id });
    const res = await w.owner.client.get<FileAccessView>(`/api/client-files/${w.klaraFile}/access`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.persons.map((p) => p.firstName)).toEqual(["Klara", "Jonas", "Mia"]);
    expect(body.persons[0]?.grantees).toEqual([
      expect.objectContaining({
        id: klaraGrantee,
        grantId,
        access: "read",
        status: "active",
        hasAccount: true,
      }),
    ]);
    expect(body.externalAdvisors.map((p) => [p.lastName, p.grantees.map((g) => g.id)])).toEqual([
      ["Notar", [advisor.id]],
    ]);
    expect(body.outsiders.every((g) => g.personId === null && g.role === "external_advisor")).toBe(true);
    expect(body.grants.map((g) => g.id)).toContain(grantId);
    expect(body.management).toEqual({
      allowed: true,
      reason: null,
      message: null,
      mayAddExternalAdvisors: true,
    });

    const company = await w.teamMember.client.get<FileAccessView>(
      `/api/client-files/${w.companyFile}/access`,
    );
    // Klara reaches the company's file from her own file.
    expect(company.body.fromOtherFiles.map((g) => g.id)).toContain(klaraGrantee);
    expect(company.body.management).toMatchObject({
      allowed: false,
      reason: "grants.not_allowed_to_manage.case_owner_and_admins",
    });
    expect(company.body.management.message).toContain("case owner and administrators");
    expect((await w.adminB.client.get(`/api/client-files/${w.klaraFile}/access`)).status).toBe(404);
    expect((await w.stranger.client.get(`/api/client-files/${w.klaraFile}/access`)).status).toBe(404);
  });

  // Last: the shared document it adds would change what the impact test above expects.
  it("GRANT-9 steps carry the labels people know, next to the ids", async () => {
    const hrv = await explain("contract", w.contractIds.klaraHrv);
    const file = (
      await w.owner.client.get<FileAccessView>(`/api/client-files/${w.klaraFile}/access`)
    ).body.grants
      .find((g) => g.id === grantId)
      ?.files.find((f) => f.id === w.klaraFile);
    expect(hrv.body.record).toEqual({
      kind: "contract",
      id: w.contractIds.klaraHrv,
      clientFileId: w.klaraFile,
      label: "Allianz",
    });
    const byRule = new Map(hrv.body.steps.map((s) => [s.rule, s.params]));
    expect(byRule.get("file_in_grant")).toEqual({
      fileId: w.klaraFile,
      fileName: "Muster, Klara",
      fileNumber: file?.number,
      grantName: "Klara und Musterfirma",
    });
    expect(byRule.get("contract_line")).toEqual({
      lineOfBusinessId: w.lines.HRV,
      lineCode: "HRV",
      lineName: "Hausrat",
    });
    // A claim tied to the hidden RS contract names the contract by insurer and line, not by id.
    const claim = await explain("claim", tiedClaim);
    expect(claim.body.record.label).toBe("2026-01-10 · Rechtsstreit");
    expect(claim.body.steps.at(-1)).toEqual({
      rule: "tied_contract",
      passed: false,
      params: { contractId: w.contractIds.klaraRs, contractInsurer: "Allianz", contractLineCode: "RS" },
    });
    // A shared document of a category the grant leaves out, tied to that claim: named by its title,
    // its category by name; with the category shared, the tied claim shows, named by date and description.
    const categories = await inFirm(t.deps.database, w.firmId, async (tx) => {
      const { rows } = await tx.client.query<{ id: string; name: string }>(
        "select id, name from document_categories where firm_id = $1 order by key limit 2",
        [w.firmId],
      );
      return rows;
    });
    const [kept, other] = categories;
    const sharedDoc = newId();
    await inFirm(t.deps.database, w.firmId, (tx) =>
      tx.client.query(
        `insert into documents (firm_id, id, client_file_id, title, category_id, claim_id, shared_to_portal)
         values ($1, $2, $3, 'Schadenmeldung Rechtsstreit', $4, $5, true)`,
        [w.firmId, sharedDoc, w.klaraFile, other?.id, tiedClaim],
      ),
    );
    const narrowed = await insertGrant(t.deps, w.firmId, {
      name: "Nur Policen",
      fileIds: [w.klaraFile],
      settings: { documentCategoryIds: [kept?.id ?? ""], shareClaims: true },
    });
    const viewer = await insertGrantee(t.deps, w.firmId, {
      grantId: narrowed.id,
      personId: w.people.jonas.id,
      accountId: (await createPortalAccount(t.deps)).userId,
    });
    const doc = await explain("document", sharedDoc, viewer.id);
    expect(doc.body.record).toMatchObject({ kind: "document", label: "Schadenmeldung Rechtsstreit" });
    expect(doc.body.steps.at(-1)).toEqual({
      rule: "document_category",
      passed: false,
      params: { categoryId: other?.id, categoryName: other?.name },
    });
    await w.owner.client.patch(`/api/grants/${narrowed.id}`, {
      settings: { documentCategoryIds: [kept?.id, other?.id] },
    });
    const tied = await explain("document", sharedDoc, viewer.id);
    expect(tied.body.steps.find((s) => s.rule === "tied_claim")).toEqual({
      rule: "tied_claim",
      passed: true,
      params: { claimId: tiedClaim, claimDate: "2026-01-10", claimDescription: "Rechtsstreit" },
    });
    // Nothing in any step is left without its label.
    for (const step of [...doc.body.steps, ...tied.body.steps, ...hrv.body.steps])
      for (const [key, value] of Object.entries(step.params)) expect(value, key).not.toBe("");
  });
});
