import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf } from "../support/fuzz-verdict.js";
import { createFuzzWorld, type FuzzWorld, worldIdFor } from "../support/fuzz-world.js";
import { caseArbitrary, type FuzzRequest, type Operation, operationsOf } from "../support/openapi-fuzz.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// SEC-14: every operation of the app's own OpenAPI document (read from the running app, so operations
// added later are fuzzed without touching this file) gets ≥ 200 generated requests — about a third
// valid by its schema with the world's real ids, the rest broken on purpose — each through app.inject
// as the actor the route serves (staff admin, portal grantee, or nobody on public routes), with the
// CSRF header so every request gets past the door to validation. No answer may be a 5xx; every 400
// must be a clear `invalid` naming the field (tests/support/fuzz-verdict.ts says exactly what counts).
// Each operation runs on a firm of its own, so sign-outs, deletions and policy changes never spoil
// another operation. The seed is fixed; a failure prints it with the operation, to replay just that.
// SEC14_CASES lowers the cases per operation and SEC14_ONLY picks operations, for local iteration only.

const seed = Number(process.env.SEC14_SEED ?? 20_261_126);
const minimumCases = 200;
const casesPerOperation = Number(process.env.SEC14_CASES ?? minimumCases);
const only = process.env.SEC14_ONLY;
/** Requests in flight at once per operation: enough to overlap the database's work with the app's. */
const concurrency = 4;
const bounceToken = "sec14-bounce-token-0123456789abcdef";

interface Finding {
  operation: string;
  problem: string;
  index: number;
  kind: string;
  request: string;
  answer: string;
}

interface OperationRun {
  key: string;
  cases: number;
  valid: number;
  statuses: Map<number, number>;
  findings: Finding[];
  ms: number;
}

/** A stable 32-bit seed per operation, so adding an operation does not reshuffle the others' cases. */
function seedOf(key: string): number {
  let hash = seed >>> 0;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0;
  return hash | 0;
}

const clip = (text: string, length = 300) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;

function describeRequest(request: FuzzRequest): string {
  const payload =
    request.payload === undefined
      ? ""
      : ` ${clip(Buffer.isBuffer(request.payload) ? `<${request.payload.length} bytes>` : request.payload, 200)}`;
  const type = request.headers["content-type"] ? ` [${request.headers["content-type"]}]` : "";
  return `${request.method} ${clip(request.url, 200)}${type}${payload}`;
}

/** Whether the route answers an anonymous, schema-valid request with 401 (so it needs an actor). */
async function needsActor(t: TestApp, requests: FuzzRequest[]): Promise<boolean> {
  for (const request of requests.filter((r) => r.kind === "valid").slice(0, 5)) {
    const res = await t.app.inject({
      method: request.method as "GET",
      url: request.url,
      headers: { ...request.headers, "x-atrium-csrf": "1" },
      payload: request.payload,
    });
    if (res.statusCode === 401) return true;
  }
  return false;
}

/**
 * Sends every case of one operation and judges each answer. A write gets a world of its own; reads
 * share one (`readWorld`), which they cannot change.
 */
async function fuzzOperation(
  t: TestApp,
  op: Operation,
  readWorld: () => Promise<FuzzWorld>,
): Promise<OperationRun> {
  const started = Date.now();
  const world = op.method === "GET" ? await readWorld() : await createFuzzWorld(t);
  const pool = [world.firmId, ...Object.values(world.ids)];
  const arbitrary = caseArbitrary(op, (param) => worldIdFor(world, op.path, param), pool);
  const requests = fc.sample(arbitrary, { seed: seedOf(op.key), numRuns: casesPerOperation });
  const ownActor = op.path.startsWith("/api/portal/") ? "portal" : "staff";
  const withActor = !op.apiKey && (await needsActor(t, requests));
  const cookies = { staff: await world.cookieOf("staff"), portal: await world.cookieOf("portal") };
  // An API route gets the firm's key; any other the bounce intake's token, which only that route reads.
  const bearer = `Bearer ${op.apiKey ? await world.apiKey() : bounceToken}`;
  const run: OperationRun = { key: op.key, cases: 0, valid: 0, statuses: new Map(), findings: [], ms: 0 };
  for (let start = 0; start < requests.length; start += concurrency) {
    const batch = requests.slice(start, start + concurrency);
    const signedOut = new Set<"staff" | "portal">();
    await Promise.all(
      batch.map(async (request, offset) => {
        const actor = request.otherActor ? (ownActor === "staff" ? "portal" : "staff") : ownActor;
        const cookie = withActor && !request.anonymous ? cookies[actor] : undefined;
        const credentials = request.anonymous ? {} : { authorization: bearer };
        const res = await t.app.inject({
          method: request.method as "GET",
          url: request.url,
          headers: {
            ...request.headers,
            "x-atrium-csrf": "1",
            ...credentials,
            ...(cookie ? { cookie } : {}),
          },
          payload: request.payload,
        });
        run.cases++;
        if (request.kind === "valid") run.valid++;
        run.statuses.set(res.statusCode, (run.statuses.get(res.statusCode) ?? 0) + 1);
        // A case that signed the actor out (sign-out, revoking sessions) must not end the fuzzing.
        if (cookie && res.statusCode === 401) signedOut.add(actor);
        const problem = problemOf(op, request, { status: res.statusCode, body: res.body });
        if (problem)
          run.findings.push({
            operation: op.key,
            problem,
            index: start + offset,
            kind: request.kind,
            request: describeRequest(request),
            answer: `${res.statusCode} ${clip(res.body)}`,
          });
      }),
    );
    for (const who of signedOut) cookies[who] = await world.cookieOf(who).catch(() => cookies[who]);
  }
  run.ms = Date.now() - started;
  if (process.env.SEC14_VERBOSE) console.log(summaryLine(run));
  return run;
}

