import { type SQL, sql } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import type { FileAccess, PortalViewer } from "../access/portal-access.js";
import { shownBySomeGrant } from "../access/visibility.sql.js";

// The portal mailbox's reads (document-reads.tables.ts): which version of a shared document an account
// has read, how many the viewer has not, and the overview's "what is new". A document counts as unread
// while the reader has no row for it at its current version.

/**
 * Records that `accountId` has read `version` of each document in `reads` (a later version read
 * earlier is kept): one statement however many documents.
 */
export async function markDocumentsRead(
  tx: ScopedTx,
  firmId: string,
  accountId: string,
  reads: ReadonlyArray<{ documentId: string; version: number }>,
  at: Date,
): Promise<void> {
  if (reads.length === 0) return;
  await tx.client.query({
    name: "portal_mark_documents_read",
    text: `insert into document_reads (firm_id, document_id, user_id, version, read_at)
           select $1, r.document_id, $2, r.version, $5
             from unnest($3::uuid[], $4::int[]) as r(document_id, version)
           on conflict (firm_id, document_id, user_id) do update
              set version = greatest(document_reads.version, excluded.version),
                  read_at = case when excluded.version > document_reads.version
                                 then excluded.read_at else document_reads.read_at end`,
    values: [firmId, accountId, reads.map((r) => r.documentId), reads.map((r) => r.version), at],
  });
}

/** Whose reads count for `viewer`: the account, or in a preview the previewed grantee's account. */
function readerOf(viewer: PortalViewer, firmId: string): SQL {
  return viewer.kind === "account"
    ? sql`${viewer.accountId}::text`
    : sql`(select ge.account_id from grantees ge where ge.firm_id = ${firmId} and ge.id = ${viewer.granteeId})`;
}

/** The condition "the reader has not read this document's current version" over `documents`. */
function unreadBy(reader: SQL): SQL {
  return sql`not exists (select 1 from document_reads r
    where r.firm_id = documents.firm_id and r.document_id = documents.id
      and r.user_id = ${reader} and r.version >= documents.current_version)`;
}

/** One entry of the overview's "what is new", newest first. */
export interface NewsRow {
  kind: "document" | "contract" | "claim";
  id: string;
  title: string;
  /** A contract's insurer, a claim's contract insurer, a document's category. */
  detail: string | null;
  at: string;
}

/** What the overview's "what is new" shows: unread documents and records the firm changed lately. */
export interface FileNews {
  unreadDocuments: number;
  items: NewsRow[];
}

/**
 * For the overview, in one statement: how many shown documents the viewer has not read, and the
 * newest (at most `limit`) of those together with the shown contracts and claims changed since
 * `since`. Every part carries its kind's visibility rule (shownBySomeGrant).
 */
export async function readFileNews(
  tx: ScopedTx,
  access: FileAccess,
  since: Date,
  limit: number,
  /** Name contracts by product (else by what is insured), as the grant presents them (GRANT-5). */
  showProductName: boolean,
): Promise<FileNews> {
  const { firmId, fileId, grantIds } = access;
  const unread = unreadBy(readerOf(access.viewer, firmId));
  const onFile = (table: string) =>
    sql`${sql.raw(table)}.firm_id = ${firmId} and ${sql.raw(table)}.client_file_id = ${fileId}`;
  const { rows } = await tx.db.execute<{ unread_documents: number; items: NewsRow[] | null }>(sql`
    select
      (select count(*)::int from documents
        where ${onFile("documents")} and ${shownBySomeGrant("document", grantIds)} and ${unread})
        as unread_documents,
      (select json_agg(n order by n.at desc, n.id) from (
         (select 'document' as kind, documents.id, documents.title, k.name as detail,
                 greatest(documents.created_at, v.uploaded_at) as at
            from documents
            join document_categories k on k.firm_id = documents.firm_id and k.id = documents.category_id
            join document_versions v on v.firm_id = documents.firm_id and v.document_id = documents.id
             and v.version = documents.current_version
           where ${onFile("documents")} and ${shownBySomeGrant("document", grantIds)} and ${unread}
           order by at desc limit ${limit})
         union all
         (select 'contract', contracts.id, ${
           showProductName
             ? sql`coalesce(contracts.product_name, contracts.risk, contracts.insurer)`
             : sql`coalesce(contracts.risk, contracts.product_name, contracts.insurer)`
         },
                 contracts.insurer, contracts.updated_at
            from contracts
           where ${onFile("contracts")} and contracts.updated_at >= ${since}
             and ${shownBySomeGrant("contract", grantIds)}
           order by contracts.updated_at desc limit ${limit})
         union all
         (select 'claim', claims.id, claims.description, c.insurer, claims.updated_at
            from claims
            left join contracts c on c.firm_id = claims.firm_id and c.id = claims.contract_id
           where ${onFile("claims")} and claims.updated_at >= ${since}
             and ${shownBySomeGrant("claim", grantIds)}
           order by claims.updated_at desc limit ${limit})
         order by at desc limit ${limit}) n) as items`);
  const row = rows[0];
  return {
    unreadDocuments: row?.unread_documents ?? 0,
    items: (row?.items ?? []).map((item) => ({ ...item, at: new Date(item.at).toISOString() })),
  };
}
