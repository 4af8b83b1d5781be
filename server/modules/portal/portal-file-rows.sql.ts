import type pg from "pg";
import { createFirmFunction } from "../../platform/db/firm-function.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import type { OpeningRead, PortalWork } from "../access/portal-scope.js";
import type { ContractRowFacts } from "../access/sharing-rules.js";

// The portal's two busiest lists read a file's rows through database functions: the list sends the
// function in its opening round trip, together with the session and the viewer's grants on the file
// (ADR 0008), and the engine then keeps what the grants show (portal-lists.queries.ts). Outside that
// round trip (previews, writes, the download's fallback) the same function runs as a named statement.
// Each runs as its caller, so row-level security applies (createFirmFunction).
// Dates come as text ('2025-03-01'), as the rest of the app keeps them.

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

/** What the rules need of a contract a document is tied to. */
type TiedContract = ContractRowFacts;

/** A shared document of the file with its category, current version and what it is tied to. */
export interface FileDocumentRow {
  document: {
    id: string;
    clientFileId: string;
    title: string;
    categoryId: string;
    contractId: string | null;
    claimId: string | null;
    documentDate: string | null;
    sharedToPortal: boolean;
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
  /** The contract the document is tied to, and the claim with its contract (null when none). */
  tiedContract: TiedContract | null;
  tiedClaim: { id: string; contractId: string | null } | null;
  claimContract: TiedContract | null;
}

/** A portal file read: its function (OpeningRead) and how its raw rows become the list's rows. */
export interface FileRowsRead<Row> extends OpeningRead {
  rowsOf(raw: Array<Record<string, unknown>>): Row[];
}

/** The contract columns of `alias` the rules need, as text where they are dates. */
const tiedColumns = (alias: string) =>
  `${alias}.id, ${alias}.client_file_id, ${alias}.status, ${alias}.offer_date::text,
   ${alias}.application_date::text, ${alias}.document_date::text, ${alias}.line_of_business_id`;

/** The same, as returned columns named `prefix`…. */
const tiedColumnTypes = (prefix: string) =>
  `${prefix}id uuid, ${prefix}client_file_id uuid, ${prefix}status text, ${prefix}offer_date text,
   ${prefix}application_date text, ${prefix}document_date text, ${prefix}line_of_business_id uuid`;

/** Creates `portal_file_contracts(file)` and `portal_file_documents(file)` (see the head of this file). */
export async function createPortalFileRowsFunctions(client: pg.PoolClient | pg.Client): Promise<void> {
  await createFirmFunction(client, {
    name: "portal_file_contracts",
    params: "file uuid",
    columns: `id uuid, client_file_id uuid, number text, insurer text, product_name text, risk text,
              status text, offer_date text, application_date text, document_date text, start_date text,
              end_date text, premium text, premium_frequency text, currency text,
              line_of_business_id uuid, line_code text, line_name text`,
    body: `return query
        select c.id, c.client_file_id, c.number, c.insurer, c.product_name, c.risk, c.status,
               c.offer_date::text, c.application_date::text, c.document_date::text, c.start_date::text,
               c.end_date::text, c.premium::text, c.premium_frequency, c.currency, c.line_of_business_id,
               l.code, l.name
          from public.contracts c
          left join public.lines_of_business l on l.firm_id = c.firm_id and l.id = c.line_of_business_id
         where c.firm_id = firm and c.client_file_id = file
         order by l.code asc nulls last, c.insurer, c.id;`,
  });
  await createFirmFunction(client, {
    name: "portal_file_documents",
    params: "file uuid",
    columns: `id uuid, client_file_id uuid, title text, category_id uuid, contract_id uuid, claim_id uuid,
              document_date text, shared_to_portal boolean, current_version integer,
              created_at timestamptz, category_key text, category_name text, storage_key text,
              file_name text, content_type text, size_bytes bigint, sha256 text,
              ${tiedColumnTypes("tc_")}, claim_contract_id uuid, ${tiedColumnTypes("cc_")}`,
    body: `return query
        select d.id, d.client_file_id, d.title, d.category_id, d.contract_id, d.claim_id,
               d.document_date::text, d.shared_to_portal, d.current_version, d.created_at, k.key, k.name,
               v.storage_key, v.file_name, v.content_type, v.size_bytes, v.sha256,
               ${tiedColumns("tc")}, cl.contract_id, ${tiedColumns("cc")}
          from public.documents d
          join public.document_categories k on k.firm_id = d.firm_id and k.id = d.category_id
          join public.document_versions v
            on v.firm_id = d.firm_id and v.document_id = d.id and v.version = d.current_version
          left join public.contracts tc on tc.firm_id = d.firm_id and tc.id = d.contract_id
          left join public.claims cl on cl.firm_id = d.firm_id and cl.id = d.claim_id
          left join public.contracts cc on cc.firm_id = cl.firm_id and cc.id = cl.contract_id
         where d.firm_id = firm and d.client_file_id = file and d.shared_to_portal
         order by d.created_at desc, d.id desc;`,
  });
}

type Raw = Record<string, unknown>;
const text = (value: unknown) => value as string;
const textOrNull = (value: unknown) => (value ?? null) as string | null;

/** The tied contract under `prefix` (tc_, cc_), or null when the left join found none. */
function tiedOf(raw: Raw, prefix: string): TiedContract | null {
  if (raw[`${prefix}id`] === null) return null;
  return {
    id: text(raw[`${prefix}id`]),
    clientFileId: text(raw[`${prefix}client_file_id`]),
    status: text(raw[`${prefix}status`]),
    offerDate: textOrNull(raw[`${prefix}offer_date`]),
    applicationDate: textOrNull(raw[`${prefix}application_date`]),
    documentDate: textOrNull(raw[`${prefix}document_date`]),
    lineOfBusinessId: textOrNull(raw[`${prefix}line_of_business_id`]),
  };
}

/** The file's contracts, by line (code; none last), then insurer. */
export const fileContracts: FileRowsRead<FileContractRow> = {
  name: "portal_file_contracts",
  rowsOf: (raw) =>
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
};

/** The file's shared documents, newest first. */
export const fileDocuments: FileRowsRead<FileDocumentRow> = {
  name: "portal_file_documents",
  rowsOf: (raw) =>
    raw.map((r) => ({
      document: {
        id: text(r.id),
        clientFileId: text(r.client_file_id),
        title: text(r.title),
        categoryId: text(r.category_id),
        contractId: textOrNull(r.contract_id),
        claimId: textOrNull(r.claim_id),
        documentDate: textOrNull(r.document_date),
        sharedToPortal: r.shared_to_portal as boolean,
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
      tiedContract: tiedOf(r, "tc_"),
      tiedClaim:
        r.claim_id === null ? null : { id: text(r.claim_id), contractId: textOrNull(r.claim_contract_id) },
      claimContract: tiedOf(r, "cc_"),
    })),
};

/**
 * The rows of `read` for `fileId`: those the request's opening round trip already read, else read now
 * (a named statement: planned once per connection).
 */
export async function fileRowsOf<Row>(
  work: PortalWork,
  read: FileRowsRead<Row>,
  fileId: string,
): Promise<Row[]> {
  const opened = work.openedFile;
  if (opened?.fileId === fileId && opened.alsoRead?.name === read.name)
    return read.rowsOf(opened.alsoRead.rows);
  return readFileRows(work.tx, read, fileId);
}

/** The rows of `read` for `fileId`, read in the transaction now. */
export async function readFileRows<Row>(
  tx: ScopedTx,
  read: FileRowsRead<Row>,
  fileId: string,
): Promise<Row[]> {
  const { rows } = await tx.client.query({
    name: read.name,
    text: `select * from public.${read.name}($1)`,
    values: [fileId],
  });
  return read.rowsOf(rows);
}
