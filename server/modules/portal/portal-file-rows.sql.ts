import type pg from "pg";
import { createFirmFunction } from "../../platform/db/firm-function.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import type { PortalViewer } from "../access/portal-access.js";
import type { OpeningRead, PortalWork } from "../access/portal-scope.js";
import { grantShowsRowSql } from "../access/visibility.sql.js";

// The portal's two busiest lists as database functions: each finds the viewer's grants that reach the
// file at the request's instant (a grantee active and not expired; in a preview, pending too) and
// answers the file's rows one of them shows, by the rules of visibility.sql.ts, in one statement.
// A list sends its function in its opening round trip, together with the session and the viewer's
// grants on the file (ADR 0008); elsewhere (previews, writes) it runs as a named statement. They run
// as their caller, so row-level security applies (createFirmFunction). Dates come as text.

/** A contract of the file as the portal needs it, with its line of business. */
export interface FileContractRow {
  contract: {
    id: string;
    clientFileId: string;
    number: string | null;
    insurer: string;
    productName: string | null;
    risk: string | null;
    status: string;
    offerDate: string | null;
    applicationDate: string | null;
    documentDate: string | null;
    startDate: string | null;
    endDate: string | null;
    premium: string | null;
    premiumFrequency: string | null;
    currency: string;
    lineOfBusinessId: string | null;
  };
  lineId: string | null;
  lineCode: string | null;
  lineName: string | null;
}

/** A shared document of the file with its category and current version. */
export interface FileDocumentRow {
  document: {
    id: string;
    clientFileId: string;
    title: string;
    categoryId: string;
    contractId: string | null;
    claimId: string | null;
    documentDate: string | null;
    currentVersion: number;
    createdAt: Date;
  };
  category: { id: string; key: string; name: string };
  current: {
    version: number;
    storageKey: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
  };
  /** Whether the reading account has not yet opened (or marked) this version of it. */
  unread: boolean;
}

/** A portal file read: its function (OpeningRead) and how its raw rows become the list's rows. */
export interface FileRowsRead<Row> extends OpeningRead {
  rowsOf(raw: Array<Record<string, unknown>>): Row[];
}

/** A call of list function `name` with its four arguments (file, account, grantee, at) as SQL. */
function callOf(name: string, file: string, account: string, grantee: string, at: string): string {
  return `select * from public.${name}(${file}, ${account}, ${grantee}, ${at})`;
}

/** The read of list function `name`: in an opening, as the transaction's signed-in account. */
function fileRowsRead<Row>(name: string, rowsOf: FileRowsRead<Row>["rowsOf"]): FileRowsRead<Row> {
  return {
    name,
    rowsOf,
    openingStatement: (fileLiteral, atLiteral) =>
      callOf(
        name,
        `${fileLiteral}::uuid`,
        "current_setting('app.user_id', true)",
        "null",
        `${atLiteral}::timestamptz`,
      ),
  };
}

/**
 * The grants through which the viewer reaches `file` at `at`, as effectiveStatus() decides with the
 * request's clock (portal-access.ts): the account's active grantees, or the previewed grantee when
 * active or pending; none expired. Loaded once per call (materialized): each row is then checked
 * against these few in memory.
 */
function viewerGrants(viewer: "account" | "grantee"): string {
  const who =
    viewer === "account"
      ? "ge.account_id = account and ge.status = 'active'"
      : "ge.id = grantee and ge.status in ('active', 'pending')";
  return `with vg as materialized (
      select g.* from public.grantees ge
        join public.grants g on g.firm_id = ge.firm_id and g.id = ge.grant_id
        join public.grant_files gf on gf.firm_id = g.firm_id and gf.grant_id = g.id and gf.client_file_id = file
       where ge.firm_id = firm and ${who} and (ge.expires_at is null or ge.expires_at > at))`;
}

/**
 * A list function's body: `select` (which uses `vg`) for an account, or for a previewed grantee;
 * `before` runs first in each branch (e.g. to set a variable the select reads).
 */
function listBody(select: string, before = { account: "", grantee: "" }): string {
  return `if grantee is null then
        ${before.account}
        return query ${viewerGrants("account")} ${select};
      else
        ${before.grantee}
        return query ${viewerGrants("grantee")} ${select};
      end if;`;
}

/**
 * Whose reads decide a document's `unread` (document-reads.tables.ts): the signed-in account, or in a
 * preview the previewed grantee's account (none while pending: everything is unread for them).
 */
const readerOf = {
  account: "reader_id := account;",
  grantee:
    "select ge.account_id into reader_id from public.grantees ge where ge.firm_id = firm and ge.id = grantee;",
};

/** The document columns the function answers; its last one, `unread`, came later (see below). */
const documentColumns = `id uuid, client_file_id uuid, title text, category_id uuid, contract_id uuid, claim_id uuid,
              document_date text, current_version integer, created_at timestamptz, category_key text,
              category_name text, storage_key text, file_name text, content_type text, size_bytes bigint,
              sha256 text, unread boolean`;

/** What both functions take, and where the rules' unqualified table names resolve. */
const listFunction = {
  params: "file uuid, account text, grantee uuid, at timestamptz",
  searchPath: "public, pg_temp",
};

