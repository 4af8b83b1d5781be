import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Claim, ClaimList, Contract } from "../../../contracts/records.js";
import {
  auditOf,
  createRecordsWorld,
  fieldsOf,
  lineOfBusinessId,
  type RecordsWorld,
} from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

describe("claims of a client file", () => {
  let t: TestApp;
  let w: RecordsWorld;
  let contract: Contract;
  const base = () => `/api/client-files/${w.file.id}/claims`;
  // The test clock stands at 2026-03-02T09:00Z.
  const valid = { claimDate: "2026-02-14", description: "Wasserschaden in der Küche" };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createRecordsWorld(t.app, t.deps);
    const res = await w.owner.post<Contract>(`/api/client-files/${w.file.id}/contracts`, {
      number: "HR-1",
      insurer: "Allianz",
      status: "own",
      lineOfBusinessId: await lineOfBusinessId(t.deps, w.firmA.firmId, "HRV"),
    });
    contract = res.body;
  });
  afterAll(() => t?.close());

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await w.owner.post<Claim>(base(), { ...valid, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it("creates a claim on a contract of the file, showing the contract, audited", async () => {
    const res = await w.owner.post<Claim>(base(), {
      ...valid,
      contractId: contract.id,
      amount: "2400.00",
      insurerReference: "S-2026-001",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: "open",
      amount: "2400.00",
      currency: "EUR",
      insurerReference: "S-2026-001",
      contract: { id: contract.id, number: "HR-1", insurer: "Allianz", lineOfBusiness: { code: "HRV" } },
    });
    const audit = await auditOf(t.deps, w.firmA.firmId, res.body.id);
    expect(audit.map((e) => [e.action, e.entityType])).toEqual([["claim.create", "claim"]]);
    expect(audit[0]?.after).toMatchObject({ contract: { id: contract.id } });
  });

  it("creates a claim without a contract, dated today at the latest", async () => {
    const claim = await create({ claimDate: "2026-03-02", amount: 0 });
    expect(claim).toMatchObject({ contract: null, amount: "0.00", claimDate: "2026-03-02" });
  });

  it("lists claims newest first, each with its contract; a deleted contract leaves the claim without one", async () => {
    const own = await w.owner.post<Contract>(`/api/client-files/${w.file.id}/contracts`, {
      insurer: "Ergo",
      status: "own",
    });
    const older = await create({ claimDate: "2020-01-01", contractId: own.body.id });
    const list = await w.member.get<ClaimList>(base());
    expect(list.status).toBe(200);
    const dates = list.body.claims.map((c) => c.claimDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(list.body.claims.find((c) => c.id === older.id)?.contract?.insurer).toBe("Ergo");
    expect((await w.owner.delete(`/api/client-files/${w.file.id}/contracts/${own.body.id}`)).status).toBe(
      204,
    );
    const got = await w.member.get<Claim>(`${base()}/${older.id}`);
    expect(got.status).toBe(200);
    expect(got.body.contract).toBeNull();
  });

  it("gets, updates and deletes a claim, audited with before and after", async () => {
    const claim = await create();
    expect((await w.member.get<Claim>(`${base()}/${claim.id}`)).body).toEqual(claim);
    const updated = await w.member.patch<Claim>(`${base()}/${claim.id}`, {
      status: "settled",
      contractId: contract.id,
      amount: 1800,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      status: "settled",
      amount: "1800.00",
      contract: { id: contract.id },
    });
    const cleared = await w.member.patch<Claim>(`${base()}/${claim.id}`, { contractId: null });
    expect(cleared.body.contract).toBeNull();
    expect((await w.member.delete(`${base()}/${claim.id}`)).status).toBe(204);
    expect((await w.member.get(`${base()}/${claim.id}`)).status).toBe(404);
    const events = await auditOf(t.deps, w.firmA.firmId, claim.id);
    expect(events.map((e) => e.action)).toEqual([
      "claim.create",
      "claim.update",
      "claim.update",
      "claim.delete",
    ]);
    expect(events[1]?.before).toMatchObject({ status: "open", contract: null });
    expect(events[1]?.after).toMatchObject({ status: "settled", contract: { id: contract.id } });
  });

  it("refuses invalid input, naming each field", async () => {
    const otherFileContract = await w.admin.post<Contract>(`/api/client-files/${w.otherFile.id}/contracts`, {
      insurer: "Allianz",
      status: "own",
    });
    const firmBContract = await w.adminB.post<Contract>(`/api/client-files/${w.fileB.id}/contracts`, {
      insurer: "Allianz",
      status: "own",
    });
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ claimDate: undefined }, ["claimDate"]],
      [{ claimDate: "2026-03-04" }, ["claimDate"]],
      [{ description: "" }, ["description"]],
      [{ status: "lost" }, ["status"]],
      [{ amount: "-3" }, ["amount"]],
      [{ currency: "12A" }, ["currency"]],
      [{ contractId: "x" }, ["contractId"]],
      [{ contractId: otherFileContract.body.id }, ["contractId"]],
      [{ contractId: firmBContract.body.id }, ["contractId"]],
    ];
    for (const [patch, fields] of cases) {
      const res = await w.owner.post(base(), { ...valid, ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(patch)).toEqual(fields);
    }
    const claim = await create();
    const res = await w.owner.patch(`${base()}/${claim.id}`, { contractId: otherFileContract.body.id });
    expect(fieldsOf(res.body)).toEqual(["contractId"]);
  });

  it("hides the file's claims from staff not on its team (404)", async () => {
    const claim = await create();
    const url = `${base()}/${claim.id}`;
    const requests = [
      w.outsider.get(base()),
      w.outsider.get(url),
      w.outsider.post(base(), valid),
      w.outsider.patch(url, { status: "closed" }),
      w.outsider.delete(url),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.anonymous.get(base())).status).toBe(401);
  });

  it("SEC-11 another firm's file and claim ids answer 404, and a claim of another file of the same firm too", async () => {
    const claim = await create();
    const url = `${base()}/${claim.id}`;
    const inB = `/api/client-files/${w.fileB.id}/claims`;
    const other = `/api/client-files/${w.otherFile.id}/claims/${claim.id}`;
    const requests = [
      w.adminB.get(base()),
      w.adminB.get(url),
      w.adminB.post(base(), valid),
      w.adminB.patch(url, { status: "closed" }),
      w.adminB.delete(url),
      w.adminB.get(`${inB}/${claim.id}`),
      w.adminB.patch(`${inB}/${claim.id}`, { status: "closed" }),
      w.adminB.delete(`${inB}/${claim.id}`),
      w.admin.get(inB),
      w.admin.post(inB, valid),
      w.admin.get(other),
      w.admin.patch(other, { status: "closed" }),
      w.admin.delete(other),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.owner.get<Claim>(url)).body.status).toBe("open");
  });
});
