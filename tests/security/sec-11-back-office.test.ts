import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { createFirm, createStaff } from "../support/factories.js";
import { makePdf, tinyPng } from "../support/factories-documents.js";
import { createPortalAccount } from "../support/factories-grants.js";
import { TestClient } from "../support/http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

type Ids = Record<string, string>;

/** One of everything the back office addresses by id, in firm A, written through the app role. */
async function seedFirmA(t: TestApp, adminId: string, firmId: string): Promise<Ids> {
  const ids: Ids = {
    file: newId(),
    person: newId(),
    contract: newId(),
    asset: newId(),
    claim: newId(),
    address: newId(),
    donation: newId(),
    document: newId(),
    importRun: newId(),
    invitation: newId(),
    clientInvitation: newId(),
    invitedGrantee: newId(),
    bulkRun: newId(),
    session: newId(),
    passkey: newId(),
    grant: newId(),
    grantee: newId(),
    profile: newId(),
    case: newId(),
    caseMessage: newId(),
    caseAttachment: newId(),
    confirmation: newId(),
    confirmedConfirmation: newId(),
    apiKey: newId(),
    webhook: newId(),
    webhookDelivery: newId(),
    user: adminId,
  };
  // Klara's grantee has joined the portal: removing her account is something another firm must not do.
  const klaraAccount = await createPortalAccount(t.deps, { name: "Klara Muster" });
  // Stored bytes behind the document's version and the case's attachment, so firm A itself reaches them.
  const documentKey = `${firmId}/documents/${ids.document}/1`;
  const pdf = await t.deps.files.put(documentKey, Readable.from([await makePdf("Police")]));
  const attachmentKey = `${firmId}/cases/${ids.case}/${ids.caseAttachment}`;
  const png = await t.deps.files.put(attachmentKey, Readable.from([tinyPng]));
  await inScope(t.deps.database, { firmId }, async ({ client }) => {
    const q = (text: string, values: unknown[]) => client.query(text, [firmId, ...values]);
    await q(
      "insert into client_files (firm_id, id, kind, display_name, number, case_owner_id) values ($1, $2, 'private', 'Muster, Klara', 'K-1', $3)",
      [ids.file, adminId],
    );
    await q(
      "insert into persons (firm_id, id, client_file_id, role, first_name, last_name) values ($1, $2, $3, 'holder', 'Klara', 'Muster')",
      [ids.person, ids.file],
    );
    await q(
      "insert into contracts (firm_id, id, client_file_id, insurer, status) values ($1, $2, $3, 'Allianz', 'own')",
      [ids.contract, ids.file],
    );
    await q(
      "insert into assets (firm_id, id, client_file_id, kind, description, value) values ($1, $2, $3, 'other', 'Gold', 10)",
      [ids.asset, ids.file],
    );
    await q(
      "insert into claims (firm_id, id, client_file_id, claim_date, description) values ($1, $2, $3, '2026-01-05', 'Wasserschaden')",
      [ids.claim, ids.file],
    );
    await q(
      "insert into reference_addresses (firm_id, id, client_file_id, label, street, postal_code, city) values ($1, $2, $3, 'Haus', 'Weg 1', '10115', 'Berlin')",
      [ids.address, ids.file],
    );
    await q(
      "insert into donations (firm_id, id, client_file_id, donation_date, amount, kind, donor_name, beneficiary_name) values ($1, $2, $3, '2025-05-01', 1000, 'cash', 'A', 'B')",
      [ids.donation, ids.file],
    );
    const category = await q("select id from document_categories where firm_id = $1 limit 1", []);
    const line = await q("select id from lines_of_business where firm_id = $1 limit 1", []);
    ids.category = category.rows[0].id;
    ids.line = line.rows[0].id;
    await q(
      "insert into documents (firm_id, id, client_file_id, title, category_id) values ($1, $2, $3, 'Police', $4)",
      [ids.document, ids.file, ids.category],
    );
    await q(
      "insert into document_versions (firm_id, document_id, version, storage_key, file_name, content_type, size_bytes, sha256, uploaded_by) values ($1, $2, 1, $3, 'police.pdf', 'application/pdf', $4, $5, 'seed')",
      [ids.document, documentKey, pdf.size, pdf.sha256],
    );
    await q(
      "insert into import_runs (firm_id, id, kind, file_name, storage_key, options, created_by) values ($1, $2, 'client_files', 'a.csv', 'x', '{}', $3)",
      [ids.importRun, adminId],
    );
    await q(
      "insert into staff_invitations (firm_id, id, email, name, role, language, invited_by, expires_at) values ($1, $2, 'new@a.test', 'New', 'advisor', 'de', $3, now() + interval '1 day')",
      [ids.invitation, adminId],
    );
    await q("insert into grants (firm_id, id, name) values ($1, $2, 'Klara')", [ids.grant]);
    await q("insert into grant_files (firm_id, grant_id, client_file_id) values ($1, $2, $3)", [
      ids.grant,
      ids.file,
    ]);
    await q("insert into grant_contracts (firm_id, grant_id, contract_id) values ($1, $2, $3)", [
      ids.grant,
      ids.contract,
    ]);
    await q(
      "insert into grantees (firm_id, id, grant_id, person_id, name, status) values ($1, $2, $3, $4, 'Klara Muster', 'active')",
      [ids.grantee, ids.grant, ids.person],
    );
    await q(
      "insert into grantees (firm_id, id, grant_id, email, name, status) values ($1, $2, $3, 'nora@notare.test', 'Nora Notar', 'pending')",
      [ids.invitedGrantee, ids.grant],
    );
    await q(
      `insert into client_invitations (firm_id, id, grant_id, grantee_id, email, name, language, salutation, channel,
         reminder_days, next_reminder_at, sent_at, expires_at)
       values ($1, $2, $3, $4, 'nora@notare.test', 'Nora Notar', 'de', 'formal', 'email', '{2,7}',
         now() + interval '2 days', now(), now() + interval '30 days')`,
      [ids.clientInvitation, ids.grant, ids.invitedGrantee],
    );
    await q(
      "insert into bulk_invitation_runs (firm_id, id, options, total, created_by, status) values ($1, $2, '{}', 0, $3, 'done')",
      [ids.bulkRun, adminId],
    );
    await q(
      "insert into api_keys (firm_id, id, name, scopes, prefix, secret_hash, created_by) values ($1, $2, 'Sync', '{read,write}', 'atr_seed', $3, $4)",
      [ids.apiKey, "0".repeat(64), adminId],
    );
    await q(
      "insert into webhook_endpoints (firm_id, id, url, events, secret_sealed, secret_hint) values ($1, $2, 'https://hooks.a.test/atrium', '{case.created}', 'sealed', 'whsec_seed')",
      [ids.webhook],
    );
    await q(
      `insert into webhook_deliveries (firm_id, id, endpoint_id, event_id, event_type, payload, status, created_at)
       values ($1, $2, $3, $4, 'case.created', '{}', 'failed', now())`,
      [ids.webhookDelivery, ids.webhook, newId()],
    );
    // Accounts are global: firm A's admin's session is what another firm's admin must not end.
    await client.query(
      "insert into sessions (id, token, user_id, expires_at) values ($1, $2, $3, now() + interval '1 day')",
      [ids.session, `token-${ids.session}`, adminId],
    );
    // A passkey of firm A's admin: no one else may remove it.
    await client.query(
      "insert into passkeys (id, user_id, name, credential_id, public_key) values ($1, $2, 'Phone', $3, 'key')",
      [ids.passkey, adminId, `credential-${ids.passkey}`],
    );
    await q("insert into grant_profiles (firm_id, id, name) values ($1, $2, 'Eigenes Profil')", [
      ids.profile,
    ]);
    await q(
      "insert into cases (firm_id, id, client_file_id, kind, subject, created_by_name) values ($1, $2, $3, 'message', 'Frage', 'Klara Muster')",
      [ids.case, ids.file],
    );
    await q(
      "insert into case_messages (firm_id, id, case_id, author_kind, author_name, body) values ($1, $2, $3, 'client', 'Klara Muster', 'Hallo')",
      [ids.caseMessage, ids.case],
    );
    await q(
      "insert into case_attachments (firm_id, id, case_id, message_id, storage_key, file_name, content_type, size_bytes, sha256) values ($1, $2, $3, $4, $5, 'a.png', 'image/png', $6, $7)",
      [ids.caseAttachment, ids.case, ids.caseMessage, attachmentKey, png.size, png.sha256],
    );
    await q("update grantees set account_id = $2 where firm_id = $1 and id = $3", [
      klaraAccount.userId,
      ids.grantee,
    ]);
    // An open confirmation request (cancel, resend) and a confirmed one with its evidence (certificate).
    for (const [id, status] of [
      [ids.confirmation, "open"],
      [ids.confirmedConfirmation, "confirmed"],
    ] as const)
      await q(
        `insert into confirmation_requests (firm_id, id, client_file_id, document_id, document_title, version,
           file_name, sha256, grantee_id, account_id, person_id, name, email, language, salutation, status,
           reminder_days, sent_at, requested_by, requested_by_name, confirmed_at)
         values ($1, $2, $3, $4, 'Police', 1, 'police.pdf', $5, $6, $7, $8, 'Klara Muster', $9, 'de', 'formal',
           $10, '{2,7}', now(), $11, 'Admin', case when $10 = 'confirmed' then now() end)`,
        [
          id,
          ids.file,
          ids.document,
          pdf.sha256,
          ids.grantee,
          klaraAccount.userId,
          ids.person,
          klaraAccount.email,
          status,
          adminId,
        ],
      );
    await q(
      `insert into confirmation_evidence (firm_id, request_id, confirmed_at, account_id, account_email, person_id,
         name, document_id, document_title, version, file_name, sha256)
       values ($1, $2, now(), $3, $4, $5, 'Klara Muster', $6, 'Police', 1, 'police.pdf', $7)`,
      [
        ids.confirmedConfirmation,
        klaraAccount.userId,
        klaraAccount.email,
        ids.person,
        ids.document,
        pdf.sha256,
      ],
    );
  });
  return ids;
}

