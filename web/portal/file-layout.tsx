import { Link, Outlet, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { PortalOverview } from "../../contracts/portal";
import { Alert } from "../ui/alert";
import { ApiError } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { LoadError } from "../ui/load-error";
import { Loading } from "../ui/loading";
import { PageHeading } from "../ui/page-heading";
import { CasesNavItem, CasesPhoneEntry } from "./cases/cases-nav";
import { ConfirmationBanner } from "./confirmations/confirmation-banner";
import { PortalFileContext } from "./file-context";
import { useOverview } from "./portal-api";
import { usePreviewId } from "./preview";
import { shownSections } from "./sections";

const navLinkClass = cn(
  "inline-flex min-h-11 items-center rounded-full border border-slate-300 bg-white px-4 text-base font-medium text-slate-800",
  "hover:bg-slate-50 data-[status=active]:border-brand-700 data-[status=active]:bg-brand-700 data-[status=active]:text-white",
);

/** `/portal/$firmId/$fileId`: loads the file's overview once for all its pages, with their navigation. */
export function FileLayout() {
  const { firmId, fileId } = useParams({ from: "/portal/$firmId/$fileId" });
  const overview = useOverview(firmId, fileId);
  const previewId = usePreviewId();

  if (overview.isPending) return <Loading />;
  if (overview.isError) {
    if (overview.error instanceof ApiError && overview.error.status === 404) return <FileNotAvailable />;
    return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const data = overview.data;
  const file = { firmId, fileId, overview: data, preview: previewId !== null || data.access.preview };
  return (
    <PortalFileContext value={file}>
      <div className="flex flex-col gap-6">
        <FileNav overview={data} firmId={firmId} fileId={fileId} />
        <ConfirmationBanner key={`confirm/${firmId}/${fileId}`} />
        {/* Another file is another page: dialogs and forms start fresh. */}
        <div key={`${firmId}/${fileId}`} className="flex flex-col gap-6">
          <Outlet />
        </div>
      </div>
    </PortalFileContext>
  );
}

function FileNav({ overview, firmId, fileId }: { overview: PortalOverview; firmId: string; fileId: string }) {
  const { t } = useTranslation();
  const { section } = useParams({ strict: false });
  const params = { firmId, fileId };
  return (
    <div className="flex flex-col gap-3">
      {/* The overview's heading is the file's name; the sections say it above theirs. */}
      {section ? (
        <p className="text-sm text-slate-700">
          <span className="font-medium text-slate-900">{overview.file.displayName}</span>
          <span className="tabular-nums">
            {" "}
            · {t("portal.home.fileNumber", { number: overview.file.number })}
          </span>
        </p>
      ) : null}
      {/* Phones go back to the overview and its tiles; wider screens get every section at once. */}
      {section ? (
        <Link
          to="/portal/$firmId/$fileId"
          params={params}
          className="inline-flex min-h-11 items-center self-start text-base font-medium text-brand-800 underline underline-offset-4 sm:hidden"
        >
          ← {t("portal.nav.backToOverview")}
        </Link>
      ) : null}
      <nav aria-label={t("portal.nav.label")} className="hidden sm:block">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              to="/portal/$firmId/$fileId"
              params={params}
              activeOptions={{ exact: true }}
              className={navLinkClass}
            >
              {t("portal.nav.overview")}
            </Link>
          </li>
          {shownSections(overview).map((s) => (
            <li key={s}>
              <Link
                to="/portal/$firmId/$fileId/$section"
                params={{ ...params, section: s }}
                className={navLinkClass}
              >
                {t(`portal.sections.${s}`)}
                {s === "documents" ? <UnreadBadge count={overview.unreadDocuments} /> : null}
              </Link>
            </li>
          ))}
          <CasesNavItem overview={overview} params={params} className={navLinkClass} />
        </ul>
      </nav>
      <CasesPhoneEntry overview={overview} params={params} />
    </div>
  );
}

/** The mailbox's count beside "Documents": the number, and for screen readers what it counts. */
function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <span
      data-testid="nav-unread"
      className="ml-2 inline-flex min-w-6 items-center justify-center rounded-full bg-amber-300 px-1.5 text-sm font-semibold text-slate-900"
    >
      <span aria-hidden="true">{count}</span>
      <span className="sr-only">{t("portal.overview.unreadShort", { count })}</span>
    </span>
  );
}

function FileNotAvailable() {
  const { t } = useTranslation();
  return (
    <Card className="flex flex-col gap-4">
      <PageHeading className="text-xl">{t("portal.file.notAvailableTitle")}</PageHeading>
      <Alert tone="info">{t("portal.file.notAvailableBody")}</Alert>
      <Button asChild variant="secondary" className="self-start">
        <Link to="/portal">{t("portal.file.toHome")}</Link>
      </Button>
    </Card>
  );
}
