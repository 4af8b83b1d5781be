import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../support/http.js";
import { firmSnapshot, previewAs, type Seed004World, seed004World } from "../support/portal-world.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

type Verb = "POST" | "PATCH" | "PUT" | "DELETE";
interface WriteRoute {
  verb: Verb;
  template: string;
}

/** Every portal write endpoint, from the app's own OpenAPI document: a new one cannot be forgotten. */
async function portalWriteRoutes(t: TestApp): Promise<WriteRoute[]> {
  const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const routes: WriteRoute[] = [];
  for (const [template, operations] of Object.entries(spec.paths)) {
    if (!template.startsWith("/api/portal/")) continue;
    for (const method of Object.keys(operations)) {
      const verb = method.toUpperCase();
      if (verb === "POST" || verb === "PATCH" || verb === "PUT" || verb === "DELETE")
        routes.push({ verb, template });
    }
  }
  // Deletions last, so the read_write check at the end changes records before removing them.
  return routes.sort((a, b) => Number(a.verb === "DELETE") - Number(b.verb === "DELETE"));
}

/** The collection a path parameter belongs to: the segment before it. */
function collectionOf(template: string, param: string): string {
  const segments = template.split("/");
  return segments[segments.indexOf(`{${param}}`) - 1] ?? "";
}

/** A URL for the route on Klara's file, each record id one the grantees see (and may change, with read_write). */
function urlFor(w: Seed004World, template: string): string {
  const ids: Record<string, string> = {
    firms: w.firmId,
    files: w.klaraFile,
    assets: w.ids.asset,
    donations: w.ids.donation,
    persons: w.person.lena,
    addresses: w.address.onHrv,
    contracts: w.contract.klaraForeignHrv,
  };
  return template.replace(/\{(\w+)\}/g, (_, param: string) => {
    const id = ids[collectionOf(template, param)];
    if (!id) throw new Error(`no id for {${param}} in ${template}: extend the map`);
    return id;
  });
}

/** A valid body for each write, so a 403 is the refusal and not a side effect of bad input. */
function bodyFor(w: Seed004World, route: WriteRoute): unknown {
  if (route.verb === "DELETE") return undefined;
  const collection =
    route.template
      .split("/")
      .filter((s) => !s.startsWith("{"))
      .at(-1) ?? "";
  const bodies: Record<string, unknown> = {
    "POST assets": { kind: "vehicle", description: "Bike", value: "800" },
    "PATCH assets": { value: "1.00" },
    "POST donations": {
      donorName: "A",
      beneficiaryName: "B",
      donationDate: "2025-01-01",
      amount: 10,
      kind: "cash",
    },
    "PATCH donations": { amount: "11.00" },
    "PATCH persons": { email: "lena@example.test" },
    "PATCH addresses": { city: "Köln" },
    "PATCH contracts": { insurer: "HUK" },
    "PUT family-access": { personId: w.person.oma, access: "read" },
  };
  const body = bodies[`${route.verb} ${collection}`];
  if (body === undefined)
    throw new Error(`no valid body for ${route.verb} ${route.template}: extend the map`);
  return body;
}

describe("SEC-13 read-only is read-only in the portal", () => {
  let t: TestApp;
  let w: Seed004World;
  let routes: WriteRoute[];
  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004World(t);
    routes = await portalWriteRoutes(t);
  });
  afterAll(() => t?.close());

  async function everyWrite(client: TestClient, headers: Record<string, string>, body: "valid" | "empty") {
    const answers: string[] = [];
    for (const route of routes) {
      const payload = route.verb === "DELETE" ? undefined : body === "valid" ? bodyFor(w, route) : {};
      const res = await client.request(route.verb, urlFor(w, route.template), payload, headers);
      answers.push(`${route.verb} ${route.template} → ${res.status}`);
    }
    return answers;
  }

  it("SEC-13 the portal has write endpoints, and every one of them is tested here", () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) expect(() => [urlFor(w, route.template), bodyFor(w, route)]).not.toThrow();
  });

  it("SEC-13 a `read` grantee gets 403 on every portal write endpoint, valid body or not, and the database is unchanged", async () => {
    const before = await firmSnapshot(t, w.firmId);
    for (const body of ["valid", "empty"] as const) {
      const answers = await everyWrite(w.max.client, {}, body);
      expect(answers.filter((a) => !a.endsWith("→ 403"))).toEqual([]);
    }
    expect(await firmSnapshot(t, w.firmId)).toBe(before);
  });

  it("SEC-13 a staff preview gets 403 on every portal write endpoint — even previewing a read_write holder — and the database is unchanged", async () => {
    const before = await firmSnapshot(t, w.firmId);
    for (const grantee of [w.grantee.klara, w.grantee.bernd, w.grantee.max])
      for (const body of ["valid", "empty"] as const) {
        const answers = await everyWrite(w.owner.client, previewAs(grantee), body);
        expect(answers.filter((a) => !a.endsWith("→ 403"))).toEqual([]);
      }
    expect(await firmSnapshot(t, w.firmId)).toBe(before);
  });

  it("SEC-13 the refusals name the reason", async () => {
    const asset = urlFor(w, "/api/portal/firms/{firmId}/files/{fileId}/assets/{id}");
    const read = await w.max.client.patch<{ error: { message: string } }>(asset, { value: "1" });
    expect(read.body.error.message).toMatch(/read-only/);
    const preview = await w.owner.client.request<{ error: { message: string } }>(
      "PATCH",
      asset,
      { value: "1" },
      previewAs(w.grantee.klara),
    );
    expect(preview.body.error.message).toMatch(/preview/);
  });

  it("the same requests succeed for the read_write holder (the bodies are valid; the 403s were the rules)", async () => {
    const answers = await everyWrite(w.klara.client, {}, "valid");
    expect(answers.filter((a) => !/→ 2\d\d$/.test(a))).toEqual([]);
  });
});
