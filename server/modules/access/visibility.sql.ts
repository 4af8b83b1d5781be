import { Placeholder, type SQL, sql } from "drizzle-orm";
import type { RecordKind } from "../../../contracts/grants.js";

// The sharing rules of GRANT-3 in SQL, for list endpoints: one condition per record kind that a list
// query puts in its WHERE, so each list is one query however many grants apply (never a query per
// row). sharing-rules.ts says the same in TypeScript; the SEC-12 model test holds both to one model.
// Aliases are fixed strings of this file, never input, so they are spliced in with sql.raw.

/** Within grant `g`: is contract row `c` shown (category and line, or the manual list)? */
function contractUnder(g: string, c: string): string {
  return `(
    (${g}.contract_mode = 'categories'
      and ${c}.portal_category = any(${g}.contract_categories)
      and (cardinality(${g}.line_of_business_ids) = 0 or ${c}.line_of_business_id = any(${g}.line_of_business_ids)))
    or (${g}.contract_mode = 'manual' and exists (
      select 1 from grant_contracts gc
       where gc.firm_id = ${g}.firm_id and gc.grant_id = ${g}.id and gc.contract_id = ${c}.id))
  )`;
}

/** Within grant `g`: is the contract with id column `idColumn` shown? */
function tiedContractUnder(g: string, idColumn: string, depth: number): string {
  const c = `tc${depth}`;
  return `exists (select 1 from contracts ${c}
     where ${c}.firm_id = ${g}.firm_id and ${c}.id = ${idColumn} and ${contractUnder(g, c)})`;
}

/** Within grant `g`: is claim row `cl` shown (toggle, and its contract if it has one)? */
function claimUnder(g: string, cl: string, depth: number): string {
  return `(${g}.share_claims and (${cl}.contract_id is null or ${tiedContractUnder(g, `${cl}.contract_id`, depth)}))`;
}

/** The predicate, within grant `g`, for a row of each kind under its table's name. */
const predicates: Record<RecordKind, (g: string) => string> = {
  asset: (g) => `${g}.share_assets`,
  donation: (g) => `${g}.share_donations`,
  person: (g) => `${g}.share_persons`,
  contract: (g) => contractUnder(g, "contracts"),
  claim: (g) => claimUnder(g, "claims", 1),
  // Every contract the address is tied to must be shown; an address on a hidden contract stays hidden.
  address: (g) => `(${g}.share_addresses and not exists (
      select 1 from reference_address_contracts rac
       where rac.firm_id = reference_addresses.firm_id and rac.address_id = reference_addresses.id
         and not ${tiedContractUnder(g, "rac.contract_id", 1)}))`,
  document: (g) => `(documents.shared_to_portal
      and (cardinality(${g}.document_category_ids) = 0 or documents.category_id = any(${g}.document_category_ids))
      and (documents.contract_id is null or ${tiedContractUnder(g, "documents.contract_id", 1)})
      and (documents.claim_id is null or exists (select 1 from claims dcl
             where dcl.firm_id = ${g}.firm_id and dcl.id = documents.claim_id and ${claimUnder(g, "dcl", 2)})))`,
};

/**
 * The rule, within grant `g`, for a row of `kind` under its table's name, as SQL text (for database
 * functions that apply it over grants they load themselves; tables unqualified, as everywhere here).
 */
export function grantShowsRowSql(kind: RecordKind, g: string): string {
  return predicates[kind](g);
}

/** The table each kind's rows are read from (the alias its predicate uses). */
export const tableOfKind: Record<RecordKind, string> = {
  asset: "assets",
  donation: "donations",
  person: "persons",
  contract: "contracts",
  claim: "claims",
  address: "reference_addresses",
  document: "documents",
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Postgres array literal of uuids (checked, so nothing but uuids can reach the query). */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!uuidPattern.test(id)) throw new Error(`not a uuid: ${id}`);
  return `{${ids.join(",")}}`;
}

/**
 * The WHERE condition for a list of `kind` rows: some grant among `grantIds` bundles the row's file
 * and shows the row. `grantIds` are the viewer's effective grants (portal-access.ts); none → false.
 * A prepared statement passes a placeholder instead, filled with `uuidArray` of the ids.
 */
export function shownBySomeGrant(kind: RecordKind, grantIds: readonly string[] | Placeholder): SQL {
  if (Array.isArray(grantIds) && grantIds.length === 0) return sql`false`;
  const ids = grantIds instanceof Placeholder ? grantIds : uuidArray(grantIds as readonly string[]);
  const table = tableOfKind[kind];
  return sql`exists (
    select 1 from grants g
      join grant_files gf on gf.firm_id = g.firm_id and gf.grant_id = g.id
     where g.firm_id = ${sql.raw(table)}.firm_id
       and g.id = any(${ids}::uuid[])
       and gf.client_file_id = ${sql.raw(table)}.client_file_id
       and ${sql.raw(predicates[kind]("g"))})`;
}
