import type { AccessLevel, GrantFeature } from "../../../contracts/grants.js";
import { grantFeatures } from "../../../contracts/grants.js";
import {
  type CoverGroup,
  type PortalContract,
  type PortalOverview,
  portalNewsDays,
} from "../../../contracts/portal.js";
import type { AssetKind } from "../../../contracts/records.js";
import { type FileAccess, viewerFeatures } from "../access/portal-access.js";
import { editGrantIds, familyManagerOf } from "../access/portal-edits.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { changeableLists, creatableLists, sharedLists } from "../access/portal-sharing.js";
import { presentPortalAsset, presentPortalContract, toCents, totalsByCurrency } from "./portal.presenter.js";
import { readFileNews } from "./portal-document-reads.queries.js";
import { listShownAssets, listShownContracts } from "./portal-lists.queries.js";
import {
  assetTotalsByKind,
  countShown,
  findCaseHandlerName,
  findPortalFile,
} from "./portal-overview.queries.js";

/** How many entries the overview's "what is new" shows at most. */
const newsItems = 6;

/** Statuses under which a contract is cover the client has (own, or held elsewhere). */
const inForceStatuses = new Set(["own", "foreign", "partly_foreign"]);

/** How many payments of a premium fall in a year; one-off premiums are not part of a yearly figure. */
const paymentsPerYear: Record<string, bigint> = { monthly: 12n, quarterly: 4n, half_yearly: 2n, yearly: 1n };

/**
 * The private view's "current cover" (PORTAL-3): contracts in force today, grouped by risk — or by
 * product name when the grant says so (GRANT-5) — each group with its yearly premiums per currency.
 * A contract without the chosen label falls back to the other, then its line, then its insurer.
 */
export function currentCover(
  contracts: PortalContract[],
  showProductName: boolean,
  today: string,
): CoverGroup[] {
  const groups = new Map<
    string,
    { contracts: number; premiums: Array<{ currency: string; cents: bigint }> }
  >();
  for (const c of contracts) {
    if (!inForceStatuses.has(c.status)) continue;
    if ((c.startDate && c.startDate > today) || (c.endDate && c.endDate < today)) continue;
    const label =
      (showProductName ? (c.productName ?? c.risk) : (c.risk ?? c.productName)) ??
      c.lineOfBusiness?.name ??
      c.insurer;
    const group = groups.get(label) ?? { contracts: 0, premiums: [] };
    group.contracts += 1;
    // A premium without a frequency is taken as yearly, the common case for insurance premiums.
    const perYear = paymentsPerYear[c.premiumFrequency ?? "yearly"];
    if (c.premium !== null && perYear !== undefined)
      group.premiums.push({ currency: c.currency, cents: toCents(c.premium) * perYear });
    groups.set(label, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, g]) => ({ label, contracts: g.contracts, annualPremiums: totalsByCurrency(g.premiums) }));
}

/**
 * The grant whose presentation the file is shown in: with several grants reaching one file, the first
 * by name (then id) decides the view, product names and case handler; features are the union.
 */
function presentingGrant(access: FileAccess) {
  const [first] = [...access.grants].sort(
    (a, b) => a.rules.name.localeCompare(b.rules.name) || a.rules.id.localeCompare(b.rules.id),
  );
  if (!first) throw new Error("a reached file has a grant");
  return first;
}

function highestLevel(access: FileAccess): AccessLevel {
  return access.grants.some((g) => g.grantee.access === "read_write") ? "read_write" : "read";
}

/** The file's overview as its grants present it (PORTAL-3, GRANT-4, GRANT-5). */
export async function portalOverview(work: PortalWork, fileId: string): Promise<PortalOverview> {
  const access = await requirePortalFile(work, fileId);
  const file = await findPortalFile(work.tx, access);
  const grant = presentingGrant(access);
  const contracts = (await listShownContracts(work, access, editGrantIds(access, "contract"))).map(
    presentPortalContract,
  );
  const handlerName =
    grant.showCaseHandler && grant.caseHandlerId
      ? await findCaseHandlerName(work.tx, access.firmId, grant.caseHandlerId)
      : undefined;
  const manager = await familyManagerOf(work.tx, access, file.kind);
  const features = viewerFeatures(access);
  const tables =
    grant.view === "business"
      ? {
          contracts,
          assets: (await listShownAssets(work.tx, access, editGrantIds(access, "asset"))).map(
            presentPortalAsset,
          ),
        }
      : null;
  const since = new Date(work.now.getTime() - portalNewsDays * 24 * 60 * 60 * 1000);
  const news = await readFileNews(work.tx, access, since, newsItems, grant.showProductName);
  return {
    file,
    view: grant.view,
    showProductName: grant.showProductName,
    caseHandler: handlerName ? { name: handlerName } : null,
    access: {
      level: highestLevel(access),
      preview: access.viewer.kind === "preview",
      canManageFamily: !("refusal" in manager),
      mayChange: changeableLists(access),
      mayCreate: creatableLists(access),
    },
    features: grantFeatures.filter((f): f is GrantFeature => features.has(f)),
    counts: await countShown(work.tx, access),
    shared: sharedLists(access),
    cover:
      grant.view === "private"
        ? currentCover(contracts, grant.showProductName, work.now.toISOString().slice(0, 10))
        : [],
    assetTotals: (await assetTotalsByKind(work.tx, access)).map((t) => ({
      kind: t.kind as AssetKind,
      currency: t.currency,
      value: t.value,
    })),
    tables,
    unreadDocuments: news.unreadDocuments,
    news: news.items,
  };
}
