import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import type { AppDeps } from "../server/deps.js";
import { startEmbeddedPostgres } from "../server/platform/db/embedded.js";
import { freePort, stopLeftoverPostgres } from "../tests/startup/process.js";
import { adminQuery, withDatabase } from "../tests/support/database.js";
import { createFirm } from "../tests/support/factories.js";
import {
  createPortalAccount,
  insertGrant,
  insertGrantee,
  linkGranteeAccount,
} from "../tests/support/factories-grants.js";

// The portal benchmarks' data (PERF-1, PERF-2): FIRMS firms sharing the files evenly; per file two
// persons, 10 contracts and 5 documents (each with one stored version, no file content); one grant per
// two files and one grantee per file (the file's first person, with an account unless pending).
// Everything is generated set-wise in SQL, one transaction per firm inside that firm's scope (the
// tables' row-level security is FORCEd). Ids are md5 of a key, so a later step can grow the data.

export const FIRMS = 200;
export const CONTRACTS_PER_FILE = 10;
export const DOCUMENTS_PER_FILE = 5;
const PARALLEL_FIRMS = 4;

/** Row counts at a scale given by its number of contracts (PERF-1: 1M contracts). */
export function portalScale(contracts: number) {
  const filesPerFirm = Math.max(2, Math.round(contracts / CONTRACTS_PER_FILE / FIRMS));
  const files = filesPerFirm * FIRMS;
  return {
    firms: FIRMS,
    filesPerFirm,
    files,
    contracts: files * CONTRACTS_PER_FILE,
    documents: files * DOCUMENTS_PER_FILE,
    grants: Math.ceil(filesPerFirm / 2) * FIRMS,
    grantees: files,
  };
}
export type PortalScale = ReturnType<typeof portalScale>;

/** The row counts at a scale, as a benchmark's note says them. */
export function scaleNote(contracts: number): string {
  const s = portalScale(contracts);
  return `${s.firms} firms, ${s.files} client files, ${s.contracts} contracts, ${s.documents} documents (+ one version each), ${s.grants} grants, ${s.grantees} grantees`;
}

/**
 * A deterministic version-4-shaped uuid of `key`: md5 with the version and variant nibbles set, so the
 * API's uuid validation accepts it. `uid` is the same in SQL, so the benchmark can name generated rows.
 */
