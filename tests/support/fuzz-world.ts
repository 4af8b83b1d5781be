import { createHmac, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { SESSION_COOKIE, SESSION_EXPIRES_IN_S } from "../../server/modules/identity/auth.js";
import { hashPassword } from "../../server/modules/identity/password.js";
import { inScope } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { createFirm } from "./factories.js";
import { makePdf, tinyPng } from "./factories-documents.js";
import type { TestApp } from "./test-app.js";

// SEC-14: one small firm per fuzzed operation, written straight to the database, so what one operation
// deletes, revokes or reconfigures never spoils another. Accounts share one password hash and get their
// sessions minted (a row plus a signed cookie), which keeps a world at a few milliseconds.

/** The ids of one world, by the collection word that precedes them in a path (`client-files`, `grants` …). */
export type WorldIds = Record<string, string>;

/** One firm with one of everything the API addresses by id, an admin and a portal grantee. */
export interface FuzzWorld {
  firmId: string;
  adminId: string;
  portalAccountId: string;
  ids: WorldIds;
  /** A fresh session cookie for the admin or the portal account. */
  cookieOf(who: "staff" | "portal"): Promise<string>;
  /** A new API key of the firm with every scope, created by its admin through the API. */
  apiKey(): Promise<string>;
}

const password = "a calm river at dawn";
let sharedHash: Promise<string> | null = null;
let sharedBytes: Promise<{ pdf: Buffer }> | null = null;
let counter = 0;

/** A session row for `userId` and the cookie better-auth would have set for it. */
async function mintSession(t: TestApp, userId: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await inScope(t.deps.database, { userId }, ({ client }) =>
    client.query(
      `insert into sessions (id, token, user_id, expires_at) values ($1, $2, $3, now() + make_interval(secs => $4))`,
      [newId(), token, userId, SESSION_EXPIRES_IN_S],
    ),
  );
  const secret = (await t.deps.auth.$context).secret;
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** An API key with every scope, as the firm's admin creates it in the settings. */
async function createApiKey(t: TestApp, adminCookie: Promise<string>): Promise<string> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/settings/api-keys",
    headers: { cookie: await adminCookie, "x-atrium-csrf": "1" },
    payload: { name: "Fuzz", scopes: ["read", "write", "import"] },
  });
  const secret = res.statusCode === 201 ? (res.json() as { secret?: string }).secret : undefined;
  if (!secret) throw new Error(`creating an API key answered ${res.statusCode}: ${res.body}`);
  return secret;
}

