import { useParams, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CaseKind, PortalCaseDetail } from "../../../contracts/cases";
import { CaseDetailsList } from "../../app/inbox/case-details";
import { CaseStatusTag } from "../../app/inbox/case-labels";
import { formatMoment } from "../../app/inbox/case-send";
import { CaseThread } from "../../app/inbox/case-thread";
import { ReplyForm } from "../../app/inbox/reply-form";
import { Alert } from "../../ui/alert";
import { ApiError } from "../../ui/api";
import { Card } from "../../ui/card";
import { PageHeading } from "../../ui/page-heading";
import { QueryView } from "../../ui/query-view";
import { useDocumentTitle } from "../../ui/use-document-title";
import { usePortalFile } from "../file-context";
import { portalBlob } from "../portal-fetch";
import { BackLink } from "./back-link";
import { isCaseKind } from "./case-kinds";
import { attachmentUrl, usePortalCase, useReplyToCase } from "./cases-api";

/** `/portal/$firmId/$fileId/cases/$caseId`: one case — the confirmation after sending, details, thread, answer. */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: "/portal/$firmId/$fileId/cases/$caseId" });
  const { firmId, fileId } = usePortalFile();
  const detail = usePortalCase(firmId, fileId, caseId);
  useDocumentTitle(detail.data?.subject ?? t("cases.portal.title"));
  const missing =
    detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
  return (
    <>
      <BackLink to="cases" />
      {missing ? (
        <Card className="flex flex-col gap-3">
          <PageHeading className="text-xl">{t("cases.portal.notFoundTitle")}</PageHeading>
          <Alert tone="info">{t("cases.portal.notFoundBody")}</Alert>
        </Card>
      ) : (
        <QueryView query={detail} heading="h1">
          {(data) => <CaseView data={data} />}
        </QueryView>
      )}
    </>
  );
}

function CaseView({ data }: { data: PortalCaseDetail }) {
  const { t } = useTranslation();
  const { firmId, fileId, preview } = usePortalFile();
  const search = useSearch({ from: "/portal/$firmId/$fileId/cases/$caseId" });
  const reply = useReplyToCase(firmId, fileId, data.id);
  return (
    <>
      {search.sent && isCaseKind(search.sent) ? (
        <SentNote kind={search.sent} handler={data.handlerName} />
      ) : null}
      <div className="flex flex-col gap-2">
        <p className="text-base text-slate-700">{t(`cases.kind.${data.kind}`)}</p>
        <PageHeading className="break-words">{data.subject}</PageHeading>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-base text-slate-700">
          <CaseStatusTag status={data.status} audience="client" />
          <span>
            {t("cases.portal.sentOn", { date: formatMoment(data.createdAt), name: data.createdByName })}
          </span>
          {data.handlerName ? <span>{t("cases.portal.handledBy", { name: data.handlerName })}</span> : null}
        </div>
      </div>
      {data.details.kind === "message" || data.details.kind === "upload" ? null : (
        <Card>
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("cases.details.title")}</h2>
          <CaseDetailsList details={data.details} contract={data.contract} />
        </Card>
      )}
      <section aria-labelledby="case-thread-title" className="flex flex-col gap-3">
        <h2 id="case-thread-title" className="text-xl font-semibold text-slate-900">
          {t("cases.thread.title")}
        </h2>
        <CaseThread
          messages={data.messages}
          label={t("cases.thread.title")}
          attachments={{
            url: (attachment) => attachmentUrl(firmId, fileId, data.id, attachment),
            fetchBlob: preview ? portalBlob : undefined,
          }}
        />
      </section>
      {preview ? null : data.canReply ? (
        <Card>
          <ReplyForm
            key={data.id}
            audience="client"
            busy={reply.isPending}
            send={(body, files, onProgress) => reply.mutateAsync({ data: { body }, files, onProgress })}
          />
        </Card>
      ) : (
        <Alert tone="info">{t("cases.portal.cannotReply")}</Alert>
      )}
    </>
  );
}

/** After sending: thanks, and what happens next — who looks after it, where the answer will be. */
function SentNote({ kind, handler }: { kind: CaseKind; handler: string | null }) {
  const { t } = useTranslation();
  return (
    <Alert tone="success" title={t(`cases.sent.title.${kind}`)}>
      <p>{handler ? t("cases.sent.handler", { name: handler }) : t("cases.sent.team")}</p>
      <p className="mt-1">{t("cases.sent.where")}</p>
    </Alert>
  );
}
