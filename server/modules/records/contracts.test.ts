import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Contract, ContractList, LineOfBusinessList } from "../../../contracts/records.js";
import { createStaff } from "../../../tests/support/factories.js";
import {
  auditOf,
  createRecordsWorld,
  fieldsOf,
  lineOfBusinessId,
  type RecordsWorld,
  setLineActive,
  signedIn,
} from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

describe("contracts of a client file", () => {
  let t: TestApp;
  let w: RecordsWorld;
  let kfz: string;
  let hrv: string;
  const base = () => `/api/client-files/${w.file.id}/contracts`;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createRecordsWorld(t.app, t.deps);
    kfz = await lineOfBusinessId(t.deps, w.firmA.firmId, "KFZ");
    hrv = await lineOfBusinessId(t.deps, w.firmA.firmId, "HRV");
  });
  afterAll(() => t?.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await w.owner.post<Contract>(base(), { insurer: "Allianz", status: "own", ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it("creates a contract with its line of business, money as 2-decimal strings and the derived category", async () => {
    const res = await w.owner.post<Contract>(base(), {
      number: "KFZ-4711",
      insurer: "HUK-Coburg",
      productName: "Autoversicherung Plus",
      risk: "VW Golf, M-AB 123",
      lineOfBusinessId: kfz,
      status: "own",
      applicationDate: "2025-01-10",
      documentDate: "2025-02-01",
      startDate: "2025-02-01",
      endDate: "2026-02-01",
      premium: 612.5,
      premiumFrequency: "yearly",
      externalId: "ext-c-1",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clientFileId: w.file.id,
      number: "KFZ-4711",
      insurer: "HUK-Coburg",
      lineOfBusiness: { id: kfz, code: "KFZ", name: "Kraftfahrt" },
      status: "own",
      category: "policy",
      premium: "612.50",
      premiumFrequency: "yearly",
      currency: "EUR",
      externalId: "ext-c-1",
    });
    const audit = await auditOf(t.deps, w.firmA.firmId, res.body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "contract.create",
      entityType: "contract",
      clientFileId: w.file.id,
    });
    expect(audit[0]?.before).toBeNull();
    expect(audit[0]?.after).toMatchObject({ id: res.body.id, premium: "612.50", category: "policy" });
  });

  it("accepts the premium as a string with a decimal point, in another currency, and derives each category", async () => {
    const a = await create({ premium: "1250.5", currency: "CHF", applicationDate: "2025-03-01" });
    expect(a).toMatchObject({ premium: "1250.50", currency: "CHF", category: "application" });
    const b = await create({ status: "offer", offerDate: "2025-03-01", premium: "0" });
    expect(b).toMatchObject({ category: "own", premium: "0.00" });
    const c = await create({ status: "partly_foreign" });
    expect(c).toMatchObject({ category: "partly_foreign", premium: null, lineOfBusiness: null });
  });

  it("lists the file's contracts by line of business, then insurer, and filters by status", async () => {
    const list = async (query = "") => (await w.member.get<ContractList>(`${base()}${query}`)).body.contracts;
    await create({ insurer: "Zurich", lineOfBusinessId: hrv, status: "dormant" });
    await create({ insurer: "Allianz", lineOfBusinessId: hrv, status: "dormant" });
    await create({ insurer: "AXA", lineOfBusinessId: kfz, status: "cancelled" });
    const all = await list();
    const withLine = all.filter((c) => c.lineOfBusiness);
    const keys = withLine.map((c) => `${c.lineOfBusiness?.code}|${c.insurer}`);
    expect(keys).toEqual([...keys].sort());
    expect(keys.slice(0, 2)).toEqual(["HRV|Allianz", "HRV|Zurich"]);
    // Contracts without a line come last.
    expect(all.slice(withLine.length).every((c) => c.lineOfBusiness === null)).toBe(true);
    const dormant = await list("?status=dormant");
    expect(dormant.map((c) => c.insurer)).toEqual(["Allianz", "Zurich"]);
    const bad = await w.member.get(`${base()}?status=sleeping`);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(["status"]);
  });

  it("gets, updates (audited with before and after) and deletes a contract", async () => {
    const created = await create({ insurer: "Gothaer", lineOfBusinessId: hrv, premium: "10.00" });
    const got = await w.member.get<Contract>(`${base()}/${created.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created);

    const updated = await w.member.patch<Contract>(`${base()}/${created.id}`, {
      documentDate: "2025-04-01",
      premium: null,
      lineOfBusinessId: null,
      risk: "",
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      insurer: "Gothaer",
      category: "policy",
      premium: null,
      lineOfBusiness: null,
      risk: null,
    });
    const events = await auditOf(t.deps, w.firmA.firmId, created.id);
    expect(events.map((e) => e.action)).toEqual(["contract.create", "contract.update"]);
    expect(events[1]?.before).toMatchObject({ premium: "10.00", category: "own" });
    expect(events[1]?.after).toMatchObject({ premium: null, category: "policy" });

    const deleted = await w.owner.delete(`${base()}/${created.id}`);
    expect(deleted.status).toBe(204);
    expect((await w.owner.get(`${base()}/${created.id}`)).status).toBe(404);
    const after = await auditOf(t.deps, w.firmA.firmId, created.id);
    expect(after.at(-1)).toMatchObject({ action: "contract.delete", after: null });
    expect(after.at(-1)?.before).toMatchObject({ id: created.id });
  });

  it("refuses invalid input, naming each field", async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ insurer: "" }, ["insurer"]],
      [{ insurer: undefined }, ["insurer"]],
      [{ status: "active" }, ["status"]],
      [{ lineOfBusinessId: "not-a-uuid" }, ["lineOfBusinessId"]],
      [{ startDate: "2025-02-30" }, ["startDate"]],
      [{ startDate: "0000-01-01" }, ["startDate"]],
      [{ risk: "a\u0000b" }, ["risk"]],
      [{ startDate: "2025-06-01", endDate: "2025-05-31" }, ["endDate"]],
      [{ premium: -1 }, ["premium"]],
      [{ premium: "12,50" }, ["premium"]],
      [{ premium: "1.234" }, ["premium"]],
      [{ premium: 0.001 }, ["premium"]],
      [{ premium: "1000000000000.00" }, ["premium"]],
      [{ premiumFrequency: "weekly" }, ["premiumFrequency"]],
      [{ currency: "eur" }, ["currency"]],
      [{ currency: "ABC" }, ["currency"]],
      [{ colour: "red" }, ["colour"]],
    ];
    for (const [patch, fields] of cases) {
      const res = await w.owner.post(base(), { insurer: "Allianz", status: "own", ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(patch)).toEqual(fields);
    }
    const created = await create({});
    const res = await w.owner.patch(`${base()}/${created.id}`, {
      endDate: "2000-01-01",
      startDate: "2001-01-01",
    });
    expect(fieldsOf(res.body)).toEqual(["endDate"]);
  });

  it("explains a wrong field in the request's language", async () => {
    const german = await signedIn(t.app, await createStaff(t.deps, w.firmA.firmId, { role: "admin" }), "de");
    const res = await german.post<{ error: { details: { fields: Array<{ message: string }> } } }>(base(), {
      insurer: "Allianz",
      status: "own",
      startDate: "2025-06-01",
      endDate: "2025-05-31",
    });
    expect(res.body.error.details.fields[0]?.message).toBe(
      "Das Ablaufdatum darf nicht vor dem Beginn liegen.",
    );
  });

  it("accepts only an active line of business of the firm", async () => {
    const unfLine = await lineOfBusinessId(t.deps, w.firmA.firmId, "UNF");
    const foreignLine = await lineOfBusinessId(t.deps, w.firmB.firmId, "KFZ");
    const before = await create({ lineOfBusinessId: unfLine });
    await setLineActive(t.deps, w.firmA.firmId, unfLine, false);
    try {
      for (const lineId of [unfLine, foreignLine, "0190a6c4-0000-7000-8000-000000000000"]) {
        const res = await w.owner.post(base(), {
          insurer: "Allianz",
          status: "own",
          lineOfBusinessId: lineId,
        });
        expect(res.status).toBe(400);
        expect(fieldsOf(res.body)).toEqual(["lineOfBusinessId"]);
      }
      // A contract keeping its (now inactive) line can still be changed otherwise.
      const kept = await w.owner.patch<Contract>(`${base()}/${before.id}`, { insurer: "Allianz Leben" });
      expect(kept.status).toBe(200);
      expect(kept.body.lineOfBusiness?.code).toBe("UNF");
      const lines = await w.owner.get<LineOfBusinessList>(`/api/client-files/${w.file.id}/lines-of-business`);
      expect(lines.status).toBe(200);
      const codes = lines.body.linesOfBusiness.map((l) => l.code);
      expect(codes).toContain("KFZ");
      expect(codes).not.toContain("UNF");
    } finally {
      await setLineActive(t.deps, w.firmA.firmId, unfLine, true);
    }
  });

  it("answers 409 for an external ID another contract of the firm carries; other firms may reuse it", async () => {
    await create({ externalId: "ext-dup" });
    const dup = await w.admin.post(`/api/client-files/${w.otherFile.id}/contracts`, {
      insurer: "Allianz",
      status: "own",
      externalId: "ext-dup",
    });
    expect(dup.status).toBe(409);
    expect(fieldsOf(dup.body)).toEqual(["externalId"]);
    const other = await create({});
    expect((await w.owner.patch(`${base()}/${other.id}`, { externalId: "ext-dup" })).status).toBe(409);
    const sameOwn = await w.owner.patch(`${base()}/${other.id}`, { externalId: "ext-own" });
    expect(sameOwn.status).toBe(200);
    expect((await w.owner.patch(`${base()}/${other.id}`, { externalId: "ext-own" })).status).toBe(200);
    const inB = await w.adminB.post(`/api/client-files/${w.fileB.id}/contracts`, {
      insurer: "Allianz",
      status: "own",
      externalId: "ext-dup",
    });
    expect(inB.status).toBe(201);
  });

  it("hides the file's contracts from staff not on its team (404) and needs a session (401)", async () => {
    const contract = await create({});
    const url = `${base()}/${contract.id}`;
    const requests = [
      w.outsider.get(base()),
      w.outsider.get(url),
      w.outsider.get(`/api/client-files/${w.file.id}/lines-of-business`),
      w.outsider.post(base(), { insurer: "Allianz", status: "own" }),
      w.outsider.patch(url, { insurer: "X" }),
      w.outsider.delete(url),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.anonymous.get(base())).status).toBe(401);
    expect((await w.anonymous.post(base(), { insurer: "Allianz", status: "own" })).status).toBe(401);
    // The team member reads and edits; the admin reaches every file.
    expect((await w.member.patch(url, { insurer: "Y" })).status).toBe(200);
    expect((await w.admin.get(url)).status).toBe(200);
    expect((await w.owner.get<Contract>(url)).body.insurer).toBe("Y");
  });

  it("SEC-11 another firm's file and contract ids answer 404, and a contract of another file of the same firm too", async () => {
    const contract = await create({});
    const urlA = `${base()}/${contract.id}`;
    const inB = `/api/client-files/${w.fileB.id}/contracts`;
    const requests = [
      w.adminB.get(base()),
      w.adminB.get(urlA),
      w.adminB.get(`/api/client-files/${w.file.id}/lines-of-business`),
      w.adminB.post(base(), { insurer: "Allianz", status: "own" }),
      w.adminB.patch(urlA, { insurer: "X" }),
      w.adminB.delete(urlA),
      // Firm B's own file in the URL with firm A's contract id.
      w.adminB.get(`${inB}/${contract.id}`),
      w.adminB.patch(`${inB}/${contract.id}`, { insurer: "X" }),
      w.adminB.delete(`${inB}/${contract.id}`),
      // Firm A's admin with firm B's file.
      w.admin.get(inB),
      w.admin.post(inB, { insurer: "Allianz", status: "own" }),
      // Same firm, the contract's id under another file.
      w.admin.get(`/api/client-files/${w.otherFile.id}/contracts/${contract.id}`),
      w.admin.patch(`/api/client-files/${w.otherFile.id}/contracts/${contract.id}`, { insurer: "X" }),
      w.admin.delete(`/api/client-files/${w.otherFile.id}/contracts/${contract.id}`),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.owner.get<Contract>(urlA)).body.insurer).toBe("Allianz");
  });
});
