import type { RecordKind } from "../../../contracts/grants.js";
import { type PortalList, type PortalOverview, portalLists } from "../../../contracts/portal.js";
import type { FileAccess, ViewerGrant } from "./portal-access.js";
import { editGrantIds, mayCreate } from "./portal-edits.js";

// What the overview says about each list of a file: shared or not, changeable or not. The engine's
// answers (editGrantIds, mayCreate) are combined with each grant's own settings; nothing is decided
// here that the engine does not decide for the lists and writes as well.

/** The record kind each list of the file holds. */
const kindOfList: Record<PortalList, RecordKind> = {
  contracts: "contract",
  assets: "asset",
  claims: "claim",
  addresses: "address",
  persons: "person",
  donations: "donation",
  documents: "document",
};

/**
 * Whether one grant shares a list at all (GRANT-3): a toggle for most kinds; contracts when the grant
 * picks some categories, or lists some of this file's contracts by hand; documents always, since every
 * grant shows the documents the firm marks shared (optionally narrowed to categories).
 */
function sharesList(grant: ViewerGrant, list: PortalList): boolean {
  const rules = grant.rules;
  switch (list) {
    case "contracts":
      return rules.contractMode === "manual"
        ? rules.manualContractIds.size > 0
        : rules.contractCategories.length > 0;
    case "assets":
      return rules.shareAssets;
    case "claims":
      return rules.shareClaims;
    case "addresses":
      return rules.shareAddresses;
    case "persons":
      return rules.sharePersons;
    case "donations":
      return rules.shareDonations;
    case "documents":
      return true;
  }
}

function perList(value: (list: PortalList) => boolean): PortalOverview["shared"] {
  return Object.fromEntries(portalLists.map((list) => [list, value(list)])) as PortalOverview["shared"];
}

/** The lists the viewer's grants share on this file: the portal's sections. */
export function sharedLists(access: FileAccess): PortalOverview["shared"] {
  return perList((list) => access.grants.some((g) => sharesList(g, list)));
}

/**
 * The lists whose records the viewer may change here: a grant must both allow changing the kind (the
 * engine's editGrantIds: never `read`, never a preview, only what the role may change) and share it.
 */
export function changeableLists(access: FileAccess): PortalOverview["access"]["mayChange"] {
  return perList((list) => {
    const allowed = new Set(editGrantIds(access, kindOfList[list]));
    return access.grants.some((g) => allowed.has(g.rules.id) && sharesList(g, list));
  });
}

/** Whether the viewer may add assets and donations here (the engine's mayCreate). */
export function creatableLists(access: FileAccess): PortalOverview["access"]["mayCreate"] {
  return { assets: mayCreate(access, "asset"), donations: mayCreate(access, "donation") };
}

/**
 * The lines of business a contract the viewer changes may take and stay in their sight (and in their
 * hands): null for any line when a grant that lets them change contracts shows every line (it does
 * not narrow by line, or lists contracts by hand); else the lines those grants name — none when no
 * grant lets them change a contract at all.
 */
export function linesKeepingContractsShown(access: FileAccess): ReadonlySet<string> | null {
  const allowed = new Set(editGrantIds(access, "contract"));
  const grants = access.grants.filter((g) => allowed.has(g.rules.id));
  if (grants.some((g) => g.rules.contractMode === "manual" || g.rules.lineOfBusinessIds.length === 0))
    return null;
  return new Set(grants.flatMap((g) => g.rules.lineOfBusinessIds));
}
