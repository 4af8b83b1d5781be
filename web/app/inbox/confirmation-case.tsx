import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ConfirmationCaseDetails } from "../../../contracts/cases";
import { currentLanguage } from "../../i18n/i18n";
import { Alert } from "../../ui/alert";
import { Card } from "../../ui/card";
import { Loading } from "../../ui/loading";
import { certificateUrl, useConfirmations } from "../documents/confirmation-api";
import { downloadUrl } from "../documents/documents-api";
import { formatMoment } from "./case-send";

const linkClass = "text-sm font-medium text-brand-800 underline underline-offset-2";

/**
 * A confirmation case's request: the document and version, the person asked, the request's status as
 * the document's confirmations list says now, and — once confirmed — the certificate to download.
 */
export function ConfirmationCaseCard({
  fileId,
  confirmation,
}: {
  fileId: string;
  confirmation: ConfirmationCaseDetails;
}) {
  const { t } = useTranslation();
  const list = useConfirmations(fileId, confirmation.documentId);
  const request = list.data?.items.find((item) => item.id === confirmation.requestId);
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold text-slate-900">{t("cases.confirmation.title")}</h2>
      <dl className="grid gap-2 sm:grid-cols-[auto_1fr] sm:gap-x-4">
        <dt className="text-sm text-slate-600">{t("cases.confirmation.document")}</dt>
        <dd className="text-sm break-words text-slate-900">
          {confirmation.documentTitle} · {t("cases.confirmation.version", { version: confirmation.version })}
        </dd>
        <dt className="text-sm text-slate-600">{t("cases.confirmation.person")}</dt>
        <dd className="text-sm break-words text-slate-900">{confirmation.name}</dd>
        <dt className="text-sm text-slate-600">{t("cases.confirmation.status")}</dt>
        <dd className="text-sm text-slate-900">
          {list.isPending ? (
            <Loading />
          ) : request ? (
            // Confirmed: the date says it all; outdated or cancelled: the status, and when it was confirmed.
            request.status === "confirmed" && request.evidence ? (
              t("cases.confirmation.confirmedAt", { date: formatMoment(request.evidence.confirmedAt) })
            ) : (
              <>
                {t(`confirmations.status.${request.status}`)}
                {request.evidence
                  ? ` · ${t("cases.confirmation.confirmedAt", { date: formatMoment(request.evidence.confirmedAt) })}`
                  : null}
              </>
            )
          ) : list.isError ? null : (
            t("cases.confirmation.gone")
          )}
        </dd>
      </dl>
      {list.isError ? <Alert>{t("cases.confirmation.loadError")}</Alert> : null}
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        <a
          className={linkClass}
          href={downloadUrl(fileId, confirmation.documentId, { version: confirmation.version, inline: true })}
          target="_blank"
          rel="noreferrer"
        >
          {t("cases.confirmation.openDocument")}
        </a>
        <Link to="/app/clients/$fileId" params={{ fileId }} className={linkClass}>
          {t("cases.confirmation.openFile")}
        </Link>
        {/* A confirmation outdated by a new version keeps its certificate for the version it was for. */}
        {request?.evidence ? (
          <a className={linkClass} href={certificateUrl(fileId, request.id, currentLanguage())}>
            {t("cases.confirmation.certificate")}
          </a>
        ) : null}
      </div>
    </Card>
  );
}