/** Creates `portal_file_contracts(…)` and `portal_file_documents(…)` (see the head of this file). */
export async function createPortalFileRowsFunctions(client: pg.PoolClient | pg.Client): Promise<void> {
  await createFirmFunction(client, {
    ...listFunction,
    name: "portal_file_contracts",
    columns: `id uuid, client_file_id uuid, number text, insurer text, product_name text, risk text,
              status text, offer_date text, application_date text, document_date text, start_date text,
              end_date text, premium text, premium_frequency text, currency text,
              line_of_business_id uuid, line_code text, line_name text`,
    body: listBody(`
        select contracts.id, contracts.client_file_id, contracts.number, contracts.insurer,
               contracts.product_name, contracts.risk, contracts.status, contracts.offer_date::text,
               contracts.application_date::text, contracts.document_date::text,
               contracts.start_date::text, contracts.end_date::text, contracts.premium::text,
               contracts.premium_frequency, contracts.currency, contracts.line_of_business_id, l.code, l.name
          from public.contracts contracts
          left join public.lines_of_business l
            on l.firm_id = contracts.firm_id and l.id = contracts.line_of_business_id
         where contracts.firm_id = firm and contracts.client_file_id = file
           and exists (select 1 from vg g where ${grantShowsRowSql("contract", "g")})
         order by l.code asc nulls last, contracts.insurer, contracts.id`),
  });
  // Its columns gained `unread`: `create or replace` cannot change them, so a function without it goes.
  await client.query(`
    do $$ begin
      if exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                  where n.nspname = 'public' and p.proname = 'portal_file_documents'
                    and not ('unread' = any (coalesce(p.proargnames, '{}')))) then
        drop function public.portal_file_documents(uuid, text, uuid, timestamptz);
      end if;
    end $$`);
  await createFirmFunction(client, {
    ...listFunction,
    name: "portal_file_documents",
    columns: documentColumns,
    declare: "reader_id text;",
    body: listBody(
      `
        select documents.id, documents.client_file_id, documents.title, documents.category_id,
               documents.contract_id, documents.claim_id, documents.document_date::text,
               documents.current_version, documents.created_at, k.key, k.name, v.storage_key,
               v.file_name, v.content_type, v.size_bytes, v.sha256,
               not exists (select 1 from public.document_reads r
                            where r.firm_id = documents.firm_id and r.document_id = documents.id
                              and r.user_id = reader_id and r.version >= documents.current_version)
          from public.documents documents
          join public.document_categories k on k.firm_id = documents.firm_id and k.id = documents.category_id
          join public.document_versions v on v.firm_id = documents.firm_id
           and v.document_id = documents.id and v.version = documents.current_version
         where documents.firm_id = firm and documents.client_file_id = file
           and exists (select 1 from vg g where ${grantShowsRowSql("document", "g")})
         order by documents.created_at desc, documents.id desc`,
      readerOf,
    ),
  });
}

const text = (value: unknown) => value as string;
const textOrNull = (value: unknown) => (value ?? null) as string | null;

/** The file's contracts, by line (code; none last), then insurer. */
export const fileContracts = fileRowsRead<FileContractRow>("portal_file_contracts", (raw) =>
  raw.map((r) => ({
    contract: {
      id: text(r.id),
      clientFileId: text(r.client_file_id),
      number: textOrNull(r.number),
      insurer: text(r.insurer),
      productName: textOrNull(r.product_name),
      risk: textOrNull(r.risk),
      status: text(r.status),
      offerDate: textOrNull(r.offer_date),
      applicationDate: textOrNull(r.application_date),
      documentDate: textOrNull(r.document_date),
      startDate: textOrNull(r.start_date),
      endDate: textOrNull(r.end_date),
      premium: textOrNull(r.premium),
      premiumFrequency: textOrNull(r.premium_frequency),
      currency: text(r.currency),
      lineOfBusinessId: textOrNull(r.line_of_business_id),
    },
    // The line as joined: none when the contract has none (or it is gone).
    lineId: r.line_code === null ? null : textOrNull(r.line_of_business_id),
    lineCode: textOrNull(r.line_code),
    lineName: textOrNull(r.line_name),
  })),
);

/** The file's shared documents, newest first. */
export const fileDocuments = fileRowsRead<FileDocumentRow>("portal_file_documents", (raw) =>
  raw.map((r) => ({
    document: {
      id: text(r.id),
      clientFileId: text(r.client_file_id),
      title: text(r.title),
      categoryId: text(r.category_id),
      contractId: textOrNull(r.contract_id),
      claimId: textOrNull(r.claim_id),
      documentDate: textOrNull(r.document_date),
      currentVersion: r.current_version as number,
      createdAt: r.created_at as Date,
    },
    category: { id: text(r.category_id), key: text(r.category_key), name: text(r.category_name) },
    current: {
      version: r.current_version as number,
      storageKey: text(r.storage_key),
      fileName: text(r.file_name),
      contentType: text(r.content_type),
      // bigint arrives as text; a document is far below 2^53 bytes.
      sizeBytes: Number(r.size_bytes),
      sha256: text(r.sha256),
    },
    unread: r.unread === true,
  })),
);

/**
 * The rows of `read` for `fileId` as the work's viewer sees them: those the request's opening round
 * trip already read, else read now.
 */
export async function fileRowsOf<Row>(
  work: PortalWork,
  read: FileRowsRead<Row>,
  fileId: string,
): Promise<Row[]> {
  const opened = work.openedFile;
  if (opened?.fileId === fileId && opened.alsoRead?.name === read.name)
    return read.rowsOf(opened.alsoRead.rows);
  return readFileRows(work.tx, read, fileId, work.viewer, work.now);
}

/** The rows of `read` for `fileId` that `viewer` sees at `now`, read in the transaction (a named statement). */
export async function readFileRows<Row>(
  tx: ScopedTx,
  read: FileRowsRead<Row>,
  fileId: string,
  viewer: PortalViewer,
  now: Date,
): Promise<Row[]> {
  const { rows } = await tx.client.query({
    name: read.name,
    text: callOf(read.name, "$1", "$2", "$3", "$4"),
    values: [
      fileId,
      viewer.kind === "account" ? viewer.accountId : null,
      viewer.kind === "preview" ? viewer.granteeId : null,
      now,
    ],
  });
  return read.rowsOf(rows);
}