/** Builds one fuzz world: a firm with its defaults, its people and one row of every addressable kind. */
export async function createFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  sharedHash ??= hashPassword(password);
  sharedBytes ??= makePdf("Police").then((pdf) => ({ pdf }));
  const [hash, { pdf }] = await Promise.all([sharedHash, sharedBytes]);
  const { firmId } = await createFirm(t.deps, { name: `Fuzz ${++counter}` });
  const tag = `${Date.now().toString(36)}-${counter}`;
  const ids: WorldIds = {};
  for (const key of [
    "admin advisor portal file person contract asset claim address donation document importRun",
    "staffInvitation clientInvitation pendingGrantee grantee grant bulkRun session passkey profile",
    "case caseMessage caseAttachment confirmation confirmedConfirmation",
  ].flatMap((line) => line.split(" ")))
    ids[key] = newId();
  const documentKey = `${firmId}/documents/${ids.document}/1`;
  const storedPdf = await t.deps.files.put(documentKey, Readable.from([pdf]));
  const attachmentKey = `${firmId}/cases/${ids.case}/${ids.caseAttachment}`;
  const storedPng = await t.deps.files.put(attachmentKey, Readable.from([tinyPng]));
  const importKey = `${firmId}/imports/${ids.importRun}`;
  const csv = "Nummer;Name;Art\nK-9;Muster, Max;privat\n";
  await t.deps.files.put(importKey, Readable.from([Buffer.from(csv)]));
  await inScope(t.deps.database, { firmId }, async ({ client }) => {
    const q = (text: string, values: unknown[] = []) => client.query(text, [firmId, ...values]);
    for (const [id, name, role] of [
      [ids.admin, "Ada Admin", "admin"],
      [ids.advisor, "Vera Advisor", "advisor"],
      [ids.portal, "Klara Muster", null],
    ] as const) {
      await client.query("insert into users (id, name, email, language) values ($1, $2, $3, 'en')", [
        id,
        name,
        `${name.split(" ")[0]?.toLowerCase()}-${tag}@fuzz.test`,
      ]);
      await client.query(
        "insert into auth_accounts (id, account_id, provider_id, user_id, password) values ($1, $2, 'credential', $2, $3)",
        [newId(), id, hash],
      );
      if (role) await q("insert into staff_members (firm_id, user_id, role) values ($1, $2, $3)", [id, role]);
    }
    const [category] = (await q("select id from document_categories where firm_id = $1 limit 1")).rows;
    const [line] = (await q("select id from lines_of_business where firm_id = $1 limit 1")).rows;
    ids.category = category.id;
    ids.line = line.id;
    await q(
      "insert into client_files (firm_id, id, kind, display_name, number, case_owner_id) values ($1, $2, 'private', 'Muster, Klara', 'K-1', $3)",
      [ids.file, ids.admin],
    );
    await q(
      "insert into persons (firm_id, id, client_file_id, role, first_name, last_name) values ($1, $2, $3, 'holder', 'Klara', 'Muster')",
      [ids.person, ids.file],
    );
    await q(
      "insert into contracts (firm_id, id, client_file_id, insurer, status, line_of_business_id, document_date) values ($1, $2, $3, 'Allianz', 'own', $4, '2025-01-01')",
      [ids.contract, ids.file, ids.line],
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
    await q(
      "insert into documents (firm_id, id, client_file_id, title, category_id, shared_to_portal) values ($1, $2, $3, 'Police', $4, true)",
      [ids.document, ids.file, ids.category],
    );
    await q(
      "insert into document_versions (firm_id, document_id, version, storage_key, file_name, content_type, size_bytes, sha256, uploaded_by) values ($1, $2, 1, $3, 'police.pdf', 'application/pdf', $4, $5, 'seed')",
      [ids.document, documentKey, storedPdf.size, storedPdf.sha256],
    );
    await q(
      "insert into import_runs (firm_id, id, kind, file_name, storage_key, options, created_by, total_rows) values ($1, $2, 'client_files', 'a.csv', $3, $4, $5, 1)",
      [
        ids.importRun,
        importKey,
        { separator: "semicolon", decimal: "comma", dateFormat: "dd.mm.yyyy", encoding: "utf-8" },
        ids.admin,
      ],
    );
    await q(
      "insert into staff_invitations (firm_id, id, email, name, role, language, invited_by, expires_at) values ($1, $2, $3, 'New', 'advisor', 'de', $4, now() + interval '1 day')",
      [ids.staffInvitation, `new-${tag}@fuzz.test`, ids.admin],
    );
    await q(
      "insert into grants (firm_id, id, name, share_assets, share_donations, share_persons, share_claims, share_addresses, contract_mode, features) values ($1, $2, 'Klara', true, true, true, true, true, 'manual', '{messages,claim_reporting}')",
      [ids.grant],
    );
    await q("insert into grant_files (firm_id, grant_id, client_file_id) values ($1, $2, $3)", [
      ids.grant,
      ids.file,
    ]);
    await q("insert into grant_contracts (firm_id, grant_id, contract_id) values ($1, $2, $3)", [
      ids.grant,
      ids.contract,
    ]);
    await q(
      "insert into grantees (firm_id, id, grant_id, person_id, name, status, access, account_id) values ($1, $2, $3, $4, 'Klara Muster', 'active', 'read_write', $5)",
      [ids.grantee, ids.grant, ids.person, ids.portal],
    );
    await q(
      "insert into grantees (firm_id, id, grant_id, email, name, status) values ($1, $2, $3, $4, 'Nora Notar', 'pending')",
      [ids.pendingGrantee, ids.grant, `nora-${tag}@fuzz.test`],
    );
    await q(
      `insert into client_invitations (firm_id, id, grant_id, grantee_id, email, name, language, salutation, channel,
         reminder_days, next_reminder_at, sent_at, expires_at)
       values ($1, $2, $3, $4, $5, 'Nora Notar', 'de', 'formal', 'email', '{2,7}',
         now() + interval '2 days', now(), now() + interval '30 days')`,
      [ids.clientInvitation, ids.grant, ids.pendingGrantee, `nora-${tag}@fuzz.test`],
    );
    await q(
      "insert into bulk_invitation_runs (firm_id, id, options, total, created_by, status) values ($1, $2, '{}', 0, $3, 'done')",
      [ids.bulkRun, ids.admin],
    );
    await client.query(
      "insert into sessions (id, token, user_id, expires_at) values ($1, $2, $3, now() + interval '1 day')",
      [ids.session, `token-${ids.session}`, ids.admin],
    );
    await client.query(
      "insert into passkeys (id, user_id, name, credential_id, public_key) values ($1, $2, 'Phone', $3, 'key')",
      [ids.passkey, ids.admin, `credential-${ids.passkey}`],
    );
    await q("insert into grant_profiles (firm_id, id, name) values ($1, $2, 'Eigenes Profil')", [
      ids.profile,
    ]);
    await q(
      "insert into cases (firm_id, id, client_file_id, kind, subject, created_by_name, created_by_account_id, grant_id) values ($1, $2, $3, 'message', 'Frage', 'Klara Muster', $4, $5)",
      [ids.case, ids.file, ids.portal, ids.grant],
    );
    await q(
      "insert into case_messages (firm_id, id, case_id, author_kind, author_name, body) values ($1, $2, $3, 'client', 'Klara Muster', 'Hallo')",
      [ids.caseMessage, ids.case],
    );
    await q(
      "insert into case_attachments (firm_id, id, case_id, message_id, storage_key, file_name, content_type, size_bytes, sha256) values ($1, $2, $3, $4, $5, 'a.png', 'image/png', $6, $7)",
      [ids.caseAttachment, ids.case, ids.caseMessage, attachmentKey, storedPng.size, storedPng.sha256],
    );
    for (const [id, status] of [
      [ids.confirmation, "open"],
      [ids.confirmedConfirmation, "confirmed"],
    ] as const)
      await q(
        `insert into confirmation_requests (firm_id, id, client_file_id, document_id, document_title, version,
           file_name, sha256, grantee_id, account_id, person_id, name, email, language, salutation, status,
           reminder_days, sent_at, requested_by, requested_by_name, confirmed_at)
         values ($1, $2, $3, $4, 'Police', 1, 'police.pdf', $5, $6, $7, $8, 'Klara Muster', $9, 'de', 'formal',
           $10, '{2,7}', now(), $11, 'Ada Admin', case when $10 = 'confirmed' then now() end)`,
        [
          id,
          ids.file,
          ids.document,
          storedPdf.sha256,
          ids.grantee,
          ids.portal,
          ids.person,
          `klara-${tag}@fuzz.test`,
          status,
          ids.admin,
        ],
      );
    // External ids, as a management system syncing these rows would have set them.
    for (const [table, id] of [
      ["client_files", ids.file],
      ["persons", ids.person],
      ["contracts", ids.contract],
      ["claims", ids.claim],
      ["documents", ids.document],
    ] as const)
      await q(`update ${table} set external_id = $3 where firm_id = $1 and id = $2`, [id, `ext-${table}`]);
    await q(
      `insert into confirmation_evidence (firm_id, request_id, confirmed_at, account_id, account_email, person_id,
         name, document_id, document_title, version, file_name, sha256)
       values ($1, $2, now(), $3, $4, $5, 'Klara Muster', $6, 'Police', 1, 'police.pdf', $7)`,
      [
        ids.confirmedConfirmation,
        ids.portal,
        `klara-${tag}@fuzz.test`,
        ids.person,
        ids.document,
        storedPdf.sha256,
      ],
    );
  });
  const cookieOf = (who: "staff" | "portal") =>
    mintSession(t, (who === "staff" ? ids.admin : ids.portal) ?? "");
  return {
    firmId,
    adminId: ids.admin ?? "",
    portalAccountId: ids.portal ?? "",
    ids,
    cookieOf,
    apiKey: () => createApiKey(t, cookieOf("staff")),
  };
}