/**
 * Endpoints that serve someone other than staff sessions: the portal's serve grantees
 * (tests/security/sec-11-portal.test.ts sweeps them); the sync API takes only a firm's API key and
 * reads by external id (its SEC-11 test is in server/modules/sync/sync.test.ts).
 */
function servesOthers(template: string): boolean {
  return template.startsWith("/api/portal/") || template.startsWith("/api/sync/");
}

/** Which of firm A's ids goes into a path parameter, judged by the path segment before it. */
function idFor(path: string, param: string, ids: Ids): string {
  const segments = path.split("/");
  const before = segments[segments.indexOf(`{${param}}`) - 1] ?? "";
  const byCollection: Record<string, string | undefined> = {
    "client-files": ids.file,
    persons: ids.person,
    contracts: ids.contract,
    assets: ids.asset,
    claims: ids.claim,
    "reference-addresses": ids.address,
    donations: ids.donation,
    documents: ids.document,
    imports: ids.importRun,
    invitations: ids.invitation,
    staff: ids.user,
    "lines-of-business": ids.line,
    "document-categories": ids.category,
    "grant-profiles": ids.profile,
    grants: ids.grant,
    grantees: ids.grantee,
    bulk: ids.bulkRun,
    sessions: ids.session,
    passkeys: ids.passkey,
    cases: ids.case,
    attachments: ids.caseAttachment,
    confirmations: path.endsWith("/certificate") ? ids.confirmedConfirmation : ids.confirmation,
    "api-keys": ids.apiKey,
    webhooks: ids.webhook,
    deliveries: ids.webhookDelivery,
  };
  // Client invitations (/api/invitations/…) and staff invitations (/api/staff/invitations/…) share a word;
  // bulk runs (/api/invitations/bulk/…) are their own.
  const clientInvitation = path.startsWith("/api/invitations/") && before !== "bulk";
  const id = clientInvitation ? ids.clientInvitation : byCollection[before];
  if (!id) throw new Error(`no id of firm A for {${param}} in ${path}: extend the map`);
  return id;
}

