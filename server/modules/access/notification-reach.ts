import type { ScopedTx } from "../../platform/db/scope.js";
import { grantShowsRowSql } from "./visibility.sql.js";

// Who a file's notifications may reach at all (CASE-2): the accounts that reach the file right now,
// with the person they reach it as and whether a given document is shown to them. Which of them a
// topic is meant for (operational, commercial …) is the notifications module's routing; whether they
// may see the file or the document is decided here, by the same rules as the portal's lists.

/** One account reaching a file now, as a person (null for an outside grantee), with its role flags. */
export interface FileReach {
  accountId: string;
  personId: string | null;
  /** The person's role on the file; an outside grantee without a person counts as external advisor. */
  role: string;
  isOperationalContact: boolean;
  isCommercialContact: boolean;
  isEmployee: boolean;
  /** Whether some grant of the account shows the document asked about (true when none was asked). */
  seesDocument: boolean;
}

/**
 * The accounts that reach `fileId` at `now` through an active, unexpired grantee (one row per account
 * and person), and for `documentId` whether one of their grants shows that document.
 */
export async function accountsReachingFile(
  tx: ScopedTx,
  fileId: string,
  documentId: string | null,
  now: Date | null,
): Promise<FileReach[]> {
  const { rows } = await tx.client.query<{
    account_id: string;
    person_id: string | null;
    role: string | null;
    is_operational_contact: boolean | null;
    is_commercial_contact: boolean | null;
    is_employee: boolean | null;
    sees_document: boolean;
  }>({
    name: "notification_reach_v1",
    text: `select ge.account_id, ge.person_id, p.role, p.is_operational_contact, p.is_commercial_contact,
                  p.is_employee,
                  bool_or($2::uuid is null or exists (
                    select 1 from documents
                     where documents.firm_id = g.firm_id and documents.id = $2::uuid
                       and documents.client_file_id = $1::uuid
                       and ${grantShowsRowSql("document", "g")})) as sees_document
             from grantees ge
             join grants g on g.firm_id = ge.firm_id and g.id = ge.grant_id
             join grant_files gf on gf.firm_id = g.firm_id and gf.grant_id = g.id and gf.client_file_id = $1::uuid
             left join persons p on p.firm_id = ge.firm_id and p.id = ge.person_id
            where ge.account_id is not null
              and ge.status = 'active'
              and (ge.expires_at is null or ge.expires_at > coalesce($3::timestamptz, now()))
            group by ge.account_id, ge.person_id, p.role, p.is_operational_contact, p.is_commercial_contact,
                     p.is_employee`,
    values: [fileId, documentId, now],
  });
  return rows.map((row) => ({
    accountId: row.account_id,
    personId: row.person_id,
    role: row.role ?? "external_advisor",
    isOperationalContact: row.is_operational_contact ?? false,
    isCommercialContact: row.is_commercial_contact ?? false,
    isEmployee: row.is_employee ?? false,
    seesDocument: row.sees_document,
  }));
}
