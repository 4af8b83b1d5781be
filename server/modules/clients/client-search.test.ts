import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientFilePage } from "../../../contracts/clients.js";
import { createFirm } from "../../../tests/support/factories.js";
import { insertClientFile, signedInStaff } from "../../../tests/support/factories-clients.js";
import { findRlsProblems } from "../../../tests/support/rls-catalog.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { APP_ROLE } from "../../platform/db/pool.js";
import { inScope } from "../../platform/db/scope.js";

type Staff = Awaited<ReturnType<typeof signedInStaff>>;

/** The client list's search through client_file_search, the one SECURITY DEFINER function (ADR 0005). */
describe("the client search function", () => {
  let t: TestApp;
  let firmA: string;
  let firmB: string;
  let adminA: Staff;
  const filesA: string[] = [];
  const filesB: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ({ firmId: firmA } = await createFirm(t.deps));
    ({ firmId: firmB } = await createFirm(t.deps));
    adminA = await signedInStaff(t, firmA, "admin");
    const adminB = await signedInStaff(t, firmB, "admin");
    const base = new Date("2024-03-01T00:00:00Z").getTime();
    for (let i = 0; i < 9; i++) {
      const input = {
        displayName: `Muster, Nr ${i}`,
        number: `M-${i}`,
        updatedAt: new Date(base + (i % 3) * 1000),
      };
      filesA.push((await insertClientFile(t.deps, firmA, { ...input, caseOwnerId: adminA.userId })).id);
      filesB.push((await insertClientFile(t.deps, firmB, { ...input, caseOwnerId: adminB.userId })).id);
    }
    await insertClientFile(t.deps, firmA, { caseOwnerId: adminA.userId, displayName: "Anders, Eva" });
  });
  afterAll(() => t?.close());

  /** Calls the function as the app role in a transaction scoped to `firmId` (or none). */
  const searchAs = (firmId: string | undefined, patterns: string[]) =>
    inScope(t.deps.database, { firmId }, async (tx) => {
      const { rows } = await tx.client.query<{ id: string; firm_id: string }>(
        "select id, firm_id from client_file_search($1::text[])",
        [patterns],
      );
      return rows;
    });

  it("returns only the scope firm's files although another firm's match too", async () => {
    const a = await searchAs(firmA, ["%muster%"]);
    expect(a.map((r) => r.id).sort()).toEqual([...filesA].sort());
    expect(new Set(a.map((r) => r.firm_id))).toEqual(new Set([firmA]));
    const b = await searchAs(firmB, ["%muster%"]);
    expect(b.map((r) => r.id).sort()).toEqual([...filesB].sort());
  });

  it("returns nothing with no firm set, or an empty one", async () => {
    expect(await searchAs(undefined, ["%muster%", "%"])).toEqual([]);
    const rows = await t.deps.database.app.query("select id from client_file_search(array['%'])");
    expect(rows.rows).toEqual([]);
  });

  it("runs as its owner with a pinned search_path, callable by the app role only", async () => {
    const { rows } = await t.deps.database.owner.query<{
      definer: boolean;
      config: string[];
      app: boolean;
      anyone: boolean;
    }>(
      `select p.prosecdef as definer, p.proconfig as config,
              has_function_privilege($1, p.oid, 'execute') as app,
              exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0) as anyone
         from pg_proc p where p.oid = 'public.client_file_search(text[])'::regprocedure`,
      [APP_ROLE],
    );
    expect(rows[0]).toMatchObject({ definer: true, app: true, anyone: false });
    expect(rows[0]?.config).toContain("search_path=pg_catalog, pg_temp");
  });

  it("SEC-10 the catalog check notices an unknown SECURITY DEFINER function, open to PUBLIC, without search_path", async () => {
    const owner = t.deps.database.owner;
    await owner.query(
      "create function definer_probe() returns int language sql security definer as 'select 1'",
    );
    try {
      const problems = await findRlsProblems(t.databaseUrl);
      expect(problems).toEqual([
        "function public.definer_probe is an unknown SECURITY DEFINER",
        "function public.definer_probe runs as its owner without a fixed search_path ending in pg_temp",
        "function public.definer_probe runs as its owner and PUBLIC may execute it",
      ]);
    } finally {
      await owner.query("drop function definer_probe()");
    }
    expect(await findRlsProblems(t.databaseUrl)).toEqual([]);
  });

  const list = (query: string) => adminA.client.get<ClientFilePage>(`/api/client-files?${query}`);

  /** Follows every cursor of a search and returns the ids in order. */
  async function walk(query: string) {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof list>> = await list(
        `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor && ids.length < 100);
    return ids;
  }

  // Full pages come from reading on in list order, the last one from the index: one sequence either way.
  it.each([
    ["name", "asc"],
    ["name", "desc"],
    ["number", "desc"],
    ["updated", "desc"],
    ["updated", "asc"],
  ])("pages a search sorted by %s %s without skipping or repeating", async (sort, dir) => {
    const all = await list(`q=muster&limit=100&sort=${sort}&dir=${dir}`);
    const expected = all.body.items.map((i) => i.id);
    expect([...expected].sort()).toEqual([...filesA].sort());
    expect(await walk(`q=muster&limit=2&sort=${sort}&dir=${dir}`)).toEqual(expected);
    expect(await walk(`q=mu&limit=4&sort=${sort}&dir=${dir}`)).toEqual(expected);
  });
});
