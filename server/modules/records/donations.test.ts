import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Donation, DonationList } from "../../../contracts/records.js";
import {
  auditOf,
  createPerson,
  createRecordsWorld,
  fieldsOf,
  type RecordsWorld,
} from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

describe("donations of a client file", () => {
  let t: TestApp;
  let w: RecordsWorld;
  let mother: { id: string; name: string };
  let child: { id: string; name: string };
  const base = () => `/api/client-files/${w.file.id}/donations`;
  const valid = () => ({
    donorPersonId: mother.id,
    beneficiaryPersonId: child.id,
    donationDate: "2024-12-20",
    amount: "50000.00",
    kind: "cash",
  });

  beforeAll(async () => {
    t = await startTestApp();
    w = await createRecordsWorld(t.app, t.deps);
    mother = await createPerson(t.deps, w.firmA.firmId, w.file.id, {
      firstName: "Klara",
      lastName: "Muster",
    });
    child = await createPerson(t.deps, w.firmA.firmId, w.file.id, {
      firstName: "Lena",
      lastName: "Muster",
      role: "child",
    });
  });
  afterAll(() => t?.close());

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await w.owner.post<Donation>(base(), { ...valid(), ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it("creates a donation between persons of the file, audited", async () => {
    const res = await w.owner.post<Donation>(base(), { ...valid(), notes: "Notariell beurkundet" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      donor: { personId: mother.id, name: "Klara Muster" },
      beneficiary: { personId: child.id, name: "Lena Muster" },
      amount: "50000.00",
      currency: "EUR",
      kind: "cash",
      notes: "Notariell beurkundet",
    });
    const audit = await auditOf(t.deps, w.firmA.firmId, res.body.id);
    expect(audit.map((e) => [e.action, e.entityType])).toEqual([["donation.create", "donation"]]);
  });

  it("takes a named outsider on either side", async () => {
    const donation = await create({
      donorPersonId: null,
      donorName: "Großvater Heinrich Muster",
      kind: "usufruct",
    });
    expect(donation.donor).toEqual({ personId: null, name: "Großvater Heinrich Muster" });
    const toCharity = await create({
      beneficiaryPersonId: undefined,
      beneficiaryName: "Stiftung Kinderhilfe",
    });
    expect(toCharity.beneficiary).toEqual({ personId: null, name: "Stiftung Kinderhilfe" });
  });

  it("lists donations newest first with the persons the form offers", async () => {
    await create({ donationDate: "2019-05-01" });
    const list = await w.member.get<DonationList>(base());
    expect(list.status).toBe(200);
    const dates = list.body.donations.map((d) => d.donationDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(list.body.persons).toEqual([
      { id: mother.id, name: "Klara Muster" },
      { id: child.id, name: "Lena Muster" },
    ]);
  });

  it("gets, updates (both sides checked again) and deletes a donation, audited", async () => {
    const donation = await create();
    expect((await w.member.get<Donation>(`${base()}/${donation.id}`)).body).toEqual(donation);
    const swapped = await w.member.patch<Donation>(`${base()}/${donation.id}`, {
      beneficiaryPersonId: null,
      beneficiaryName: "Patenkind Paul",
      amount: 1000,
    });
    expect(swapped.status).toBe(200);
    expect(swapped.body).toMatchObject({
      beneficiary: { personId: null, name: "Patenkind Paul" },
      amount: "1000.00",
    });
    const both = await w.member.patch(`${base()}/${donation.id}`, { beneficiaryPersonId: child.id });
    expect(both.status).toBe(400);
    expect(fieldsOf(both.body)).toEqual(["beneficiaryPersonId", "beneficiaryName"]);
    expect((await w.member.delete(`${base()}/${donation.id}`)).status).toBe(204);
    expect((await w.member.get(`${base()}/${donation.id}`)).status).toBe(404);
    const events = await auditOf(t.deps, w.firmA.firmId, donation.id);
    expect(events.map((e) => e.action)).toEqual(["donation.create", "donation.update", "donation.delete"]);
    expect(events[1]?.before).toMatchObject({ beneficiary: { personId: child.id } });
    expect(events[1]?.after).toMatchObject({ beneficiary: { name: "Patenkind Paul" } });
  });

  it("refuses invalid input, naming each field", async () => {
    const stranger = await createPerson(t.deps, w.firmA.firmId, w.otherFile.id);
    const inB = await createPerson(t.deps, w.firmB.firmId, w.fileB.id);
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ donorPersonId: null }, ["donorPersonId", "donorName"]],
      [{ donorName: "Opa" }, ["donorPersonId", "donorName"]],
      [{ beneficiaryPersonId: undefined, beneficiaryName: "" }, ["beneficiaryPersonId", "beneficiaryName"]],
      [{ donorPersonId: stranger.id }, ["donorPersonId"]],
      [{ beneficiaryPersonId: inB.id }, ["beneficiaryPersonId"]],
      [{ donorPersonId: "123" }, ["donorPersonId"]],
      [{ amount: 0 }, ["amount"]],
      [{ amount: "-10" }, ["amount"]],
      [{ amount: undefined }, ["amount"]],
      [{ kind: "gift" }, ["kind"]],
      [{ donationDate: "2024-13-01" }, ["donationDate"]],
      [{ currency: "Euro" }, ["currency"]],
    ];
    for (const [patch, fields] of cases) {
      const res = await w.owner.post(base(), { ...valid(), ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(patch)).toEqual(fields);
    }
  });

  it("hides the file's donations from staff not on its team (404)", async () => {
    const donation = await create();
    const url = `${base()}/${donation.id}`;
    const requests = [
      w.outsider.get(base()),
      w.outsider.get(url),
      w.outsider.post(base(), valid()),
      w.outsider.patch(url, { amount: 1 }),
      w.outsider.delete(url),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.anonymous.get(base())).status).toBe(401);
  });

  it("SEC-11 another firm's file and donation ids answer 404, and a donation of another file of the same firm too", async () => {
    const donation = await create();
    const url = `${base()}/${donation.id}`;
    const inB = `/api/client-files/${w.fileB.id}/donations`;
    const other = `/api/client-files/${w.otherFile.id}/donations/${donation.id}`;
    const requests = [
      w.adminB.get(base()),
      w.adminB.get(url),
      w.adminB.post(base(), valid()),
      w.adminB.patch(url, { amount: 1 }),
      w.adminB.delete(url),
      w.adminB.get(`${inB}/${donation.id}`),
      w.adminB.patch(`${inB}/${donation.id}`, { amount: 1 }),
      w.adminB.delete(`${inB}/${donation.id}`),
      w.admin.get(inB),
      w.admin.post(inB, {
        ...valid(),
        donorPersonId: null,
        donorName: "X",
        beneficiaryPersonId: null,
        beneficiaryName: "Y",
      }),
      w.admin.get(other),
      w.admin.patch(other, { amount: 1 }),
      w.admin.delete(other),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.owner.get<Donation>(url)).body.amount).toBe("50000.00");
  });
});