export function benchUuid(key: string): string {
  const h = createHash("md5").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

/** benchUuid in SQL, of a text expression. */
function uid(keyExpression: string): string {
  return `overlay(overlay(md5(${keyExpression}) placing '4' from 13) placing '8' from 17)::uuid`;
}

/** A database of the benchmark's own and how to get rid of it. */
export interface BenchDatabase {
  url: string;
  kind: "embedded" | "server";
  close(): Promise<void>;
}

/** A new database on DATABASE_URL's server, or a fresh embedded PostgreSQL in a temporary directory. */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const name = `atrium_bench_${randomBytes(4).toString("hex")}`;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    await adminQuery(serverUrl, `create database ${name}`);
    return {
      url: withDatabase(serverUrl, name),
      kind: "server",
      close: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
    };
  }
  const root = await mkdtemp(path.join(os.tmpdir(), "atrium-bench-portal-"));
  const dataDir = path.join(root, "data");
  try {
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: name, log });
    return {
      url: embedded.url,
      kind: "embedded",
      async close() {
        await embedded.stop().catch(() => stopLeftoverPostgres(dataDir));
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopLeftoverPostgres(dataDir).catch(() => {});
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/** One generated firm: its id, its index in the keys, and the staff member owning its files. */
export interface BenchFirm {
  id: string;
  index: number;
  ownerId: string;
}

/** The signed-in grantee PERF-1 reads as, and what it must see on its file. */
export interface Probe {
  email: string;
  password: string;
  accountId: string;
  firmId: string;
  fileId: string;
  /** Grants through which the probe reaches its file. */
  grantIds: string[];
}

/** Generated data: the firms, the probe, and how far it has grown. */
export interface PortalWorld {
  firms: BenchFirm[];
  probe: Probe;
  scale: PortalScale;
}

const lastNames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker"];
const firstNames = ["Anna", "Klara", "Paul", "Lukas", "Marie", "Sophie", "Felix", "Jonas", "Lea", "Emma"];
const insurers = ["Allianz", "AXA", "HDI", "Generali", "R+V", "Ergo", "Gothaer", "Signal Iduna", "VHV"];

/** Runs `work` in one owner transaction scoped to `firmId`. */
async function inFirmAsOwner(owner: pg.Pool, firmId: string, work: (client: pg.PoolClient) => Promise<void>) {
  const client = await owner.connect();
  try {
    await client.query("begin");
    // FORCEd row-level security applies to the owner too (unless it is a superuser): scope every step.
    await client.query("select set_config('app.firm_id', $1, true)", [firmId]);
    await work(client);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Runs `task` over `items`, `parallel` at a time. */
async function eachParallel<T>(items: T[], parallel: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** The FIRMS firms (with their defaults: lines, categories, profiles) and one owner each. */
async function createFirms(deps: AppDeps): Promise<BenchFirm[]> {
  const firms: BenchFirm[] = [];
  for (let index = 0; index < FIRMS; index++) {
    const { firmId } = await createFirm(deps, { name: `Bench Kanzlei ${index}`, language: "de" });
    firms.push({ id: firmId, index, ownerId: benchUuid(`o:${index}`) });
  }
  await eachParallel(firms, PARALLEL_FIRMS, (firm) =>
    inFirmAsOwner(deps.database.owner, firm.id, async (client) => {
      await client.query("insert into users (id, name, email, language) values ($1, $2, $3, 'de')", [
        firm.ownerId,
        `Owner ${firm.index}`,
        `owner${firm.index}@bench.test`,
      ]);
      await client.query("insert into staff_members (firm_id, user_id, role) values ($1, $2, 'admin')", [
        firm.id,
        firm.ownerId,
      ]);
    }),
  );
  return firms;
}

// Every statement takes $1 firm id, $2 firm index, $3..$4 the firm's file range [from, to); some more.
const fileKey = uid("'f:' || $2 || ':' || j");
const files = `
  insert into client_files (firm_id, id, kind, display_name, number, case_owner_id, search_text, created_at, updated_at)
  select $1::uuid, ${fileKey}, case when j % 5 = 0 then 'business' else 'private' end, n.name,
         'K-' || lpad(j::text, 6, '0'), $5, lower(n.name || ' k-' || lpad(j::text, 6, '0')),
         now() - make_interval(secs => j), now() - make_interval(secs => j)
    from generate_series($3::int, $4::int - 1) j
   cross join lateral (select case when j % 5 = 0
            then ($6::text[])[1 + j % cardinality($6::text[])] || ' ' || ($7::text[])[1 + (j / 5) % cardinality($7::text[])] || ' GmbH'
            else ($6::text[])[1 + j % cardinality($6::text[])] || ', ' || ($7::text[])[1 + (j / 3) % cardinality($7::text[])]
          end as name) n`;
const persons = `
  insert into persons (firm_id, id, client_file_id, role, first_name, last_name, email, language)
  select $1::uuid, ${uid("'p:' || $2 || ':' || j || ':' || n")}, ${fileKey},
         case when j % 5 = 0 then 'contact' when n = 0 then 'holder' else 'partner' end,
         ($6::text[])[1 + (j + n) % cardinality($6::text[])], ($5::text[])[1 + j % cardinality($5::text[])],
         'p' || $2 || '.' || j || '.' || n || '@bench.test', 'de'
    from generate_series($3::int, $4::int - 1) j cross join generate_series(0, 1) n`;
// Contract c of each file: statuses and dates chosen so every seed-004 category occurs.
const contracts = `
  with l as (select array_agg(id order by code) as ids from lines_of_business where firm_id = $1)
  insert into contracts (firm_id, id, client_file_id, number, insurer, product_name, line_of_business_id, status,
                         offer_date, application_date, document_date, start_date, premium, premium_frequency, currency)
  select $1::uuid, ${uid("'c:' || $2 || ':' || j || ':' || c")}, ${fileKey}, 'V-' || $2 || '-' || j || '-' || c,
         ($5::text[])[1 + (j + c) % cardinality($5::text[])], 'Tarif ' || c,
         l.ids[1 + (j * 10 + c) % cardinality(l.ids)],
         (array['own','own','own','offer','foreign','partly_foreign','own','cancelled','request','own'])[c + 1],
         case when c = 3 then date '2024-03-01' end, case when c = 2 then date '2024-02-01' end,
         case when c in (0, 1, 6, 9) then date '2024-01-01' + (j % 365) end,
         date '2020-01-01' + (j % 1000), (100 + (j * 7 + c) % 900)::numeric(14, 2), 'monthly', 'EUR'
    from generate_series($3::int, $4::int - 1) j cross join generate_series(0, ${CONTRACTS_PER_FILE - 1}) c cross join l`;
// Documents 0..2 are tied to contracts 0, 4 and 7 of their file (shown, shown by a manual list only,
// hidden by categories); document 4 is not shared to the portal.
const documentKey = uid("'d:' || $2 || ':' || j || ':' || d");
const documents = `
  with k as (select array_agg(id order by key) as ids from document_categories where firm_id = $1)
  insert into documents (firm_id, id, client_file_id, title, category_id, contract_id, document_date,
                         shared_to_portal, current_version, created_at, updated_at)
  select $1::uuid, ${documentKey}, ${fileKey}, 'Dokument ' || j || '-' || d, k.ids[1 + (j + d) % cardinality(k.ids)],
         case d when 0 then ${uid("'c:' || $2 || ':' || j || ':0'")} when 1 then ${uid("'c:' || $2 || ':' || j || ':4'")}
                when 2 then ${uid("'c:' || $2 || ':' || j || ':7'")} end,
         date '2024-01-01' + ((j + d) % 365), d <> 4, 1,
         now() - make_interval(secs => j * 5 + d), now() - make_interval(secs => j * 5 + d)
    from generate_series($3::int, $4::int - 1) j cross join generate_series(0, ${DOCUMENTS_PER_FILE - 1}) d cross join k`;
const versions = `
  insert into document_versions (firm_id, document_id, version, storage_key, file_name, content_type, size_bytes,
                                 sha256, uploaded_by, uploaded_at)
  select $1::uuid, ${documentKey}, 1, 'bench/' || $2 || '/' || j || '/' || d, 'dokument-' || j || '-' || d || '.pdf',
         'application/pdf', 20000 + (j * 5 + d) % 500000,
         md5('s:' || $2 || ':' || j || ':' || d) || md5('t:' || $2 || ':' || j || ':' || d), $5,
         now() - make_interval(secs => j * 5 + d)
    from generate_series($3::int, $4::int - 1) j cross join generate_series(0, ${DOCUMENTS_PER_FILE - 1}) d`;
// Grant g bundles files 2g and 2g+1; settings vary with g (grant 0: categories own/application/policy).
const grants = `
  with l as (select array_agg(id order by code) as ids from lines_of_business where firm_id = $1),
       k as (select array_agg(id order by key) as ids from document_categories where firm_id = $1)
  insert into grants (firm_id, id, name, contract_mode, contract_categories, line_of_business_ids,
                      document_category_ids, view)
  select $1::uuid, ${uid("'g:' || $2 || ':' || g")}, 'Freischaltung ' || g,
         case when g % 10 = 9 then 'manual' else 'categories' end,
         case g % 3 when 0 then '{own,application,policy}'::text[]
                    when 1 then '{own,application,policy,foreign,partly_foreign}'::text[] else '{policy}'::text[] end,
         case when g % 4 = 3 then array[l.ids[1], l.ids[2]] else '{}'::uuid[] end,
         case when g % 5 = 4 then array[k.ids[1], k.ids[2]] else '{}'::uuid[] end,
         case when g % 7 = 6 then 'business' else 'private' end
    from generate_series(($3::int + 1) / 2, ($4::int + 1) / 2 - 1) g cross join l cross join k
`;
const grantKey = uid("'g:' || $2 || ':' || (j / 2)");
const grantFiles = `
  insert into grant_files (firm_id, grant_id, client_file_id)
  select $1::uuid, ${grantKey}, ${fileKey} from generate_series($3::int, $4::int - 1) j`;
const grantContracts = `
  insert into grant_contracts (firm_id, grant_id, contract_id)
  select $1::uuid, ${grantKey}, ${uid("'c:' || $2 || ':' || j || ':' || c")}
    from generate_series($3::int, $4::int - 1) j cross join (values (0), (4), (5)) v (c)
   where (j / 2) % 10 = 9`;
// Accounts of the grantees who joined (every 50th is still pending, every 25th locked); users are
// global, so this one takes the firm index and the range only.
const accounts = `
  insert into users (id, name, email, language)
  select ${uid("'u:' || $1 || ':' || j")}::text, 'Grantee ' || $1 || '-' || j, 'u' || $1 || '.' || j || '@bench.test', 'de'
    from generate_series($2::int, $3::int - 1) j where j % 50 <> 49`;
const grantees = `
  insert into grantees (firm_id, id, grant_id, person_id, email, name, account_id, access, is_primary_contact, status)
  select $1::uuid, ${uid("'ge:' || $2 || ':' || j")}, ${grantKey}, ${uid("'p:' || $2 || ':' || j || ':0'")},
         'p' || $2 || '.' || j || '.0@bench.test', 'Grantee ' || $2 || '-' || j,
         case when j % 50 = 49 then null else ${uid("'u:' || $2 || ':' || j")}::text end,
         case when j % 3 = 0 then 'read_write' else 'read' end, j % 2 = 0,
         case when j % 50 = 49 then 'pending' when j % 25 = 24 then 'locked' else 'active' end
    from generate_series($3::int, $4::int - 1) j`;

type Values = (firm: BenchFirm, from: number, to: number) => unknown[];
const range: Values = (firm, from, to) => [firm.id, firm.index, from, to];
const withOwner: Values = (firm, from, to) => [...range(firm, from, to), firm.ownerId];
/** In dependency order: users before grantees, files before what is on them. */
const steps: Array<[string, Values]> = [
  [files, (firm, from, to) => [...withOwner(firm, from, to), lastNames, firstNames]],
  [persons, (firm, from, to) => [...range(firm, from, to), lastNames, firstNames]],
  [contracts, (firm, from, to) => [...range(firm, from, to), insurers]],
  [documents, range],
  [versions, withOwner],
  [grants, range],
  [grantFiles, range],
  [grantContracts, range],
  [accounts, (firm, from, to) => [firm.index, from, to]],
  [grantees, range],
];

/** Adds files [fromFile, toFile) of every firm with everything on them; returns the time it took. */
async function growFiles(owner: pg.Pool, firms: BenchFirm[], fromFile: number, toFile: number) {
  const began = performance.now();
  await eachParallel(firms, PARALLEL_FIRMS, (firm) =>
    inFirmAsOwner(owner, firm.id, async (client) => {
      for (const [statement, values] of steps) await client.query(statement, values(firm, fromFile, toFile));
    }),
  );
  return performance.now() - began;
}

const generatedTables = [
  "client_files",
  "persons",
  "contracts",
  "documents",
  "document_versions",
  "grants",
  "grant_files",
  "grant_contracts",
  "grantees",
  "users",
];

/** The probe account: the first person of firm 0's file 0 (through grant 0), also an outsider on a manual grant. */
async function createProbe(deps: AppDeps, firms: BenchFirm[]): Promise<Probe> {
  const [first, second] = firms;
  if (!first || !second) throw new Error("the probe needs two firms");
  const account = await createPortalAccount(deps, {
    email: "probe@bench.test",
    name: "Paula Probe",
    language: "de",
  });
  const fileId = benchUuid(`f:${first.index}:0`);
  await linkGranteeAccount(deps, first.id, benchUuid(`ge:${first.index}:0`), account.userId);
  // A second grant on the same file, by manual list (the two foreign contracts), as an outside advisor.
  const manual = await insertGrant(deps, first.id, {
    name: "Steuerberatung",
    fileIds: [fileId],
    settings: { contractMode: "manual", contractCategories: [] },
    manualContractIds: [4, 5].map((c) => benchUuid(`c:${first.index}:0:${c}`)),
  });
  await insertGrantee(deps, first.id, {
    grantId: manual.id,
    email: account.email,
    name: account.name,
    accountId: account.userId,
    access: "read",
    status: "active",
  });
  // The account reaches a second firm too, as accounts of advisors do.
  await linkGranteeAccount(deps, second.id, benchUuid(`ge:${second.index}:0`), account.userId);
  return {
    email: account.email,
    password: account.password,
    accountId: account.userId,
    firmId: first.id,
    fileId,
    grantIds: [benchUuid(`g:${first.index}:0`), manual.id],
  };
}

/** VACUUM ANALYZE of the generated tables: what a database that lived a while has (statistics, visibility map). */
async function vacuumAnalyze(owner: pg.Pool) {
  const began = performance.now();
  await owner.query(`vacuum (analyze) ${generatedTables.join(", ")}`);
  return performance.now() - began;
}

/**
 * The world at `contracts` contracts: generated from nothing, or grown from `existing` (same firms and
 * probe, more files). Logs the time each step took and returns them.
 */
export async function preparePortalWorld(
  deps: AppDeps,
  contracts: number,
  log: (line: string) => void,
  existing?: PortalWorld,
): Promise<{ world: PortalWorld; generateMs: number; vacuumMs: number }> {
  const scale = portalScale(contracts);
  const began = performance.now();
  let firms = existing?.firms;
  if (!firms) {
    firms = await createFirms(deps);
    log(`created ${FIRMS} firms with their defaults in ${Math.round(performance.now() - began)} ms`);
  }
  const fromFile = existing?.scale.filesPerFirm ?? 0;
  if (fromFile > scale.filesPerFirm) throw new Error("the data can grow, not shrink");
  const growMs = await growFiles(deps.database.owner, firms, fromFile, scale.filesPerFirm);
  log(
    `generated files ${fromFile}..${scale.filesPerFirm - 1} of each firm: now ${scale.files} files, ` +
      `${scale.contracts} contracts, ${scale.documents} documents, ${scale.grants} grants, ` +
      `${scale.grantees} grantees (${Math.round(growMs)} ms)`,
  );
  const probe = existing?.probe ?? (await createProbe(deps, firms));
  const generateMs = performance.now() - began;
  const vacuumMs = await vacuumAnalyze(deps.database.owner);
  log(`vacuum analyze: ${Math.round(vacuumMs)} ms`);
  return { world: { firms, probe, scale }, generateMs, vacuumMs };
}
