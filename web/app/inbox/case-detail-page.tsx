import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseDetail, type CaseStatus, caseStatuses } from "../../../contracts/cases";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { PageHeading } from "../../ui/page-heading";
import { Select } from "../../ui/select";
import { useDocumentTitle } from "../../ui/use-document-title";
import { staffChoicesQuery } from "../clients/clients-api";
import { CaseDetailsList } from "./case-details";
import { CaseStatusTag } from "./case-labels";
import { formatMoment } from "./case-send";
import { CaseThread } from "./case-thread";
import { ConfirmationCaseCard } from "./confirmation-case";
import { staffAttachmentUrl, useStaffCase, useStaffReply, useUpdateCase } from "./inbox-api";
import { ReplyForm } from "./reply-form";

/** `/app/inbox/$caseId`: one case — who sent what about which file, the thread, the answer, handling. */
export function CaseDetailPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const detail = useStaffCase(caseId);
  useDocumentTitle(detail.data?.subject ?? t("cases.inbox.title"));
  const back = (
    <Link to="/app/inbox" className="text-sm font-medium text-brand-800 underline-offset-2 hover:underline">
      ← {t("cases.inbox.back")}
    </Link>
  );
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400))
      return (
        <div className="flex flex-col gap-4">
          {back}
          <Card className="flex flex-col gap-3">
            <PageHeading className="text-xl">{t("cases.inbox.notFoundTitle")}</PageHeading>
            <Alert tone="info">{t("cases.inbox.notFoundBody")}</Alert>
          </Card>
        </div>
      );
    return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const data = detail.data;
  return (
    <div className="flex flex-col gap-6">
      {back}
      <div className="flex flex-col gap-2">
        <p className="text-sm text-slate-600">{t(`cases.kind.${data.kind}`)}</p>
        <div className="flex flex-wrap items-center gap-3">
          <PageHeading className="break-words">{data.subject}</PageHeading>
          <CaseStatusTag status={data.status} audience="staff" />
        </div>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          {data.details.kind === "confirmation" ? (
            <ConfirmationCaseCard fileId={data.clientFile.id} confirmation={data.details.confirmation} />
          ) : data.details.kind === "message" || data.details.kind === "upload" ? null : (
            <Card>
              <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("cases.details.title")}</h2>
              <CaseDetailsList details={data.details} contract={data.contract} />
            </Card>
          )}
          <section aria-labelledby="staff-thread-title" className="flex flex-col gap-3">
            <h2 id="staff-thread-title" className="text-lg font-semibold text-slate-900">
              {t("cases.thread.title")}
            </h2>
            <CaseThread
              messages={data.messages}
              label={t("cases.thread.title")}
              attachments={{ url: (attachment) => staffAttachmentUrl(data.id, attachment) }}
            />
          </section>
          <Card>
            <StaffReply data={data} />
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <FactsCard data={data} />
          <HandlingCard data={data} />
        </div>
      </div>
    </div>
  );
}

/**
 * The reply box; says first when the client will not read a reply in the portal: their access ended,
 * or (a confirmation case) the thread is the firm's own. Writing stays possible: it is kept in the file.
 */
function StaffReply({ data }: { data: CaseDetail }) {
  const { t } = useTranslation();
  const reply = useStaffReply(data.id);
  const internal = data.kind === "confirmation";
  const notice = internal ? (
    <Alert tone="info">{t("cases.reply.internal")}</Alert>
  ) : data.clientReachable ? null : (
    <Alert tone="info">{t("cases.reply.unreachable", { name: data.createdByName })}</Alert>
  );
  return (
    <ReplyForm
      audience="staff"
      notice={notice}
      heading={internal ? t("cases.reply.titleNote") : undefined}
      hint={data.clientReachable ? undefined : ""}
      initialStatus={internal ? data.status : undefined}
      busy={reply.isPending}
      send={(body, files, onProgress, status) =>
        reply.mutateAsync({ data: { body, status }, files, onProgress })
      }
    />
  );
}

