import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type PortalOverview, portalNewsDays } from "../../contracts/portal";
import { Card } from "../ui/card";
import { usePortalFile } from "./file-context";
import { usePortalFormat } from "./portal-format";
import { Tag } from "./portal-ui";

// PORTAL-3's "what is new": documents the account has not opened yet and contracts and claims the
// firm changed lately, newest first, each leading to its section.

const sectionOfKind = { document: "documents", contract: "contracts", claim: "claims" } as const;

/** The overview's "what is new" card; calm and short when nothing is. */
export function NewsCard({ overview }: { overview: PortalOverview }) {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { firmId, fileId } = usePortalFile();
  // Only what the file shares can be news; a file sharing none of it has no such card.
  if (!overview.shared.documents && !overview.shared.contracts && !overview.shared.claims) return null;
  return (
    <Card className="flex flex-col gap-3" data-testid="news">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 className="text-xl font-semibold text-slate-900">{t("portal.overview.newsTitle")}</h2>
        {overview.unreadDocuments > 0 ? (
          <Link
            to="/portal/$firmId/$fileId/$section"
            params={{ firmId, fileId, section: "documents" }}
            className="inline-flex min-h-11 items-center text-base font-medium text-brand-800 underline underline-offset-4"
            data-testid="news-unread-link"
          >
            {t("portal.overview.unreadDocuments", { count: overview.unreadDocuments })}
          </Link>
        ) : null}
      </div>
      {overview.news.length === 0 ? (
        <p className="text-base text-slate-700">
          {t("portal.overview.newsNothing", { days: portalNewsDays })}
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200">
          {overview.news.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              <Link
                to="/portal/$firmId/$fileId/$section"
                params={{ firmId, fileId, section: sectionOfKind[item.kind] }}
                className="flex min-h-11 flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3 hover:bg-brand-50"
              >
                <span className="min-w-0">
                  <span className="block text-sm text-slate-600">
                    {t(`portal.overview.newsKind.${item.kind}`)}
                    {item.detail ? ` · ${item.detail}` : ""}
                  </span>
                  <span className="block text-base font-medium break-words text-slate-900">{item.title}</span>
                </span>
                <span className="flex items-center gap-2 text-sm text-slate-700">
                  {item.kind === "document" ? <Tag tone="brand">{t("portal.documents.new")}</Tag> : null}
                  <span className="tabular-nums">
                    {item.kind === "document"
                      ? t("portal.overview.newsArrived", { date: format.date(item.at.slice(0, 10)) })
                      : t("portal.overview.newsChanged", { date: format.date(item.at.slice(0, 10)) })}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
