import type {
  PortalAddressList,
  PortalAssetList,
  PortalClaimList,
  PortalContractList,
  PortalDocumentList,
  PortalDonationList,
  PortalLineOfBusinessList,
  PortalPersonList,
} from "../../../contracts/portal.js";
import { type FileAccess, viewerSeesContactDetails } from "../access/portal-access.js";
import { editGrantIds, mayCreate } from "../access/portal-edits.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { linesKeepingContractsShown } from "../access/portal-sharing.js";
import { listActiveLines } from "../records/contracts.queries.js";
import {
  presentPortalAddress,
  presentPortalAsset,
  presentPortalClaim,
  presentPortalContract,
  presentPortalDocument,
  presentPortalDonation,
  presentPortalPerson,
  toCents,
  totalsByCurrency,
} from "./portal.presenter.js";
import {
  listShownAddresses,
  listShownAssets,
  listShownClaims,
  listShownContracts,
  listShownDocuments,
  listShownDonations,
  listShownPersons,
} from "./portal-lists.queries.js";

// Every list: the viewer's access to the file (404 without), then one query filtered by its grants.

/** The contracts of the file the viewer sees (PORTAL-4). */
export async function listPortalContracts(work: PortalWork, fileId: string): Promise<PortalContractList> {
  const access = await requirePortalFile(work, fileId);
  const rows = await listShownContracts(work, access, editGrantIds(access, "contract"));
  return { contracts: rows.map(presentPortalContract) };
}

/** The assets the viewer sees, with their totals per currency. */
export async function listPortalAssets(work: PortalWork, fileId: string): Promise<PortalAssetList> {
  const access = await requirePortalFile(work, fileId);
  const assets = (await listShownAssets(work.tx, access, editGrantIds(access, "asset"))).map(
    presentPortalAsset,
  );
  return {
    assets,
    totals: totalsByCurrency(assets.map((a) => ({ currency: a.currency, cents: toCents(a.value) }))),
    canCreate: mayCreate(access, "asset"),
  };
}

/** The claims the viewer sees. */
export async function listPortalClaims(work: PortalWork, fileId: string): Promise<PortalClaimList> {
  const access = await requirePortalFile(work, fileId);
  return { claims: (await listShownClaims(work.tx, access)).map(presentPortalClaim) };
}

/** The reference addresses the viewer sees. */
export async function listPortalAddresses(work: PortalWork, fileId: string): Promise<PortalAddressList> {
  const access = await requirePortalFile(work, fileId);
  const rows = await listShownAddresses(work.tx, access, editGrantIds(access, "address"));
  return { addresses: rows.map(presentPortalAddress) };
}

/** Who the viewer is on the file (their persons) and whether they see others' contact details. */
export function personViewOf(access: FileAccess) {
  return {
    personIds: new Set(access.grants.flatMap((g) => (g.grantee.personId ? [g.grantee.personId] : []))),
    seesContactDetails: viewerSeesContactDetails(access),
  };
}

/** The persons the viewer sees; others' contact details only for those who may see them (GRANT-3). */
export async function listPortalPersons(work: PortalWork, fileId: string): Promise<PortalPersonList> {
  const access = await requirePortalFile(work, fileId);
  const rows = await listShownPersons(work.tx, access, editGrantIds(access, "person"));
  const view = personViewOf(access);
  return { persons: rows.map((row) => presentPortalPerson(row, view)) };
}

/** The donations the viewer sees. */
export async function listPortalDonations(work: PortalWork, fileId: string): Promise<PortalDonationList> {
  const access = await requirePortalFile(work, fileId);
  const rows = await listShownDonations(work.tx, access, editGrantIds(access, "donation"));
  return { donations: rows.map(presentPortalDonation), canCreate: mayCreate(access, "donation") };
}

/** The documents the viewer sees: shared ones, in the grant's categories, not tied to hidden records. */
export async function listPortalDocuments(work: PortalWork, fileId: string): Promise<PortalDocumentList> {
  const access = await requirePortalFile(work, fileId);
  return { documents: (await listShownDocuments(work, access)).map(presentPortalDocument) };
}

/**
 * The firm's active lines of business a contract the viewer changes may take (those their grants show:
 * picking another would take the contract out of their sight), for the viewer of one of its files
 * changing a contract held elsewhere; a file the viewer does not reach answers 404 like every list.
 */
export async function listPortalLinesOfBusiness(
  work: PortalWork,
  fileId: string,
): Promise<PortalLineOfBusinessList> {
  const access = await requirePortalFile(work, fileId);
  const keeping = linesKeepingContractsShown(access);
  const lines = await listActiveLines(work.tx, work.firmId);
  return { linesOfBusiness: keeping ? lines.filter((line) => keeping.has(line.id)) : lines };
}