async function snapshot(t: TestApp, firmId: string): Promise<string> {
  const tables = [
    "client_files",
    "persons",
    "contracts",
    "assets",
    "claims",
    "reference_addresses",
    "donations",
    "documents",
    "import_runs",
    "staff_invitations",
    "staff_members",
    "lines_of_business",
    "document_categories",
    "grants",
    "grant_files",
    "grant_contracts",
    "grantees",
    "grant_profiles",
    "client_invitations",
    "bulk_invitation_runs",
    "cases",
    "case_messages",
    "case_attachments",
    "confirmation_requests",
    "confirmation_evidence",
    "notification_items",
    "api_keys",
    "webhook_endpoints",
    "webhook_deliveries",
  ];
  const rows = await inScope(t.deps.database, { firmId }, async ({ client }) => {
    const out: Record<string, unknown> = {};
    for (const table of tables)
      out[table] = (await client.query(`select * from ${table} order by 1, 2`)).rows;
    return out;
  });
  return JSON.stringify(rows);
}

describe("SEC-11 for the back office", () => {
  let t: TestApp;
  let firmA: string;
  let ids: Ids;
  let intruder: TestClient;
  let insider: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    firmA = (await createFirm(t.deps, { name: "Firm A" })).firmId;
    const adminA = await createStaff(t.deps, firmA, { role: "admin" });
    ids = await seedFirmA(t, adminA.userId, firmA);
    // Another admin of firm A (adminA has a passkey from the seed, so signs in with two factors).
    const colleague = await createStaff(t.deps, firmA, { role: "admin" });
    insider = new TestClient(t.app);
    expect(
      (await insider.post("/api/session", { email: colleague.email, password: colleague.password })).status,
    ).toBe(200);
    const firmB = (await createFirm(t.deps, { name: "Firm B" })).firmId;
    const adminB = await createStaff(t.deps, firmB, { role: "admin" });
    intruder = new TestClient(t.app);
    expect(
      (await intruder.post("/api/session", { email: adminB.email, password: adminB.password })).status,
    ).toBe(200);
  });
  afterAll(() => t?.close());

  it("the seeded ids are real: firm A's own admin reads each of them (so the 404s below are the rule, not an empty table)", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    // Reads that need more than an id: not a sign the seed is missing something.
    const needMore: Record<string, string> = {
      "/api/grantees/{id}/explain": "asks for a record kind and id in the query (400 without)",
      "/api/imports/{id}": "the seeded run has no real options or results",
    };
    const answers: string[] = [];
    for (const [template, operations] of Object.entries(spec.paths)) {
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
      if (params.length === 0 || servesOthers(template) || !("get" in operations)) continue;
      if (template in needMore) continue;
      const url = params.reduce((p, name) => p.replace(`{${name}}`, idFor(template, name, ids)), template);
      const res = await insider.request("GET", url);
      if (res.status !== 200) answers.push(`GET ${template} → ${res.status}`);
    }
    expect(answers).toEqual([]);
  });

  it("SEC-11 every id-taking endpoint answers another firm's admin with 404 (or a 400 for the body), and firm A's data stays as it was", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const before = await snapshot(t, firmA);
    const answers: string[] = [];
    let tried = 0;
    for (const [template, operations] of Object.entries(spec.paths)) {
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
      if (params.length === 0) continue;
      if (servesOthers(template)) continue;
      const url = params.reduce((p, name) => p.replace(`{${name}}`, idFor(template, name, ids)), template);
      for (const method of Object.keys(operations)) {
        const verb = method.toUpperCase() as "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
        const res = await intruder.request(verb, url, verb === "GET" || verb === "DELETE" ? undefined : {});
        tried += 1;
        const acceptable = res.status === 404 || (res.status === 400 && verb !== "GET" && verb !== "DELETE");
        if (!acceptable) answers.push(`${verb} ${template} → ${res.status}`);
      }
    }
    expect(tried).toBeGreaterThan(30);
    expect(answers).toEqual([]);
    expect(await snapshot(t, firmA)).toBe(before);
  });

  it("SEC-11 10,000 random requests with firm A's ids, in any slot, answer another firm's admin with 404 only", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const endpoints = Object.entries(spec.paths)
      .filter(([template]) => template.includes("{") && !servesOthers(template))
      .flatMap(([template, operations]) => Object.keys(operations).map((method) => ({ template, method })));
    const pool = Object.values(ids);
    const seed = Number(process.env.SEC11_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const total = Number(process.env.SEC11_REQUESTS ?? 10_000);
    const before = await snapshot(t, firmA);
    const answers: string[] = [];
    for (let i = 0; i < total; i++) {
      const { template, method } = pick(endpoints);
      // Mostly the id that belongs in the slot; sometimes any other of firm A's ids.
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) =>
        random() < 0.7 ? idFor(template, name, ids) : pick(pool),
      );
      const verb = method.toUpperCase() as "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
      const res = await intruder.request(verb, url, verb === "GET" || verb === "DELETE" ? undefined : {});
      const acceptable = res.status === 404 || (res.status === 400 && verb !== "GET" && verb !== "DELETE");
      if (!acceptable && answers.length < 20) answers.push(`${verb} ${url} → ${res.status}`);
    }
    expect(answers, `seed ${seed}`).toEqual([]);
    expect(await snapshot(t, firmA)).toBe(before);
    // Ten thousand requests through the whole app take about a minute on a busy two-core machine.
  }, 300_000);
});

/** A small seeded generator (mulberry32), so a failing run can be repeated with SEC11_SEED. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}
