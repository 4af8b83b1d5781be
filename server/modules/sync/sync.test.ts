import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BatchBody, createKey, syncClient } from "../../../tests/support/api-keys-world.js";
import { firmWithTeam, nth } from "../../../tests/support/factories-staff.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

type Sync = ReturnType<typeof syncClient>;
interface Changes {
  items: Array<Record<string, unknown>>;
  nextCursor: string | null;
  hasMore: boolean;
}

const files = [
  { externalId: "K-1", displayName: "Muster, Klara", kind: "private", notes: "first" },
  { externalId: "K-2", holderLastName: "Beispiel", holderFirstName: "Jo" },
  { externalId: "K-3", displayName: "Firma AG", kind: "business", number: "B-77" },
];

describe("the sync API (FILE-5, API-1)", () => {
  let t: TestApp;
  let a: Sync;
  let b: Sync;
  let firmA: string;
  let firmB: string;
  beforeAll(async () => {
    t = await startTestApp();
    const teamA = await firmWithTeam(t, ["admin"]);
    const teamB = await firmWithTeam(t, ["admin"]);
    firmA = teamA.firmId;
    firmB = teamB.firmId;
    a = syncClient(t.app, (await createKey(nth(teamA.members, 0).client)).secret);
    b = syncClient(t.app, (await createKey(nth(teamB.members, 0).client)).secret);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("FILE-5 upserts a batch of client files and answers per item", async () => {
    const res = await a.put<BatchBody>("/api/sync/v1/client-files", {
      items: [...files, { externalId: "K-4" }, { externalId: "K-5", displayName: "X", kind: "castle" }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual([
      "created",
      "created",
      "created",
      "invalid",
      "invalid",
    ]);
    expect(res.body.counts).toEqual({ created: 3, updated: 0, unchanged: 0, invalid: 2 });
    expect(res.body.results[3]?.problems.map((p) => p.field)).toEqual(["items.3.displayName"]);
    expect(res.body.results[4]).toMatchObject({ index: 4, externalId: "K-5", id: null });
    expect(res.body.results[4]?.problems[0]?.field).toBe("items.4.kind");
    expect(res.body.results[0]?.id).toMatch(/^[0-9a-f-]{36}$/);

    const k2 = await a.get<Record<string, unknown>>("/api/sync/v1/client-files/K-2");
    expect(k2.body).toMatchObject({
      externalId: "K-2",
      displayName: "Beispiel, Jo",
      number: "K-2",
      kind: "private",
    });
  });

  it("FILE-5 is idempotent: the same batch again changes nothing and answers unchanged", async () => {
    const before = await t.deps.database.owner.query(
      "select id, updated_at from client_files where firm_id = $1 order by id",
      [firmA],
    );
    const res = await a.put<BatchBody>("/api/sync/v1/client-files", { items: files });
    expect(res.body.results.map((r) => r.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    const after = await t.deps.database.owner.query(
      "select id, updated_at from client_files where firm_id = $1 order by id",
      [firmA],
    );
    expect(after.rows).toEqual(before.rows);
    const changed = await a.put<BatchBody>("/api/sync/v1/client-files", {
      items: [{ ...files[0], notes: null }, files[1]],
    });
    expect(changed.body.results.map((r) => r.status)).toEqual(["updated", "unchanged"]);
    const k1 = await a.get<Record<string, unknown>>("/api/sync/v1/client-files/K-1");
    expect(k1.body.notes).toBeNull();
  });

  it("FILE-5 writes persons, contracts and claims that refer to their file by external id", async () => {
    const persons = await a.put<BatchBody>("/api/sync/v1/persons", {
      items: [
        {
          externalId: "P-1",
          clientFileExternalId: "K-1",
          role: "holder",
          lastName: "Muster",
          firstName: "Klara",
          email: "KLARA@example.test",
          birthDate: "1980-02-29",
        },
        { externalId: "P-2", clientFileExternalId: "K-404", role: "holder", lastName: "Nobody" },
        {
          externalId: "P-3",
          clientFileExternalId: "K-1",
          role: "holder",
          lastName: "Muster",
          birthDate: "1980-02-30",
        },
        { externalId: "P-1", clientFileExternalId: "K-1", role: "holder", lastName: "Twice" },
      ],
    });
    expect(persons.body.results.map((r) => r.status)).toEqual(["created", "invalid", "invalid", "invalid"]);
    expect(persons.body.results[1]?.problems[0]?.field).toBe("items.1.clientFileExternalId");
    expect(persons.body.results[2]?.problems[0]?.field).toBe("items.2.birthDate");
    expect(persons.body.results[3]?.problems[0]?.field).toBe("items.3.externalId");
    const p1 = await a.get<Record<string, unknown>>("/api/sync/v1/persons/P-1");
    expect(p1.body).toMatchObject({
      clientFileExternalId: "K-1",
      email: "klara@example.test",
      birthDate: "1980-02-29",
    });

    const contracts = await a.put<BatchBody>("/api/sync/v1/contracts", {
      items: [
        {
          externalId: "C-1",
          clientFileExternalId: "K-1",
          insurer: "Allianz",
          status: "own",
          premium: 1234.5,
          startDate: "2024-01-01",
        },
        { externalId: "C-2", clientFileExternalId: "K-1", insurer: "AXA", status: "own", premium: "lots" },
      ],
    });
    expect(contracts.body.results.map((r) => r.status)).toEqual(["created", "invalid"]);
    expect((await a.get<Record<string, unknown>>("/api/sync/v1/contracts/C-1")).body).toMatchObject({
      premium: "1234.50",
      insurer: "Allianz",
    });

    const claims = {
      items: [
        {
          externalId: "S-1",
          clientFileExternalId: "K-1",
          contractExternalId: "C-1",
          claimDate: "2025-03-01",
          description: "Water damage",
          amount: 800,
        },
        {
          externalId: "S-2",
          clientFileExternalId: "K-2",
          contractExternalId: "C-1",
          claimDate: "2025-03-01",
          description: "Wrong file",
        },
        {
          externalId: "S-3",
          clientFileExternalId: "K-2",
          claimDate: "2025-03-02",
          description: "No contract",
          status: "closed",
        },
      ],
    };
    const first = await a.put<BatchBody>("/api/sync/v1/claims", claims);
    expect(first.body.results.map((r) => r.status)).toEqual(["created", "invalid", "created"]);
    expect(first.body.results[1]?.problems[0]?.field).toBe("items.1.contractExternalId");
    const again = await a.put<BatchBody>("/api/sync/v1/claims", claims);
    expect(again.body.results.map((r) => r.status)).toEqual(["unchanged", "invalid", "unchanged"]);
    const s1 = await a.get<Record<string, unknown>>("/api/sync/v1/claims/S-1");
    expect(s1.body).toMatchObject({
      contractExternalId: "C-1",
      amount: "800.00",
      status: "open",
      currency: "EUR",
    });
  });

  it("SEC-14 refuses a malformed or oversized batch whole, naming the field", async () => {
    const big = {
      items: Array.from({ length: 501 }, (_, i) => ({ externalId: `G-${i}`, displayName: "G" })),
    };
    const cases: Array<[string, unknown, string]> = [
      ["client-files", big, "items"],
      ["client-files", { items: [] }, "items"],
      ["client-files", { items: [{ externalId: "Z", displayName: { evil: 1 } }] }, "items.0.displayName"],
      ["client-files", { items: [{ externalId: "Z", colour: "red" }] }, "items.0.colour"],
      ["persons", { items: [{ externalId: "Z", isEmployee: "maybe" }] }, "items.0.isEmployee"],
      ["claims", "not json at all", "body"],
    ];
    for (const [kind, body, field] of cases) {
      const res = await a.put<BatchBody>(`/api/sync/v1/${kind}`, body);
      expect(res.status, `${kind} ${field}`).toBe(400);
      expect(res.body.error?.code).toBe("invalid");
      expect(res.body.error?.details?.fields?.map((f) => f.field)).toContain(field);
    }
    const badCursor = await a.get<BatchBody>("/api/sync/v1/client-files?cursor=bm9wZQ");
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error?.details?.fields?.[0]?.field).toBe("cursor");
  });

  it("lists changes after a cursor, page by page, and continues later from the last cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const res = await a.get<Changes>(`/api/sync/v1/client-files${query}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i) => String(i.externalId)));
      cursor = res.body.nextCursor;
      if (!res.body.hasMore) break;
    }
    expect(seen.sort()).toEqual(["K-1", "K-2", "K-3"]);
    const nothing = await a.get<Changes>(`/api/sync/v1/client-files?cursor=${cursor}`);
    expect(nothing.body).toEqual({ items: [], nextCursor: cursor, hasMore: false });
    t.clock.advance(1000);
    await a.put("/api/sync/v1/client-files", { items: [{ ...files[2], notes: "changed" }] });
    const next = await a.get<Changes>(`/api/sync/v1/client-files?cursor=${cursor}`);
    expect(next.body.items.map((i) => i.externalId)).toEqual(["K-3"]);
  });

  it("SEC-11 a key of one firm never sees or changes another firm's rows", async () => {
    expect((await b.get("/api/sync/v1/client-files/K-1")).status).toBe(404);
    expect((await b.get<Changes>("/api/sync/v1/client-files")).body.items).toEqual([]);
    expect((await b.get("/api/sync/v1/persons/P-1")).status).toBe(404);
    // Firm B's person pointing at firm A's file: the file is simply unknown in B.
    const person = await b.put<BatchBody>("/api/sync/v1/persons", {
      items: [{ externalId: "P-1", clientFileExternalId: "K-1", role: "holder", lastName: "Intruder" }],
    });
    expect(person.body.results[0]?.status).toBe("invalid");
    // The same external id in B creates B's own row; A's stays as it was.
    const same = await b.put<BatchBody>("/api/sync/v1/client-files", {
      items: [{ externalId: "K-1", displayName: "B's own" }],
    });
    expect(same.body.results[0]?.status).toBe("created");
    const rows = await t.deps.database.owner.query<{ firm_id: string; display_name: string }>(
      "select firm_id, display_name from client_files where external_id = 'K-1' order by display_name",
    );
    expect(rows.rows).toEqual(
      expect.arrayContaining([
        { firm_id: firmA, display_name: "Muster, Klara" },
        { firm_id: firmB, display_name: "B's own" },
      ]),
    );
    expect((await a.get<Record<string, unknown>>("/api/sync/v1/client-files/K-1")).body.displayName).toBe(
      "Muster, Klara",
    );
  });

  it("API-1 documents every sync endpoint in the OpenAPI document, with the bearer key", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.components.securitySchemes.apiKey).toEqual({ type: "http", scheme: "bearer" });
    for (const kind of ["client-files", "persons", "contracts", "claims", "documents"]) {
      expect(doc.paths[`/api/sync/v1/${kind}`]?.put?.requestBody).toBeDefined();
      expect(doc.paths[`/api/sync/v1/${kind}`]?.get?.security).toEqual([{ apiKey: [] }]);
      expect(doc.paths[`/api/sync/v1/${kind}/{externalId}`]?.get).toBeDefined();
    }
    expect(doc.paths["/api/sync/v1/imports"]?.post).toBeDefined();
    expect(doc.paths["/api/settings/api-keys"]?.post).toBeDefined();
  });

  it("REL-5 audits each batch once, as the API key", async () => {
    const { rows } = await t.deps.database.owner.query<{
      action: string;
      actor_kind: string;
      actor_name: string;
      after: Record<string, unknown>;
    }>(
      "select action, actor_kind, actor_name, after from audit_events where firm_id = $1 and action = 'sync.batch' order by at, id",
      [firmA],
    );
    expect(rows.length).toBeGreaterThanOrEqual(7);
    expect(rows.every((r) => r.actor_kind === "api" && r.actor_name.startsWith("Management system"))).toBe(
      true,
    );
    expect(rows.map((r) => r.after)).toContainEqual(
      expect.objectContaining({ kind: "client-files", created: 3, invalid: 2 }),
    );
  });

  it("SEC-14 hostile values in any field never cause a server error and are named per item", async () => {
    const texts = [
      "",
      " ",
      "x".repeat(5000),
      "2024-13-45",
      "0000-00-00",
      "1e309",
      "-1e12",
      "NaN",
      "../../etc",
      "'; drop table x; --",
      "\u202e",
      "😀".repeat(50),
      "ja",
      "2025-02-29",
      "+49 30 1234567",
      "a@b",
    ];
    const numbers = [-1, 0, 1e308, Number.MAX_SAFE_INTEGER, 0.001, -0.005, 999999999999.99];
    const valuesFor = (type: string): unknown[] =>
      type === "bool"
        ? [true, false, null]
        : type === "decimal"
          ? [...texts, ...numbers, null]
          : [...texts, null];
    const base: Record<string, Record<string, unknown>> = {
      "client-files": { displayName: "Fuzz" },
      persons: { clientFileExternalId: "K-1", role: "holder", lastName: "Fuzz" },
      contracts: { clientFileExternalId: "K-1", insurer: "Fuzz", status: "own" },
      claims: { clientFileExternalId: "K-1", claimDate: "2025-01-01", description: "Fuzz" },
    };
    const { syncFields } = await import("./sync.schemas.js");
    let cases = 0;
    for (const [kind, fields] of Object.entries(base)) {
      for (const field of syncFields[kind as keyof typeof syncFields]) {
        const items = valuesFor(field.type).map((value, i) => ({
          ...fields,
          externalId: `F-${kind}-${field.key}-${i}`,
          [field.key]: value,
        }));
        const res = await a.put<BatchBody>(`/api/sync/v1/${kind}`, { items });
        cases += items.length;
        expect(res.status, `${kind}.${field.key} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
        for (const r of res.body.results) {
          if (r.status === "invalid")
            expect(r.problems[0]?.field).toMatch(new RegExp(`^items\\.${r.index}\\.`));
        }
        // A value of the wrong JSON type is the calling program's fault: the batch is refused, naming it.
        const wrongType = field.type === "bool" ? "yes" : { nested: true };
        const refused = await a.put<BatchBody>(`/api/sync/v1/${kind}`, {
          items: [{ ...fields, [field.key]: wrongType }],
        });
        cases += 1;
        expect(refused.status).toBe(400);
        expect(refused.body.error?.details?.fields?.map((f) => f.field)).toContain(`items.0.${field.key}`);
      }
    }
    expect(cases).toBeGreaterThanOrEqual(200);
  });
});
