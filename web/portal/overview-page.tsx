import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { PortalOverview } from "../../contracts/portal";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { useDocumentTitle } from "../ui/use-document-title";
import { AssetAllocation } from "./asset-allocation";
import { BusinessTables } from "./business-tables";
import { usePortalFile } from "./file-context";
import { NewsCard } from "./news-card";
import { sumByCurrency, usePortalFormat } from "./portal-format";
import { SectionHeader } from "./portal-ui";
import { ReportButton } from "./report-button";
import { sectionCount, shownSections } from "./sections";

/** `/portal/$firmId/$fileId/`: the file at a glance — private view (cover, assets) or business tables. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { overview, preview } = usePortalFile();
  useDocumentTitle(overview.file.displayName);
  const readOnly = overview.access.level === "read" && !preview;
  return (
    <>
      <SectionHeader title={overview.file.displayName} intro={t("portal.overview.intro")} />
      {readOnly ? <Alert tone="info">{t("portal.overview.readOnly")}</Alert> : null}
      {overview.caseHandler ? (
        <p className="text-base text-slate-800" data-testid="case-handler">
          {t("portal.overview.caseHandler", { name: overview.caseHandler.name })}
        </p>
      ) : null}
      <NewsCard overview={overview} />
      <ReportButton />
      {overview.view === "private" ? (
        <div className="grid gap-4 md:grid-cols-2">
          {overview.counts.contracts > 0 ? <CoverCard overview={overview} /> : null}
          {overview.counts.assets > 0 ? <AssetTotalsCard overview={overview} /> : null}
        </div>
      ) : overview.tables ? (
        <BusinessTables tables={overview.tables} showProductName={overview.showProductName} />
      ) : null}
      <SectionTiles overview={overview} />
    </>
  );
}

function CoverCard({ overview }: { overview: PortalOverview }) {
  const { t } = useTranslation();
  const format = usePortalFormat();
  return (
    <Card className="flex flex-col gap-3" data-testid="cover">
      <h2 className="text-xl font-semibold text-slate-900">{t("portal.overview.coverTitle")}</h2>
      <p className="text-sm text-slate-700">
        {overview.showProductName ? t("portal.overview.coverByProduct") : t("portal.overview.coverByRisk")}
      </p>
      {overview.cover.length === 0 ? (
        <p className="text-base text-slate-700">{t("portal.overview.noCover")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200">
          {overview.cover.map((group) => (
            <li
              key={group.label}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3"
            >
              <span className="text-base font-medium text-slate-900">
                {group.label}
                <span className="block text-sm font-normal text-slate-600">
                  {t("portal.overview.contractCount", { count: group.contracts })}
                </span>
              </span>
              <span className="text-right text-base text-slate-900 tabular-nums">
                {group.annualPremiums.map((p) => (
                  <span key={p.currency} className="block">
                    {t("portal.overview.perYear", { amount: format.money(p.value, p.currency) })}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function AssetTotalsCard({ overview }: { overview: PortalOverview }) {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const totals = sumByCurrency(overview.assetTotals);
  return (
    <Card className="flex flex-col gap-3" data-testid="asset-totals">
      <h2 className="text-xl font-semibold text-slate-900">{t("portal.overview.assetsTitle")}</h2>
      <div>
        <p className="text-sm text-slate-700">{t("portal.overview.assetsTotal")}</p>
        {totals.map((total) => (
          <p key={total.currency} className="text-2xl font-semibold text-slate-900 tabular-nums">
            {format.money(total.value, total.currency)}
          </p>
        ))}
      </div>
      <AssetAllocation rows={overview.assetTotals} />
    </Card>
  );
}

/** Large links to each section with how many entries it holds: the phone's way through the file. */
function SectionTiles({ overview }: { overview: PortalOverview }) {
  const { t } = useTranslation();
  const { firmId, fileId } = usePortalFile();
  const sections = shownSections(overview);
  if (sections.length === 0) return <Alert tone="info">{t("portal.overview.nothingShared")}</Alert>;
  // The sections a grant shares show even while empty (a client may add assets there); with nothing in
  // any of them yet, the file says so above them.
  const empty = Object.values(overview.counts).every((count) => count === 0);
  return (
    <>
      {empty ? <Alert tone="info">{t("portal.overview.nothingShared")}</Alert> : null}
      <section aria-labelledby="portal-sections-title" className="flex flex-col gap-3">
        <h2 id="portal-sections-title" className="text-xl font-semibold text-slate-900">
          {t("portal.overview.sectionsTitle")}
        </h2>
        <ul className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-4">
          {sections.map((section) => {
            const count = sectionCount(overview, section);
            return (
              <li key={section}>
                <Link
                  to="/portal/$firmId/$fileId/$section"
                  params={{ firmId, fileId, section }}
                  className="flex min-h-20 flex-col justify-center rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-brand-600 hover:bg-brand-50"
                >
                  <span className="text-lg font-semibold text-brand-800">
                    {t(`portal.sections.${section}`)}
                  </span>
                  {count !== null ? (
                    <span className="text-sm text-slate-700">
                      {t("portal.overview.entries", { count })}
                      {section === "documents" && overview.unreadDocuments > 0 ? (
                        <span className="font-semibold text-brand-800" data-testid="tile-unread">
                          {" · "}
                          {t("portal.overview.unreadShort", { count: overview.unreadDocuments })}
                        </span>
                      ) : null}
                    </span>
                  ) : (
                    <span className="text-sm text-slate-700">{t("portal.overview.familyHint")}</span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