/** One line per operation: cases, valid ones, and how the app answered. */
function summaryLine(run: OperationRun): string {
  const statuses = [...run.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  return `${run.key}: ${run.cases} cases (${run.valid} valid) in ${run.ms} ms → ${statuses.join(" ")}`;
}

describe("SEC-14 hostile input from the OpenAPI document", () => {
  let t: TestApp;
  beforeAll(async () => {
    // No workers: the mails and jobs the fuzzing causes are queued, not delivered (not what is tested).
    t = await startTestApp({ env: { ATRIUM_ROLE: "web", MAIL_BOUNCE_TOKEN: bounceToken } });
  });
  afterAll(() => t?.close());

  it("SEC-14 what the fuzzing found stays fixed: bad paths, NUL text, boundary-less multipart, empty keys, huge numbers", async () => {
    const world = await createFuzzWorld(t);
    const cookie = await world.cookieOf("staff");
    const send = (
      method: "GET" | "POST" | "PATCH" | "DELETE",
      url: string,
      payload?: string,
      type?: string,
    ) =>
      t.app.inject({
        method,
        url,
        payload,
        headers: {
          cookie,
          "x-atrium-csrf": "1",
          "accept-language": "en",
          ...(type ? { "content-type": type } : {}),
        },
      });
    const fieldsOf = (body: string) =>
      (
        JSON.parse(body) as { error: { details: { fields: Array<{ field: string }> } } }
      ).error.details.fields.map((f) => f.field);
    const file = world.ids.file;
    const cases: Array<[Promise<{ statusCode: number; body: string }>, string[]]> = [
      [send("GET", `/api/client-files/${file}/assets/%ZZ`), ["id"]],
      [send("POST", `/api/account/passkeys/${"x".repeat(1_000)}/remove`, "{}", "application/json"), ["id"]],
      [send("DELETE", "/api/account/sessions/a%00b"), ["id"]],
      [
        send(
          "PATCH",
          `/api/firm/document-categories/${world.ids.category}`,
          JSON.stringify({ name: "a\u0000b" }),
          "application/json",
        ),
        ["name"],
      ],
      [
        send("POST", `/api/portal/firms/${world.firmId}/files/${file}/cases`, "{}", "multipart/form-data"),
        ["body"],
      ],
      [send("PATCH", `/api/client-files/${file}`, '{"":1}', "application/json"), ["body"]],
      [
        send(
          "GET",
          `/api/client-files/${file}/documents/${world.ids.document}/download?version=7366936428326744`,
        ),
        ["version"],
      ],
    ];
    for (const [answer, fields] of cases) {
      const res = await answer;
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res.body), res.body).toEqual(fields);
    }
  });

  it("SEC-14 every endpoint fuzzed from its OpenAPI schema (≥ 200 cases each): no 5xx, every 400 a clear invalid naming the field", async () => {
    const started = Date.now();
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const operations = operationsOf(doc).filter((op) => !only || op.key.includes(only));
    if (!only) expect(operations.length).toBeGreaterThanOrEqual(150);
    let shared: Promise<FuzzWorld> | null = null;
    const readWorld = () => {
      shared ??= createFuzzWorld(t);
      return shared;
    };
    const runs: OperationRun[] = [];
    for (const op of operations) runs.push(await fuzzOperation(t, op, readWorld));
    const cases = runs.reduce((sum, r) => sum + r.cases, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      [
        `SEC-14: ${runs.length} operations, ${cases} cases (seed ${seed}) in ${seconds} s`,
        ...runs.map(summaryLine),
      ].join("\n"),
    );
    const findings = runs.flatMap((r) => r.findings);
    // One example per operation and problem keeps the report readable; the count says how often.
    const groups = new Map<string, { first: Finding; count: number }>();
    for (const f of findings) {
      const key = `${f.operation} — ${f.problem.replace(/".*"/, '"…"')}`;
      const group = groups.get(key);
      if (group) group.count++;
      else groups.set(key, { first: f, count: 1 });
    }
    const report = [...groups].map(
      ([key, { first, count }]) =>
        `${key} (${count}×; case ${first.index}, ${first.kind})\n    → ${first.request}\n    ← ${first.answer}`,
    );
    expect(
      report,
      `SEC-14 findings (replay: SEC14_SEED=${seed} SEC14_ONLY="<operation>")\n${report.join("\n")}`,
    ).toEqual([]);
    if (!process.env.SEC14_CASES)
      expect(runs.filter((r) => r.cases < minimumCases).map((r) => r.key)).toEqual([]);
  }, 900_000);
});
