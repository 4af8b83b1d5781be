import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { RecordKind } from "../../../contracts/grants.js";
import { preparedOn, type ScopedTx } from "../../platform/db/scope.js";
import { type FileAccess, viewerSees } from "../access/portal-access.js";
import type { PortalWork } from "../access/portal-scope.js";
import {
  clientEditableContractStatuses,
  contractFactsOf,
  type RecordFacts,
  type RelatedRecords,
} from "../access/sharing-rules.js";
import { shownBySomeGrant, uuidArray } from "../access/visibility.sql.js";
import { persons } from "../clients/clients.tables.js";
import {
  assets,
  claims,
  contracts,
  donations,
  linesOfBusiness,
  referenceAddresses,
} from "../records/records.tables.js";
import {
  type FileContractRow,
  type FileDocumentRow,
  fileContracts,
  fileDocuments,
  fileRowsOf,
} from "./portal-file-rows.sql.js";

// The portal's lists, each filtered in SQL by the viewer's grants in one statement (never a query per
// row). Contracts and documents come from their database functions (portal-file-rows.sql.ts), most
// often already read in the request's opening round trip (ADR 0008); a contract's `editable` is then
// decided by the engine over the rows. The others carry shownBySomeGrant in their WHERE, `editable`
// being the same predicate over the grants that allow a change; each is a prepared statement per
// connection (preparedOn), the viewer's values as placeholders.

const firmIdParam = sql.placeholder("firmId");
const fileIdParam = sql.placeholder("fileId");
const grantIdsParam = sql.placeholder("grantIds");
const editIdsParam = sql.placeholder("editIds");
const onlyIdParam = sql.placeholder("onlyId");

/** The values of the placeholders above for one viewer's file (and one row of it). */
function listValues(access: FileAccess, editIds: readonly string[], onlyId?: string) {
  return {
    firmId: access.firmId,
    fileId: access.fileId,
    grantIds: uuidArray(access.grantIds),
    editIds: uuidArray(editIds),
    onlyId: onlyId ?? null,
  };
}

/** A list's statement name: one for the whole list, one for a single row of it. */
function listName(list: string, onlyId: string | undefined): string {
  return `portal_${list}${onlyId === undefined ? "" : "_one"}`;
}

/** `shownBySomeGrant` over the grants that allow a change, as a boolean column. */
function editableFlag(kind: RecordKind): SQL<boolean> {
  return sql<boolean>`${shownBySomeGrant(kind, editIdsParam)}`;
}

/** A table whose rows belong to a client file: what `shownOnFile` needs of it. */
interface FileRecordTable {
  firmId: AnyPgColumn;
  clientFileId: AnyPgColumn;
  id: AnyPgColumn;
}

/** The WHERE of a list: the viewer's file, optionally one row, shown by one of their grants. */
function shownOnFile(table: FileRecordTable, kind: RecordKind, oneRow: boolean) {
  return and(
    eq(table.firmId, firmIdParam),
    eq(table.clientFileId, fileIdParam),
    oneRow ? eq(table.id, onlyIdParam) : undefined,
    shownBySomeGrant(kind, grantIdsParam),
  );
}

/** Contracts are tied to nothing: the rules ask nothing more of them. */
const nothingTied: RelatedRecords = { contract: () => undefined, claim: () => undefined };

const clientEditableStatuses: ReadonlySet<string> = new Set(clientEditableContractStatuses);

const contractLine = and(
  eq(linesOfBusiness.firmId, contracts.firmId),
  eq(linesOfBusiness.id, contracts.lineOfBusinessId),
);

/**
 * The contracts the viewer sees (`rows`, from fileContracts), each with `editable`: shown by a grant
 * that allows the change (`editIds`), and held elsewhere (only those the client may change).
 */
export function withEditable(
  access: FileAccess,
  rows: readonly FileContractRow[],
  editIds: readonly string[],
) {
  return rows.map((row) => {
    const facts: RecordFacts = { kind: "contract", contract: contractFactsOf(row.contract) };
    const editable =
      clientEditableStatuses.has(row.contract.status) && viewerSees(access, facts, nothingTied, editIds);
    return { ...row, editable };
  });
}
export type ShownContractRow = ReturnType<typeof withEditable>[number];

/** The contracts of the file the viewer sees (or the one `onlyId`), read as the request opened. */
export async function listShownContracts(
  work: PortalWork,
  access: FileAccess,
  editIds: readonly string[],
  onlyId?: string,
) {
  const rows = await fileRowsOf(work, fileContracts, access.fileId);
  return withEditable(access, onlyId ? rows.filter((r) => r.contract.id === onlyId) : rows, editIds);
}

/** The assets the viewer sees, by kind then description. */
export async function listShownAssets(
  tx: ScopedTx,
  access: FileAccess,
  editIds: readonly string[],
  onlyId?: string,
) {
  const name = listName("assets", onlyId);
  return preparedOn(tx, name, (db) =>
    db
      .select({ asset: assets, editable: editableFlag("asset") })
      .from(assets)
      .where(shownOnFile(assets, "asset", onlyId !== undefined))
      .orderBy(asc(assets.kind), asc(assets.description), asc(assets.id))
      .prepare(name),
  ).execute(listValues(access, editIds, onlyId));
}
export type ShownAssetRow = Awaited<ReturnType<typeof listShownAssets>>[number];

