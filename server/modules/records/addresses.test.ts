import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address, AddressList, Contract } from "../../../contracts/records.js";
import {
  auditOf,
  createRecordsWorld,
  fieldsOf,
  lineOfBusinessId,
  type RecordsWorld,
} from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

describe("reference addresses of a client file", () => {
  let t: TestApp;
  let w: RecordsWorld;
  let wg: Contract;
  let hrv: Contract;
  const base = () => `/api/client-files/${w.file.id}/reference-addresses`;
  const valid = { label: "Ferienhaus", street: "Seestraße 4", postalCode: "82319", city: "Starnberg" };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createRecordsWorld(t.app, t.deps);
    const contract = async (insurer: string, code: string) =>
      (
        await w.owner.post<Contract>(`/api/client-files/${w.file.id}/contracts`, {
          number: `${code}-1`,
          insurer,
          status: "own",
          lineOfBusinessId: await lineOfBusinessId(t.deps, w.firmA.firmId, code),
        })
      ).body;
    wg = await contract("VHV", "WG");
    hrv = await contract("Allianz", "HRV");
  });
  afterAll(() => t?.close());

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await w.owner.post<Address>(base(), { ...valid, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it("creates an address linked to contracts of the file, presenting them, audited", async () => {
    const res = await w.owner.post<Address>(base(), { ...valid, contractIds: [wg.id, hrv.id, wg.id] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...valid, country: "DE", clientFileId: w.file.id });
    expect(res.body.contracts).toEqual([
      { id: hrv.id, number: "HRV-1", insurer: "Allianz", lineOfBusiness: hrv.lineOfBusiness },
      { id: wg.id, number: "WG-1", insurer: "VHV", lineOfBusiness: wg.lineOfBusiness },
    ]);
    const audit = await auditOf(t.deps, w.firmA.firmId, res.body.id);
    expect(audit.map((e) => [e.action, e.entityType])).toEqual([
      ["reference_address.create", "reference_address"],
    ]);
    expect(audit[0]?.after).toMatchObject({ contracts: [{ id: hrv.id }, { id: wg.id }] });
  });

  it("lists addresses with their linked contracts (in the contracts' order); deleting a contract unlinks it", async () => {
    const temp = (
      await w.owner.post<Contract>(`/api/client-files/${w.file.id}/contracts`, {
        insurer: "Temp",
        status: "info",
      })
    ).body;
    const address = await create({ label: "Büro", country: "FR", contractIds: [temp.id, wg.id] });
    const bare = await create({ label: "Garage" });
    const list = await w.member.get<AddressList>(base());
    expect(list.status).toBe(200);
    expect(list.body.addresses.find((a) => a.id === bare.id)?.contracts).toEqual([]);
    expect(list.body.addresses.find((a) => a.id === address.id)?.contracts.map((c) => c.insurer)).toEqual([
      "VHV",
      "Temp",
    ]);
    await w.owner.delete(`/api/client-files/${w.file.id}/contracts/${temp.id}`);
    const after = await w.member.get<Address>(`${base()}/${address.id}`);
    expect(after.body.contracts.map((c) => c.id)).toEqual([wg.id]);
  });

  it("gets, updates (contractIds replaces the links) and deletes an address, audited", async () => {
    const address = await create({ contractIds: [wg.id] });
    expect((await w.member.get<Address>(`${base()}/${address.id}`)).body).toEqual(address);
    const renamed = await w.member.patch<Address>(`${base()}/${address.id}`, { city: "München" });
    expect(renamed.body).toMatchObject({ city: "München", contracts: [{ id: wg.id }] });
    const relinked = await w.member.patch<Address>(`${base()}/${address.id}`, { contractIds: [hrv.id] });
    expect(relinked.body.contracts.map((c) => c.id)).toEqual([hrv.id]);
    const unlinked = await w.member.patch<Address>(`${base()}/${address.id}`, { contractIds: [] });
    expect(unlinked.body.contracts).toEqual([]);
    expect((await w.member.delete(`${base()}/${address.id}`)).status).toBe(204);
    expect((await w.member.get(`${base()}/${address.id}`)).status).toBe(404);
    const events = await auditOf(t.deps, w.firmA.firmId, address.id);
    expect(events.map((e) => e.action)).toEqual([
      "reference_address.create",
      "reference_address.update",
      "reference_address.update",
      "reference_address.update",
      "reference_address.delete",
    ]);
    expect(events[2]?.before).toMatchObject({ contracts: [{ id: wg.id }] });
    expect(events[2]?.after).toMatchObject({ contracts: [{ id: hrv.id }] });
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
      [{ label: "" }, ["label"]],
      [{ street: undefined }, ["street"]],
      [{ postalCode: "1".repeat(21) }, ["postalCode"]],
      [{ city: "  " }, ["city"]],
      [{ country: "de" }, ["country"]],
      [{ country: "DEU" }, ["country"]],
      [{ country: "XX" }, ["country"]],
      [{ contractIds: ["nope"] }, ["contractIds.0"]],
      [{ contractIds: [wg.id, otherFileContract.body.id] }, ["contractIds"]],
      [{ contractIds: [firmBContract.body.id] }, ["contractIds"]],
    ];
    for (const [patch, fields] of cases) {
      const res = await w.owner.post(base(), { ...valid, ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(patch)).toEqual(fields);
    }
    const address = await create();
    const res = await w.owner.patch(`${base()}/${address.id}`, { contractIds: [firmBContract.body.id] });
    expect(fieldsOf(res.body)).toEqual(["contractIds"]);
  });

  it("hides the file's addresses from staff not on its team (404)", async () => {
    const address = await create();
    const url = `${base()}/${address.id}`;
    const requests = [
      w.outsider.get(base()),
      w.outsider.get(url),
      w.outsider.post(base(), valid),
      w.outsider.patch(url, { city: "X" }),
      w.outsider.delete(url),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.anonymous.get(base())).status).toBe(401);
  });

  it("SEC-11 another firm's file and address ids answer 404, and an address of another file of the same firm too", async () => {
    const address = await create();
    const url = `${base()}/${address.id}`;
    const inB = `/api/client-files/${w.fileB.id}/reference-addresses`;
    const other = `/api/client-files/${w.otherFile.id}/reference-addresses/${address.id}`;
    const requests = [
      w.adminB.get(base()),
      w.adminB.get(url),
      w.adminB.post(base(), valid),
      w.adminB.patch(url, { city: "X" }),
      w.adminB.delete(url),
      w.adminB.get(`${inB}/${address.id}`),
      w.adminB.patch(`${inB}/${address.id}`, { city: "X" }),
      w.adminB.delete(`${inB}/${address.id}`),
      w.admin.get(inB),
      w.admin.post(inB, valid),
      w.admin.get(other),
      w.admin.patch(other, { city: "X" }),
      w.admin.delete(other),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.owner.get<Address>(url)).body.city).toBe("Starnberg");
  });
});
