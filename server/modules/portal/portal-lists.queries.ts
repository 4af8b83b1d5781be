import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { RecordKind } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import type { FileAccess } from "../access/portal-access.js";
import { clientEditableContractStatuses } from "../access/sharing-rules.js";
import { shownBySomeGrant } from "../access/visibility.sql.js";
import { persons } from "../clients/clients.tables.js";
import { documentCategories, documents, documentVersions } from "../documents/documents.tables.js";
import {
  assets,
  claims,
  contracts,
  donations,
  linesOfBusiness,
  referenceAddresses,
} from "../records/records.tables.js";

// The portal's lists: each is ONE statement whose WHERE carries shownBySomeGrant over the viewer's
// grants (never a check per row). `editable` is the same predicate over the grants that allow a change.

/** `shownBySomeGrant` as a boolean column. */
function flag(kind: RecordKind, grantIds: readonly string[]): SQL<boolean> {
  return sql<boolean>`${shownBySomeGrant(kind, grantIds)}`;
}

/** A table whose rows belong to a client file: what `shownOnFile` needs of it. */
interface FileRecordTable {
  firmId: AnyPgColumn;
  clientFileId: AnyPgColumn;
  id: AnyPgColumn;
}

/** The WHERE of every list: the viewer's file, optionally one row, and shown by one of their grants. */
function shownOnFile(table: FileRecordTable, kind: RecordKind, access: FileAccess, onlyId?: string) {
  return and(
    eq(table.firmId, access.firmId),
    eq(table.clientFileId, access.fileId),
    onlyId ? eq(table.id, onlyId) : undefined,
    shownBySomeGrant(kind, access.grantIds),
  );
}

const contractLine = and(
  eq(linesOfBusiness.firmId, contracts.firmId),
  eq(linesOfBusiness.id, contracts.lineOfBusinessId),
);

/** The contracts the viewer sees, by line (code; none last), then insurer. */
export async function listShownContracts(
  tx: ScopedTx,
  access: FileAccess,
  editIds: readonly string[],
  onlyId?: string,
) {
  return tx.db
    .select({
      contract: contracts,
      lineId: linesOfBusiness.id,
      lineCode: linesOfBusiness.code,
      lineName: linesOfBusiness.name,
      editable: sql<boolean>`(${flag("contract", editIds)} and ${inArray(contracts.status, [
        ...clientEditableContractStatuses,
      ])})`,
    })
    .from(contracts)
    .leftJoin(linesOfBusiness, contractLine)
    .where(shownOnFile(contracts, "contract", access, onlyId))
    .orderBy(sql`${linesOfBusiness.code} asc nulls last`, asc(contracts.insurer), asc(contracts.id));
}
export type ShownContractRow = Awaited<ReturnType<typeof listShownContracts>>[number];

/** The assets the viewer sees, by kind then description. */
export async function listShownAssets(
  tx: ScopedTx,
  access: FileAccess,
  editIds: readonly string[],
  onlyId?: string,
) {
  return tx.db
    .select({ asset: assets, editable: flag("asset", editIds) })
    .from(assets)
    .where(shownOnFile(assets, "asset", access, onlyId))
    .orderBy(asc(assets.kind), asc(assets.description), asc(assets.id));
}
export type ShownAssetRow = Awaited<ReturnType<typeof listShownAssets>>[number];

/** The claims the viewer sees, newest first, each with its contract (shown too: the rules tie them). */
export async function listShownClaims(tx: ScopedTx, access: FileAccess) {
  return tx.db
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
    .where(shownOnFile(claims, "claim", access))
    .orderBy(desc(claims.claimDate), desc(claims.id));
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
  return tx.db
    .select({
      address: referenceAddresses,
      contracts: linkedContractsJson,
      editable: flag("address", editIds),
    })
    .from(referenceAddresses)
    .where(shownOnFile(referenceAddresses, "address", access, onlyId))
    .orderBy(asc(referenceAddresses.label), asc(referenceAddresses.id));
}
export type ShownAddressRow = Awaited<ReturnType<typeof listShownAddresses>>[number];

/** The persons the viewer sees: holders first, then by name. */
export async function listShownPersons(
  tx: ScopedTx,
  access: FileAccess,
  editIds: readonly string[],
  onlyId?: string,
) {
  return tx.db
    .select({ person: persons, editable: flag("person", editIds) })
    .from(persons)
    .where(shownOnFile(persons, "person", access, onlyId))
    .orderBy(
      sql`case ${persons.role} when 'holder' then 0 when 'co_holder' then 1 when 'partner' then 2
        when 'child' then 3 when 'relative' then 4 when 'contact' then 5 else 6 end`,
      asc(persons.lastName),
      asc(persons.firstName),
      asc(persons.id),
    );
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
  return tx.db
    .select({
      donation: donations,
      donorFirst: donor.firstName,
      donorLast: donor.lastName,
      beneficiaryFirst: beneficiary.firstName,
      beneficiaryLast: beneficiary.lastName,
      editable: flag("donation", editIds),
    })
    .from(donations)
    .leftJoin(donor, and(eq(donor.firmId, donations.firmId), eq(donor.id, donations.donorPersonId)))
    .leftJoin(
      beneficiary,
      and(eq(beneficiary.firmId, donations.firmId), eq(beneficiary.id, donations.beneficiaryPersonId)),
    )
    .where(shownOnFile(donations, "donation", access, onlyId))
    .orderBy(desc(donations.donationDate), desc(donations.id));
}
export type ShownDonationRow = Awaited<ReturnType<typeof listShownDonations>>[number];

/** The documents the viewer sees (shared, not tied to anything hidden), newest first, with the current version. */
export async function listShownDocuments(tx: ScopedTx, access: FileAccess, onlyId?: string) {
  return tx.db
    .select({
      document: documents,
      category: { id: documentCategories.id, key: documentCategories.key, name: documentCategories.name },
      current: documentVersions,
    })
    .from(documents)
    .innerJoin(
      documentCategories,
      and(eq(documentCategories.firmId, documents.firmId), eq(documentCategories.id, documents.categoryId)),
    )
    .innerJoin(
      documentVersions,
      and(
        eq(documentVersions.firmId, documents.firmId),
        eq(documentVersions.documentId, documents.id),
        eq(documentVersions.version, documents.currentVersion),
      ),
    )
    .where(shownOnFile(documents, "document", access, onlyId))
    .orderBy(desc(documents.createdAt), desc(documents.id));
}
export type ShownDocumentRow = Awaited<ReturnType<typeof listShownDocuments>>[number];
