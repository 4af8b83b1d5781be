import { Link, useLocation } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { PortalOverview } from "../../../contracts/portal";
import { cn } from "../../ui/cn";
import { showsCases } from "./case-kinds";
import { usePortalCases } from "./cases-api";

/** How many of the viewer's cases hold an answer not read yet (0 while loading or failed). */
function useUnreadCount(firmId: string, fileId: string): number {
  const cases = usePortalCases(firmId, fileId);
  return cases.data?.items.filter((item) => item.unread).length ?? 0;
}

/**
 * "Messages & requests" in the file's navigation: a pill among the sections on wider screens, and on
 * phones (where the sections are tiles on the overview) a large button on the overview, both with the
 * number of unread answers.
 */
export function CasesNavItem({
  overview,
  params,
  className,
}: {
  overview: PortalOverview;
  params: { firmId: string; fileId: string };
  className: string;
}) {
  if (!showsCases(overview)) return null;
  return <CasesLink params={params} className={className} />;
}

function CasesLink({ params, className }: { params: { firmId: string; fileId: string }; className: string }) {
  const { t } = useTranslation();
  const unread = useUnreadCount(params.firmId, params.fileId);
  return (
    <li>
      <Link to="/portal/$firmId/$fileId/cases" params={params} className={className} data-testid="cases-nav">
        {t("cases.portal.nav")}
        {unread > 0 ? (
          <span className="ml-2 inline-flex min-w-6 items-center justify-center rounded-full bg-amber-300 px-1.5 text-sm font-semibold text-slate-900">
            <span aria-hidden="true">{unread}</span>
            <span className="sr-only">{t("cases.portal.unreadCount", { count: unread })}</span>
          </span>
        ) : null}
      </Link>
    </li>
  );
}

/** The phone's way in: on the overview only, a large link above the file's content. */
export function CasesPhoneEntry({
  overview,
  params,
}: {
  overview: PortalOverview;
  params: { firmId: string; fileId: string };
}) {
  const { pathname } = useLocation();
  const onOverview = pathname.replace(/\/$/, "") === `/portal/${params.firmId}/${params.fileId}`;
  if (!onOverview || !showsCases(overview)) return null;
  return <PhoneEntry params={params} />;
}

function PhoneEntry({ params }: { params: { firmId: string; fileId: string } }) {
  const { t } = useTranslation();
  const unread = useUnreadCount(params.firmId, params.fileId);
  return (
    <Link
      to="/portal/$firmId/$fileId/cases"
      params={params}
      className={cn(
        "flex min-h-16 items-center justify-between gap-3 rounded-xl border border-brand-200 bg-brand-50 px-4 py-3 shadow-sm sm:hidden",
        "hover:border-brand-600",
      )}
    >
      <span className="flex flex-col">
        <span className="text-lg font-semibold text-brand-800">{t("cases.portal.nav")}</span>
        <span className="text-sm text-slate-700">
          {unread > 0 ? t("cases.portal.unreadCount", { count: unread }) : t("cases.portal.navHint")}
        </span>
      </span>
      <span aria-hidden="true" className="text-2xl text-brand-800">
        →
      </span>
    </Link>
  );
}
