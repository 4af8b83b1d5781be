import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConfirmationsWorld, seed004WorldWithConfirmations } from "../support/confirmations-world.js";
import type { TestClient } from "../support/http.js";
import { firmSnapshot, previewAs } from "../support/portal-world.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

type Verb = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
interface Route {
  verb: Verb;
  template: string;
}
type Ids = { firm: string; file: string; records: Record<string, string> };

/** Every id-taking portal endpoint, from the app's own OpenAPI document. */
async function portalRoutes(t: TestApp): Promise<Route[]> {
  const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(spec.paths)
    .filter(([template]) => template.startsWith("/api/portal/") && template.includes("{"))
    .flatMap(([template, operations]) =>
      Object.keys(operations).map((method) => ({ verb: method.toUpperCase() as Verb, template })),
    );
}

/** One visible record of each kind in a world, by the collection name its routes use. */
function idsOf(w: ConfirmationsWorld): Ids {
  return {
    firm: w.firmId,
    file: w.klaraFile,
    records: {
      assets: w.ids.asset,
      donations: w.ids.donation,
      persons: w.person.klara,
      addresses: w.address.onHrv,
      contracts: w.contract.klaraForeignHrv,
      documents: w.document.shared.id,
      claims: w.claim.onHrv,
      cases: w.kase.id,
      attachments: w.kase.attachmentId,
      confirmations: w.confirmation.klara,
    },
  };
}

function urlFor(template: string, firm: Ids, file: Ids, record: Ids): string {
  const segments = template.split("/");
  return template.replace(/\{(\w+)\}/g, (_, param: string) => {
    if (param === "firmId") return firm.firm;
    if (param === "fileId") return file.file;
    const collection = segments[segments.indexOf(`{${param}}`) - 1] ?? "";
    const id = record.records[collection];
    if (!id) throw new Error(`no record id for {${param}} in ${template}: extend the map`);
    return id;
  });
}

describe("SEC-11 for the portal", () => {
  let t: TestApp;
  let a: ConfirmationsWorld;
  let b: ConfirmationsWorld;
  let routes: Route[];
  beforeAll(async () => {
    t = await startTestApp();
    a = await seed004WorldWithConfirmations(t);
    b = await seed004WorldWithConfirmations(t);
    routes = await portalRoutes(t);
  });
  afterAll(() => t?.close());

  /** The firm's data with the accounts' own state (mailbox reads, notifications): none may change. */
  const snapshot = (firmId: string) =>
    firmSnapshot(t, firmId, { plus: ["document_reads", "notification_items"] });

  async function sweep(client: TestClient, headers: Record<string, string>, combos: Array<[Ids, Ids, Ids]>) {
    const wrong: string[] = [];
    let tried = 0;
    for (const route of routes)
      for (const [firm, file, record] of combos) {
        const url = urlFor(route.template, firm, file, record);
        // Skip the one combination that is the account's own data.
        if (
          !url.includes(b.firmId) &&
          !url.includes(b.klaraFile) &&
          !Object.values(idsOf(b).records).some((id) => url.includes(id))
        )
          continue;
        const payload = route.verb === "GET" || route.verb === "DELETE" ? undefined : {};
        const res = await client.request(route.verb, url, payload, headers);
        tried += 1;
        if (res.status !== 404) wrong.push(`${route.verb} ${url} → ${res.status}`);
      }
    return { wrong, tried };
  }

  it("the ids are real: firm A's holder reads each of them in her own firm (so the 404s below are the rule)", async () => {
    const A = idsOf(a);
    const answers: string[] = [];
    // The seeded firm has no logo: that read answers 404 in its own firm too.
    const reads = routes.filter((r) => r.verb === "GET" && !r.template.endsWith("/logo"));
    expect(reads.length).toBeGreaterThanOrEqual(8);
    for (const route of reads) {
      const res = await a.klara.client.request("GET", urlFor(route.template, A, A, A));
      if (res.status !== 200) answers.push(`GET ${route.template} → ${res.status}`);
    }
    expect(answers).toEqual([]);
    const open = await a.klara.client.get<{ items: Array<{ id: string; mayConfirm: boolean }> }>(
      a.url(a.klaraFile, "confirmations"),
    );
    expect(open.body.items).toEqual([
      expect.objectContaining({ id: a.confirmation.klara, mayConfirm: true }),
    ]);
  });

  it("SEC-11 a portal account of firm A gets 404 for firm B's firm, file and record ids on every portal endpoint, and no data changes", async () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const A = idsOf(a);
    const B = idsOf(b);
    const before = [await snapshot(a.firmId), await snapshot(b.firmId)];
    const combos: Array<[Ids, Ids, Ids]> = [
      [B, B, B],
      [A, B, B],
      [B, A, A],
      [A, A, B],
      [B, B, A],
    ];
    // The read_write holder, and a `read` grantee (whose writes would otherwise meet a 403 first).
    for (const client of [a.klara.client, a.max.client]) {
      const { wrong, tried } = await sweep(client, {}, combos);
      expect(tried).toBeGreaterThan(80);
      expect(wrong).toEqual([]);
    }
    expect([await snapshot(a.firmId), await snapshot(b.firmId)]).toEqual(before);
  });

  it("SEC-11 a staff preview cannot cross firms: another firm's ids or grantee answer 404 everywhere", async () => {
    const A = idsOf(a);
    const B = idsOf(b);
    const before = await snapshot(b.firmId);
    const own = await sweep(a.owner.client, previewAs(a.grantee.klara), [
      [B, B, B],
      [A, B, B],
      [A, A, B],
    ]);
    expect(own.wrong).toEqual([]);
    const foreignGrantee = await sweep(a.owner.client, previewAs(b.grantee.klara), [[B, B, B]]);
    expect(foreignGrantee.wrong).toEqual([]);
    expect(await snapshot(b.firmId)).toBe(before);
  });

  it("SEC-11 the firm switcher lists only the account's own firm", async () => {
    const me = await a.klara.client.get<{ firms: Array<{ id: string }> }>("/api/portal/me");
    expect(me.body.firms.map((f) => f.id)).toEqual([a.firmId]);
  });
});
