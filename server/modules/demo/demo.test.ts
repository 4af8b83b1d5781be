import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalContractList, PortalMe } from "../../../contracts/portal.js";
import { createFirm } from "../../../tests/support/factories.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { readStored } from "../imports/stored-file.js";
import { DEMO_ADMIN, DEMO_FIRM_ID, DEMO_PASSWORD, type DemoSummary, seedDemo } from "./demo.service.js";
import { DEMO_CLIENT } from "./demo-access.js";

describe("demo data (npm run demo)", () => {
  let t: TestApp;
  let first: DemoSummary;
  let existingFirmId: string;
  const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    inFirm(t.deps.database, DEMO_FIRM_ID, async (tx) => (await tx.client.query<T>(sql, params)).rows);

  beforeAll(async () => {
    t = await startTestApp();
    existingFirmId = (await createFirm(t.deps, { name: "Eigenes Büro" })).firmId;
    first = await seedDemo(t.deps, { generated: 10 });
  }, 120_000);
  afterAll(() => t?.close());

  it("creates the seed-004 example: Klara Muster (private) and Musterfirma (business) with HRV, KFZ and more", async () => {
    const rows = await query<{ display_name: string; kind: string; codes: string[] }>(
      `select f.display_name, f.kind, array_agg(distinct l.code order by l.code) as codes
         from client_files f join contracts c on c.client_file_id = f.id join lines_of_business l on l.id = c.line_of_business_id
        where f.external_id in ('DEMO-MUSTER-KLARA', 'DEMO-MUSTERFIRMA') group by f.display_name, f.kind order by f.kind desc`,
    );
    expect(rows).toEqual([
      { display_name: "Muster, Klara", kind: "private", codes: ["BU", "HRV", "KFZ", "PHV"] },
      { display_name: "Musterfirma GmbH", kind: "business", codes: ["BHV", "GEB", "HRV", "KFZ"] },
    ]);
    const contacts = await query<{ first_name: string; commercial: boolean; operational: boolean }>(
      `select p.first_name, p.is_commercial_contact as commercial, p.is_operational_contact as operational
         from persons p join client_files f on f.id = p.client_file_id
        where f.external_id = 'DEMO-MUSTERFIRMA' and p.role = 'contact' order by p.external_id`,
    );
    expect(contacts[0]).toEqual({ first_name: "Klara", commercial: true, operational: true });
    const notary = await query("select 1 from persons where advisor_kind = 'notary'");
    expect(notary).toHaveLength(1);
    const donations = await query("select 1 from donations");
    expect(donations.length).toBeGreaterThanOrEqual(3);
  });

  it("stores the documents as real PDFs with their SHA-256", async () => {
    const versions = await query<{ storage_key: string; sha256: string; size_bytes: number }>(
      "select storage_key, sha256, size_bytes from document_versions",
    );
    expect(versions.length).toBe(first.documents);
    expect(first.documents).toBeGreaterThan(5);
    for (const v of versions.slice(0, 3)) {
      const bytes = await readStored(t.deps.files, v.storage_key);
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(v.sha256);
      expect(bytes.length).toBe(Number(v.size_bytes));
    }
  });

  it("lets the documented admin sign in to the demo firm", async () => {
    const client = new TestClient(t.app);
    const res = await client.post<{ firm: { name: string }; staffRole: string }>("/api/session", {
      email: DEMO_ADMIN.email,
      password: DEMO_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firm: { name: first.firmName }, staffRole: "admin" });
  });

  it("lets Klara Muster sign in to the portal and see the seed-004 grant: HRV and KFZ, not the other line", async () => {
    const client = new TestClient(t.app);
    const signIn = await client.post("/api/session", { email: DEMO_CLIENT.email, password: DEMO_PASSWORD });
    expect(signIn.status).toBe(200);
    const me = await client.get<PortalMe>("/api/portal/me");
    const firm = me.body.firms.find((f) => f.id === DEMO_FIRM_ID);
    expect(firm?.files.map((f) => f.displayName).sort()).toEqual(["Muster, Klara", "Musterfirma GmbH"]);
    const codes = new Set<string>();
    for (const file of firm?.files ?? []) {
      const list = await client.get<PortalContractList>(
        `/api/portal/firms/${DEMO_FIRM_ID}/files/${file.id}/contracts`,
      );
      expect(list.status).toBe(200);
      for (const c of list.body.contracts) codes.add(c.lineOfBusiness?.code ?? "none");
    }
    expect([...codes].sort()).toEqual(["HRV", "KFZ"]);
  });

  it("runs again with the same result, replacing its files, and leaves other firms alone", async () => {
    const before = await query<{ key: string }>("select storage_key as key from document_versions");
    const second = await seedDemo(t.deps, { generated: 10 });
    expect({ ...second, becameFirstFirm: false }).toEqual({ ...first, becameFirstFirm: false });
    const [counts] = await query<{ files: number; persons: number; contracts: number }>(
      `select (select count(*)::int from client_files) as files, (select count(*)::int from persons) as persons,
              (select count(*)::int from contracts) as contracts`,
    );
    expect(counts).toEqual({ files: first.files, persons: first.persons, contracts: first.contracts });
    for (const { key } of before) expect(await t.deps.files.exists(key)).toBe(false);
    const firms = await inFirm(
      t.deps.database,
      existingFirmId,
      async (tx) => (await tx.client.query("select name from firms")).rows,
    );
    expect(firms).toEqual([{ name: "Eigenes Büro" }]);
  }, 120_000);
});
