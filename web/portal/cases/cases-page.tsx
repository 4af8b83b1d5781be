import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { PortalCaseList, PortalCaseSummary } from "../../../contracts/cases";
import { CaseStatusTag, UnreadMark } from "../../app/inbox/case-labels";
import { formatMoment } from "../../app/inbox/case-send";
import { Alert } from "../../ui/alert";
import { QueryView } from "../../ui/query-view";
import { useDocumentTitle } from "../../ui/use-document-title";
import { usePortalFile } from "../file-context";
import { EmptyNote, SectionHeader } from "../portal-ui";
import { BackLink } from "./back-link";
import { offeredKinds } from "./case-kinds";
import { usePortalCases } from "./cases-api";

/**
 * `/portal/$firmId/$fileId/cases`: "Messages & requests" — what the viewer may send the firm (PORTAL-6,
 * PORTAL-7) as large choices, then everything they sent with the firm's answers, latest first.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const { firmId, fileId, overview } = usePortalFile();
  const cases = usePortalCases(firmId, fileId);
  useDocumentTitle(`${t("cases.portal.title")} · ${overview.file.displayName}`);
  return (
    <>
      <BackLink to="overview" />
      <SectionHeader title={t("cases.portal.title")} intro={t("cases.portal.intro")} />
      <QueryView query={cases}>
        {(data) => (
          <>
            <Actions data={data} />
            <section aria-labelledby="portal-cases-list" className="flex flex-col gap-3">
              <h2 id="portal-cases-list" className="text-xl font-semibold text-slate-900">
                {t("cases.portal.listTitle")}
              </h2>
              {data.items.length === 0 ? (
                <EmptyNote>{t("cases.portal.empty")}</EmptyNote>
              ) : (
                <ul aria-label={t("cases.portal.listTitle")} className="flex flex-col gap-3">
                  {data.items.map((item) => (
                    <CaseItem key={item.id} item={item} />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryView>
    </>
  );
}

function Actions({ data }: { data: PortalCaseList }) {
  const { t } = useTranslation();
  const { firmId, fileId, preview, overview } = usePortalFile();
  const kinds = offeredKinds.filter((kind) => data.abilities.create.includes(kind));
  if (preview) return <Alert tone="info">{t("cases.portal.previewNote")}</Alert>;
  if (kinds.length === 0) return <Alert tone="info">{t("cases.portal.nothingEnabled")}</Alert>;
  return (
    <section aria-labelledby="portal-cases-actions" className="flex flex-col gap-3">
      <h2 id="portal-cases-actions" className="text-xl font-semibold text-slate-900">
        {t("cases.portal.actionsTitle")}
      </h2>
      {overview.caseHandler ? (
        <p className="text-base text-slate-800">
          {t("cases.portal.handlerNote", { name: overview.caseHandler.name })}
        </p>
      ) : null}
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {kinds.map((kind) => (
          <li key={kind}>
            <Link
              to="/portal/$firmId/$fileId/cases/new/$kind"
              params={{ firmId, fileId, kind }}
              className="flex min-h-24 flex-col justify-center gap-1 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-brand-600 hover:bg-brand-50"
            >
              <span className="text-lg font-semibold text-brand-800">
                {t(`cases.portal.actions.${kind}.title`)}
              </span>
              <span className="text-base text-slate-700">{t(`cases.portal.actions.${kind}.body`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseItem({ item }: { item: PortalCaseSummary }) {
  const { t } = useTranslation();
  const { firmId, fileId } = usePortalFile();
  return (
    <li
      className="relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-600 sm:p-5"
      data-testid="portal-case"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <p className="text-sm text-slate-600">{t(`cases.kind.${item.kind}`)}</p>
          <h3 className="text-lg font-semibold break-words text-slate-900">
            {/* The whole card is the link's target; the title names it. */}
            <Link
              to="/portal/$firmId/$fileId/cases/$caseId"
              params={{ firmId, fileId, caseId: item.id }}
              className="after:absolute after:inset-0 after:content-[''] focus:outline-none"
            >
              {item.subject}
            </Link>
          </h3>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {item.unread ? <UnreadMark /> : null}
          <CaseStatusTag status={item.status} audience="client" />
        </div>
      </div>
      <p className="mt-2 text-base text-slate-700">
        {t("cases.portal.lastActivity", { date: formatMoment(item.lastActivityAt) })}
        {item.handlerName ? ` · ${t("cases.portal.handledBy", { name: item.handlerName })}` : ""}
      </p>
    </li>
  );
}
