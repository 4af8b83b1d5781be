import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConfirmationsWorld, seed004WorldWithConfirmations } from "../support/confirmations-world.js";
import type { TestClient } from "../support/http.js";
import { firmSnapshot, previewAs } from "../support/portal-world.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

type Verb = "POST" | "PATCH" | "PUT" | "DELETE";
interface WriteRoute {
  verb: Verb;
  template: string;
}

/**
 * Requests that change only the account's own state, never the file: marking shared documents as read
 * (PORTAL-4's mailbox; a `read` grantee has a mailbox too) and confirming receipt of a document
 * (PORTAL-5: the evidence of what the grantee was given, no record of the file changes). A `read`
 * grantee may send them; a staff preview still hears 403 there, and the file's data stays as it was.
 */
const ownStateRoutes = new Set([
  "POST /api/portal/firms/{firmId}/files/{fileId}/documents/{id}/read",
  "POST /api/portal/firms/{firmId}/files/{fileId}/documents/read",
  "POST /api/portal/firms/{firmId}/files/{fileId}/confirmations/{id}/confirm",
]);
const isOwnState = (route: WriteRoute) => ownStateRoutes.has(`${route.verb} ${route.template}`);

/** The account's own state and the trail of what it did: left out where only the file's data counts. */
const ownStateTables = [
  "audit_events",
  "confirmation_requests",
  "confirmation_evidence",
  "document_reads",
  "notification_items",
];

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

/**
 * A URL for the route on Klara's file, each record id one the grantees see (and may change, with
 * read_write). A confirmation request is addressed to one grantee: `who` names whose.
 */
function urlFor(w: ConfirmationsWorld, template: string, who: "klara" | "max" = "klara"): string {
  const ids: Record<string, string> = {
    firms: w.firmId,
    files: w.klaraFile,
    assets: w.ids.asset,
    donations: w.ids.donation,
    persons: w.person.lena,
    addresses: w.address.onHrv,
    contracts: w.contract.klaraForeignHrv,
    cases: w.kase.id,
    documents: w.document.shared.id,
    confirmations: w.confirmation[who],
  };
  return template.replace(/\{(\w+)\}/g, (_, param: string) => {
    const id = ids[collectionOf(template, param)];
    if (!id) throw new Error(`no id for {${param}} in ${template}: extend the map`);
    return id;
  });
}

/** A valid body for each write, so a 403 is the refusal and not a side effect of bad input. */
function bodyFor(w: ConfirmationsWorld, route: WriteRoute): unknown {
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
    "POST cases": { kind: "message", subject: "Question", message: "Hello" },
    "POST messages": { body: "Thank you" },
    "POST read": {},
    "POST confirm": { confirmed: true },
  };
  const body = bodies[`${route.verb} ${collection}`];
  if (body === undefined)
    throw new Error(`no valid body for ${route.verb} ${route.template}: extend the map`);
  return body;
}

describe("SEC-13 read-only is read-only in the portal", () => {
  let t: TestApp;
  let w: ConfirmationsWorld;
  let routes: WriteRoute[];
  beforeAll(async () => {
    t = await startTestApp();
    w = await seed004WorldWithConfirmations(t);
    routes = await portalWriteRoutes(t);
  });
  afterAll(() => t?.close());

  async function everyWrite(
    client: TestClient,
    headers: Record<string, string>,
    body: "valid" | "empty",
    only: (route: WriteRoute) => boolean = () => true,
    who: "klara" | "max" = "klara",
  ) {
    const answers: string[] = [];
    for (const route of routes.filter(only)) {
      const payload = route.verb === "DELETE" ? undefined : body === "valid" ? bodyFor(w, route) : {};
      const res = await client.request(route.verb, urlFor(w, route.template, who), payload, headers);
      answers.push(`${route.verb} ${route.template} → ${res.status}`);
    }
    return answers;
  }

  it("SEC-13 the portal has write endpoints, and every one of them is tested here", () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) expect(() => [urlFor(w, route.template), bodyFor(w, route)]).not.toThrow();
  });

  it("SEC-13 a `read` grantee gets 403 on every portal write endpoint, valid body or not, and the database is unchanged", async () => {
    const before = await firmSnapshot(t, w.firmId, { plus: ["document_reads", "notification_items"] });
    for (const body of ["valid", "empty"] as const) {
      const answers = await everyWrite(w.max.client, {}, body, (route) => !isOwnState(route), "max");
      expect(answers.filter((a) => !a.endsWith("→ 403"))).toEqual([]);
    }
    expect(await firmSnapshot(t, w.firmId, { plus: ["document_reads", "notification_items"] })).toBe(before);
  });

  it("SEC-13 a `read` grantee may change its own state (mark read, confirm receipt), and the file's data stays as it was", async () => {
    const fileData = () => firmSnapshot(t, w.firmId, { minus: ownStateTables });
    const before = await fileData();
    const own = routes.filter(isOwnState);
    expect(own.length).toBe(ownStateRoutes.size);
    const answers = await everyWrite(w.max.client, {}, "valid", isOwnState, "max");
    expect(answers.filter((a) => !/→ 2\d\d$/.test(a))).toEqual([]);
    // The request Max confirmed is his own; Klara's is still open (not his to confirm: 404).
    const confirm = "/api/portal/firms/{firmId}/files/{fileId}/confirmations/{id}/confirm";
    const klaras = await w.max.client.post(urlFor(w, confirm, "klara"), { confirmed: true });
    expect(klaras.status).toBe(404);
    const mine = await w.max.client.get<{ items: Array<{ id: string; status: string }> }>(
      w.url(w.klaraFile, "confirmations"),
    );
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: w.confirmation.max, status: "confirmed" }),
    ]);
    expect(await fileData()).toBe(before);
  });

  it("SEC-13 a staff preview gets 403 on every portal write endpoint — even previewing a read_write holder — and the database is unchanged", async () => {
    const snapshot = () => firmSnapshot(t, w.firmId, { plus: ["document_reads", "notification_items"] });
    const before = await snapshot();
    for (const [grantee, who] of [
      [w.grantee.klara, "klara"],
      [w.grantee.bernd, "klara"],
      [w.grantee.max, "max"],
    ] as const)
      for (const body of ["valid", "empty"] as const) {
        // The account's own-state requests too: a preview looks, it never acts for the grantee.
        const answers = await everyWrite(w.owner.client, previewAs(grantee), body, () => true, who);
        expect(answers.filter((a) => !a.endsWith("→ 403"))).toEqual([]);
      }
    expect(await snapshot()).toBe(before);
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