/** The claims the viewer sees, newest first, each with its contract (shown too: the rules tie them). */
export async function listShownClaims(tx: ScopedTx, access: FileAccess) {
  const name = listName("claims", undefined);
  return preparedOn(tx, name, (db) =>
    db
      .select({
        claim: claims,
        contractId: contracts.id,
        contractNumber: contracts.number,
        contractInsurer: contracts.insurer,
        lineId: linesOfBusiness.id,
        lineCode: linesOfBusiness.code,
        lineName: linesOfBusiness.name,
      })
      .from(claims)
      .leftJoin(contracts, and(eq(contracts.firmId, claims.firmId), eq(contracts.id, claims.contractId)))
      .leftJoin(linesOfBusiness, contractLine)
      .where(shownOnFile(claims, "claim", false))
      .orderBy(desc(claims.claimDate), desc(claims.id))
      .prepare(name),
  ).execute(listValues(access, []));
}
export type ShownClaimRow = Awaited<ReturnType<typeof listShownClaims>>[number];

/** An address's linked contracts as JSON, inside the address query (all of them are shown, by rule). */
const linkedContractsJson = sql<
  Array<{
    id: string;
    number: string | null;
    insurer: string;
    lineOfBusiness: { id: string; code: string; name: string } | null;
  }>
>`coalesce((select json_agg(json_build_object('id', c.id, 'number', c.number, 'insurer', c.insurer,
      'lineOfBusiness', case when l.id is null then null
        else json_build_object('id', l.id, 'code', l.code, 'name', l.name) end)
      order by l.code asc nulls last, c.insurer, c.id)
    from reference_address_contracts rac
    join contracts c on c.firm_id = rac.firm_id and c.id = rac.contract_id
    left join lines_of_business l on l.firm_id = c.firm_id and l.id = c.line_of_business_id
   where rac.firm_id = reference_addresses.firm_id and rac.address_id = reference_addresses.id), '[]'::json)`;

/** The reference addresses the viewer sees, by label, with their contracts. */
export async function listShownAddresses(
  tx: ScopedTx,
  access: FileAccess,
  editIds: readonly string[],
  onlyId?: string,
) {
  const name = listName("addresses", onlyId);
  return preparedOn(tx, name, (db) =>
    db
      .select({
        address: referenceAddresses,
        contracts: linkedContractsJson,
        editable: editableFlag("address"),
      })
      .from(referenceAddresses)
      .where(shownOnFile(referenceAddresses, "address", onlyId !== undefined))
      .orderBy(asc(referenceAddresses.label), asc(referenceAddresses.id))
      .prepare(name),
  ).execute(listValues(access, editIds, onlyId));
}
export type ShownAddressRow = Awaited<ReturnType<typeof listShownAddresses>>[number];

/** The persons the viewer sees: holders first, then by name. */
export async function listShownPersons(
  tx: ScopedTx,
  access: FileAccess,
  editIds: readonly string[],
  onlyId?: string,
) {
  const name = listName("persons", onlyId);
  return preparedOn(tx, name, (db) =>
    db
      .select({ person: persons, editable: editableFlag("person") })
      .from(persons)
      .where(shownOnFile(persons, "person", onlyId !== undefined))
      .orderBy(
        sql`case ${persons.role} when 'holder' then 0 when 'co_holder' then 1 when 'partner' then 2
        when 'child' then 3 when 'relative' then 4 when 'contact' then 5 else 6 end`,
        asc(persons.lastName),
        asc(persons.firstName),
        asc(persons.id),
      )
      .prepare(name),
  ).execute(listValues(access, editIds, onlyId));
}
export type ShownPersonRow = Awaited<ReturnType<typeof listShownPersons>>[number];

const donor = alias(persons, "donor_person");
const beneficiary = alias(persons, "beneficiary_person");

/** The donations the viewer sees, newest first, with the current names of donor and beneficiary. */
export async function listShownDonations(
  tx: ScopedTx,
  access: FileAccess,
  editIds: readonly string[],
  onlyId?: string,
) {
  const name = listName("donations", onlyId);
  return preparedOn(tx, name, (db) =>
    db
      .select({
        donation: donations,
        donorFirst: donor.firstName,
        donorLast: donor.lastName,
        beneficiaryFirst: beneficiary.firstName,
        beneficiaryLast: beneficiary.lastName,
        editable: editableFlag("donation"),
      })
      .from(donations)
      .leftJoin(donor, and(eq(donor.firmId, donations.firmId), eq(donor.id, donations.donorPersonId)))
      .leftJoin(
        beneficiary,
        and(eq(beneficiary.firmId, donations.firmId), eq(beneficiary.id, donations.beneficiaryPersonId)),
      )
      .where(shownOnFile(donations, "donation", onlyId !== undefined))
      .orderBy(desc(donations.donationDate), desc(donations.id))
      .prepare(name),
  ).execute(listValues(access, editIds, onlyId));
}
export type ShownDonationRow = Awaited<ReturnType<typeof listShownDonations>>[number];

export type ShownDocumentRow = FileDocumentRow;

/** The documents of the file the viewer sees (or the one `onlyId`), read as the request opened. */
export async function listShownDocuments(work: PortalWork, access: FileAccess, onlyId?: string) {
  const rows = await fileRowsOf(work, fileDocuments, access.fileId);
  return onlyId ? rows.filter((r) => r.document.id === onlyId) : rows;
}
