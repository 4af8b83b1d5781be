import type pg from "pg";
import { createFirmFunction } from "../../platform/db/firm-function.js";
import type { ScopedTx } from "../../platform/db/scope.js";

// The grants through which a viewer reaches one client file, as one database function: the portal's
// reads send it in their opening round trip (ADR 0008), and every other use of a file's access runs
// it as a named statement, so both read exactly the same rows. Whether a row gives access *now*
// (status, expiry) is decided in portal-access.ts with the request's clock.

/** One row of `portal_file_grants`: a grantee of the viewer, its grant, and what the grant shares. */
export interface FileGrantRow {
  grant_id: string;
  grant_name: string;
  share_assets: boolean;
  share_donations: boolean;
  share_persons: boolean;
  share_claims: boolean;
  share_addresses: boolean;
  contract_mode: string;
  contract_categories: string[];
  line_of_business_ids: string[];
  document_category_ids: string[];
  features: string[];
  view: string;
  show_product_name: boolean;
  case_handler_id: string | null;
  show_case_handler: boolean;
  grantee_id: string;
  person_id: string | null;
  access: string;
  status: string;
  expires_at: Date | null;
  person_role: string | null;
  /** The grant's manual contract list, only as far as it concerns this file. */
  manual_contract_ids: string[] | null;
}

/** The columns and the one query both branches of the function share (the viewer's condition apart). */
function fileGrantsQuery(viewerCondition: string): string {
  return `select g.id, g.name, g.share_assets, g.share_donations, g.share_persons, g.share_claims,
           g.share_addresses, g.contract_mode, g.contract_categories, g.line_of_business_ids,
           g.document_category_ids, g.features, g.view, g.show_product_name, g.case_handler_id,
           g.show_case_handler, ge.id, ge.person_id, ge.access, ge.status, ge.expires_at, p.role,
           -- Only a manual grant has a list: the others skip the lookup.
           case when g.contract_mode = 'manual' then
             (select array_agg(gc.contract_id) from public.grant_contracts gc
                join public.contracts c on c.firm_id = gc.firm_id and c.id = gc.contract_id
               where gc.firm_id = g.firm_id and gc.grant_id = g.id and c.client_file_id = file)
           end
      from public.grantees ge
      join public.grants g on g.firm_id = ge.firm_id and g.id = ge.grant_id
      join public.grant_files gf on gf.firm_id = g.firm_id and gf.grant_id = g.id and gf.client_file_id = file
      left join public.persons p on p.firm_id = ge.firm_id and p.id = ge.person_id
     where ge.firm_id = firm and ${viewerCondition}`;
}

/**
 * Creates `portal_file_grants(file, account, grantee)`: the rows of the account's grantees (or of the
 * one previewed grantee) of the scoped firm whose grants bundle `file`, whatever their status. It runs
 * as its caller, so row-level security applies; without a firm scope it answers nothing.
 */
export async function createFileGrantsFunction(client: pg.PoolClient | pg.Client): Promise<void> {
  await createFirmFunction(client, {
    name: "portal_file_grants",
    params: "file uuid, account text, grantee uuid",
    columns: `grant_id uuid, grant_name text, share_assets boolean, share_donations boolean,
              share_persons boolean, share_claims boolean, share_addresses boolean, contract_mode text,
              contract_categories text[], line_of_business_ids uuid[], document_category_ids uuid[],
              features text[], view text, show_product_name boolean, case_handler_id text,
              show_case_handler boolean, grantee_id uuid, person_id uuid, access text, status text,
              expires_at timestamptz, person_role text, manual_contract_ids uuid[]`,
    // Two statements rather than one with OR: each keeps its own index plan.
    body: `if grantee is not null then
        return query ${fileGrantsQuery("ge.id = grantee")};
      else
        return query ${fileGrantsQuery("ge.account_id = account")};
      end if;`,
  });
}

/** The statement for the signed-in account of the transaction (its app.user_id), on `fileLiteral`. */
export function accountFileGrantsStatement(fileLiteral: string): string {
  return `select * from public.portal_file_grants(${fileLiteral}::uuid, current_setting('app.user_id', true), null)`;
}

/** The rows for an account (or one previewed grantee) on `fileId`, read by a named statement. */
export async function readFileGrantRows(
  tx: ScopedTx,
  fileId: string,
  viewer: { account: string | null; grantee: string | null },
): Promise<FileGrantRow[]> {
  const { rows } = await tx.client.query<FileGrantRow>({
    name: "portal_file_grants",
    text: "select * from public.portal_file_grants($1, $2, $3)",
    values: [fileId, viewer.account, viewer.grantee],
  });
  return rows;
}