/**
 * The world's id for a path parameter, judged by the path segment before it (`/grants/{id}` → the
 * grant); undefined when the word is not one of the world's collections.
 */
export function worldIdFor(world: FuzzWorld, path: string, param: string): string | undefined {
  const segments = path.split("/");
  const before = segments[segments.indexOf(`{${param}}`) - 1] ?? "";
  const ids = world.ids;
  // The sync API addresses rows by the external ids the world set: `ext-<table>`.
  if (param === "externalId") return before === "client-files" ? "ext-client_files" : `ext-${before}`;
  if (before === "firms") return world.firmId;
  if (before === "invitations" && path.startsWith("/api/staff/")) return ids.staffInvitation;
  if (before === "invitations") return ids.clientInvitation;
  if (before === "confirmations")
    return path.endsWith("/certificate") ? ids.confirmedConfirmation : ids.confirmation;
  const byCollection: Record<string, string | undefined> = {
    "client-files": ids.file,
    files: ids.file,
    persons: ids.person,
    contracts: ids.contract,
    assets: ids.asset,
    claims: ids.claim,
    "reference-addresses": ids.address,
    addresses: ids.address,
    donations: ids.donation,
    documents: ids.document,
    imports: ids.importRun,
    staff: ids.advisor,
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
  };
  return byCollection[before];
}

export { password as fuzzWorldPassword };
