import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firms, staffMembers } from "../../server/modules/firms/firms.tables.js";
import { inScope } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { createFirm, createStaff } from "../support/factories.js";
import { findRlsProblems } from "../support/rls-catalog.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("tenant isolation by row-level security", () => {
  let t: TestApp;
  let firmA: { firmId: string };
  let firmB: { firmId: string };
  beforeAll(async () => {
    t = await startTestApp();
    firmA = await createFirm(t.deps, { name: "Firm A" });
    firmB = await createFirm(t.deps, { name: "Firm B" });
    await createStaff(t.deps, firmA.firmId, { role: "admin" });
    await createStaff(t.deps, firmB.firmId, { role: "admin" });
  });
  afterAll(() => t?.close());

  it("SEC-10 catalog check: app role is not superuser nor BYPASSRLS, owns nothing; every firm table forces RLS; no firm set shows 0 rows", async () => {
    // The database now holds rows of two firms, so "0 rows with no firm set" is a real check here.
    expect(await findRlsProblems(t.databaseUrl)).toEqual([]);
  });

  it("SEC-10 the catalog check notices a firm table without forced RLS", async () => {
    const owner = t.deps.database.owner;
    await owner.query("create table rls_probe (firm_id uuid not null, id int, primary key (firm_id, id))");
    await owner.query("grant select on rls_probe to atrium_app");
    await owner.query("insert into rls_probe values ($1, 1)", [firmA.firmId]);
    try {
      const problems = await findRlsProblems(t.databaseUrl);
      expect(problems).toContain("rls_probe: row-level security not enabled");
      expect(problems).toContain("rls_probe: row-level security not forced");
      expect(problems).toContain("rls_probe: no firm_isolation policy on app.firm_id");
      expect(problems).toContain("rls_probe: 1 rows visible with no firm set");
    } finally {
      await t.deps.database.owner.query("drop table rls_probe");
    }
  });

  it("SEC-10 the app's connections run as the app role, not as the owner", async () => {
    const { rows } = await t.deps.database.app.query("select current_user as who");
    expect(rows[0].who).toBe("atrium_app");
  });

  it("a firm scope sees only its own firm's rows", async () => {
    const seen = await inScope(t.deps.database, { firmId: firmA.firmId }, (tx) => tx.db.select().from(firms));
    expect(seen.map((f) => f.firmId)).toEqual([firmA.firmId]);
    const staff = await inScope(t.deps.database, { firmId: firmA.firmId }, (tx) =>
      tx.db.select().from(staffMembers),
    );
    expect(staff.every((s) => s.firmId === firmA.firmId)).toBe(true);
    expect(staff).toHaveLength(1);
  });

  it("a query asking for another firm's row by id finds nothing", async () => {
    const rows = await inScope(t.deps.database, { firmId: firmA.firmId }, (tx) =>
      tx.db.select().from(firms).where(eq(firms.firmId, firmB.firmId)),
    );
    expect(rows).toEqual([]);
  });

  it("writing a row into another firm fails in the database", async () => {
    await expect(
      inScope(t.deps.database, { firmId: firmA.firmId }, (tx) =>
        tx.db
          .insert(firms)
          .values({ firmId: newId(), name: "Sneaky", defaultLanguage: "de", publicCode: "SNEA-KY234" }),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringContaining("row-level security") } });
    const updated = await inScope(t.deps.database, { firmId: firmA.firmId }, (tx) =>
      tx.db.update(firms).set({ name: "Renamed" }).where(eq(firms.firmId, firmB.firmId)).returning(),
    );
    expect(updated).toEqual([]);
  });

  it("with no firm set, firm tables are empty to the app", async () => {
    const rows = await inScope(t.deps.database, {}, (tx) => tx.db.select().from(firms));
    expect(rows).toEqual([]);
  });

  it("the firm setting does not outlive its transaction on a pooled connection", async () => {
    await inScope(t.deps.database, { firmId: firmA.firmId }, (tx) => tx.db.select().from(firms));
    const clients = await Promise.all(Array.from({ length: 5 }, () => t.deps.database.app.connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query("select count(*)::int as n from firms");
        expect(rows[0].n).toBe(0);
      }
    } finally {
      for (const client of clients) client.release();
    }
  });
});
