import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Asset, AssetList } from "../../../contracts/records.js";
import {
  auditOf,
  createClientFile,
  createRecordsWorld,
  fieldsOf,
  type RecordsWorld,
} from "../../../tests/support/factories-records.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

describe("assets of a client file", () => {
  let t: TestApp;
  let w: RecordsWorld;
  const base = () => `/api/client-files/${w.file.id}/assets`;
  const valid = { kind: "real_estate", description: "Wohnung Leopoldstraße 12", value: "385000.00" };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createRecordsWorld(t.app, t.deps);
  });
  afterAll(() => t?.close());

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await w.owner.post<Asset>(base(), { ...valid, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it("creates an asset (value may be 0), audited", async () => {
    const res = await w.owner.post<Asset>(base(), { ...valid, valuationDate: "2025-12-31" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clientFileId: w.file.id,
      kind: "real_estate",
      value: "385000.00",
      currency: "EUR",
      valuationDate: "2025-12-31",
    });
    expect((await create({ kind: "other", value: 0 })).value).toBe("0.00");
    const audit = await auditOf(t.deps, w.firmA.firmId, res.body.id);
    expect(audit.map((e) => [e.action, e.entityType])).toEqual([["asset.create", "asset"]]);
  });

  it("lists the assets with exact totals per currency", async () => {
    const file = await createClientFile(t.deps, w.firmA.firmId, { caseOwnerId: "nobody" });
    const url = `/api/client-files/${file.id}/assets`;
    const empty = await w.admin.get<AssetList>(url);
    expect(empty.body).toEqual({ assets: [], totals: [] });
    for (const [value, currency] of [
      ["0.10", "EUR"],
      [0.2, "EUR"],
      ["1000", "CHF"],
      ["999999999999.99", "EUR"],
    ] as const)
      expect((await w.admin.post(url, { ...valid, value, currency })).status).toBe(201);
    const list = await w.admin.get<AssetList>(url);
    expect(list.status).toBe(200);
    expect(list.body.assets).toHaveLength(4);
    expect(list.body.totals).toEqual([
      { currency: "CHF", value: "1000.00" },
      { currency: "EUR", value: "1000000000000.29" },
    ]);
  });

  it("gets, updates and deletes an asset, each change audited with before and after", async () => {
    const asset = await create();
    expect((await w.member.get<Asset>(`${base()}/${asset.id}`)).body).toEqual(asset);
    const updated = await w.member.patch<Asset>(`${base()}/${asset.id}`, {
      value: 400000,
      valuationDate: null,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ value: "400000.00", valuationDate: null, kind: "real_estate" });
    expect((await w.member.delete(`${base()}/${asset.id}`)).status).toBe(204);
    expect((await w.member.get(`${base()}/${asset.id}`)).status).toBe(404);
    const events = await auditOf(t.deps, w.firmA.firmId, asset.id);
    expect(events.map((e) => e.action)).toEqual(["asset.create", "asset.update", "asset.delete"]);
    expect(events[1]?.before).toMatchObject({ value: "385000.00" });
    expect(events[1]?.after).toMatchObject({ value: "400000.00" });
    expect(events[2]?.after).toBeNull();
  });

  it("refuses invalid input, naming each field", async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ kind: "yacht" }, ["kind"]],
      [{ description: " " }, ["description"]],
      [{ value: undefined }, ["value"]],
      [{ value: -5 }, ["value"]],
      [{ value: "-0.01" }, ["value"]],
      [{ value: "abc" }, ["value"]],
      [{ value: true }, ["value"]],
      [{ currency: "EURO" }, ["currency"]],
      [{ valuationDate: "31.12.2025" }, ["valuationDate"]],
    ];
    for (const [patch, fields] of cases) {
      const res = await w.owner.post(base(), { ...valid, ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(fieldsOf(res.body), JSON.stringify(patch)).toEqual(fields);
    }
    const asset = await create();
    const res = await w.owner.patch(`${base()}/${asset.id}`, { value: -1 });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(["value"]);
  });

  it("hides the file's assets from staff not on its team (404)", async () => {
    const asset = await create();
    const url = `${base()}/${asset.id}`;
    const requests = [
      w.outsider.get(base()),
      w.outsider.get(url),
      w.outsider.post(base(), valid),
      w.outsider.patch(url, { value: 1 }),
      w.outsider.delete(url),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.anonymous.get(base())).status).toBe(401);
  });

  it("SEC-11 another firm's file and asset ids answer 404, and an asset of another file of the same firm too", async () => {
    const asset = await create();
    const url = `${base()}/${asset.id}`;
    const inB = `/api/client-files/${w.fileB.id}/assets`;
    const other = `/api/client-files/${w.otherFile.id}/assets/${asset.id}`;
    const requests = [
      w.adminB.get(base()),
      w.adminB.get(url),
      w.adminB.post(base(), valid),
      w.adminB.patch(url, { value: 1 }),
      w.adminB.delete(url),
      w.adminB.get(`${inB}/${asset.id}`),
      w.adminB.patch(`${inB}/${asset.id}`, { value: 1 }),
      w.adminB.delete(`${inB}/${asset.id}`),
      w.admin.get(inB),
      w.admin.post(inB, valid),
      w.admin.get(other),
      w.admin.patch(other, { value: 1 }),
      w.admin.delete(other),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBe(404);
    expect((await w.owner.get<Asset>(url)).body.value).toBe("385000.00");
  });
});