function FactsCard({ data }: { data: CaseDetail }) {
  const { t } = useTranslation();
  const items: [string, ReactNode][] = [
    [
      t("cases.inbox.clientFile"),
      <Link
        key="file"
        to="/app/clients/$fileId"
        params={{ fileId: data.clientFile.id }}
        className="font-medium text-brand-800 underline underline-offset-2"
      >
        {data.clientFile.displayName} <span className="tabular-nums">({data.clientFile.number})</span>
      </Link>,
    ],
    // A confirmation case was not sent by the person: they are the one asked.
    [
      data.kind === "confirmation" ? t("cases.confirmation.person") : t("cases.inbox.fromLabel"),
      data.createdByName,
    ],
    [t("cases.inbox.received"), formatMoment(data.createdAt)],
    [t("cases.inbox.lastActivity"), formatMoment(data.lastActivityAt)],
    [
      t("cases.inbox.contract"),
      data.contract ? [data.contract.insurer, data.contract.number].filter(Boolean).join(" · ") : null,
    ],
    [t("cases.inbox.grant"), data.grant?.name ?? null],
  ];
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold text-slate-900">{t("cases.inbox.facts")}</h2>
      <dl className="flex flex-col gap-2">
        {items
          .filter(([, value]) => value !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-sm break-words text-slate-900">{value}</dd>
            </div>
          ))}
      </dl>
      <Link
        to="/app/inbox"
        search={{ clientFileId: data.clientFile.id, status: "all" }}
        className="text-sm font-medium text-brand-800 underline underline-offset-2"
      >
        {t("cases.inbox.casesOfFile")}
      </Link>
    </Card>
  );
}

/** Status and assignee; saved together, the server answers which of them changed. */
function HandlingCard({ data }: { data: CaseDetail }) {
  const { t } = useTranslation();
  const staff = useQuery(staffChoicesQuery);
  const update = useUpdateCase(data.id);
  const [status, setStatus] = useState<CaseStatus>(data.status);
  const [assignee, setAssignee] = useState(data.assignee?.id ?? "");
  const [saved, setSaved] = useState(false);
  // A reply also moves the status: the form follows what the server says now.
  useEffect(() => {
    setStatus(data.status);
    setAssignee(data.assignee?.id ?? "");
  }, [data.status, data.assignee?.id]);
  const members = staff.data?.items ?? [];
  const assigneeKnown = !data.assignee || members.some((m) => m.userId === data.assignee?.id);
  const fieldError = (field: string) =>
    update.error instanceof ApiError
      ? update.error.fieldErrors.find((f) => f.field === field)?.message
      : undefined;
  const placed = fieldError("status") || fieldError("assigneeUserId");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const changes = {
      status: status !== data.status ? status : undefined,
      assigneeUserId: assignee !== (data.assignee?.id ?? "") ? assignee || null : undefined,
    };
    update.mutate(changes, { onSuccess: () => setSaved(true) });
  };
  const unchanged = status === data.status && assignee === (data.assignee?.id ?? "");

  return (
    <Card>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold text-slate-900">{t("cases.inbox.handling")}</h2>
        {update.isError && !placed ? <Alert>{errorMessage(update.error)}</Alert> : null}
        {saved && !update.isError ? <Alert tone="success">{t("cases.inbox.saved")}</Alert> : null}
        <Select
          label={t("cases.inbox.status")}
          value={status}
          error={fieldError("status")}
          onChange={(event) => setStatus(event.target.value as CaseStatus)}
        >
          {caseStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`cases.status.${s}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t("cases.inbox.assignee")}
          hint={t("cases.inbox.assigneeHint")}
          value={assignee}
          error={fieldError("assigneeUserId")}
          onChange={(event) => setAssignee(event.target.value)}
        >
          <option value="">{t("cases.inbox.unassigned")}</option>
          {!assigneeKnown && data.assignee ? (
            <option value={data.assignee.id}>{data.assignee.name}</option>
          ) : null}
          {members.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
        </Select>
        <Button type="submit" busy={update.isPending} disabled={unchanged}>
          {t("cases.inbox.save")}
        </Button>
      </form>
    </Card>
  );
}
