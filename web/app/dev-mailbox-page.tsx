import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CaughtMailSummary } from "../../contracts/dev-mailbox";
import { useUiLanguage } from "../i18n/use-ui-language";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { LoadError } from "../ui/load-error";
import { Loading } from "../ui/loading";
import { PageHeading } from "../ui/page-heading";
import { useDocumentTitle } from "../ui/use-document-title";
import { caughtMailsQuery } from "./dev-mailbox-api";
import { MailView } from "./mail-view";
import { useStaff } from "./staff-context";

/** `/app/dev/mailbox`: the mails the development SMTP sink caught, with a reader. */
export function DevMailboxPage({ selectedId }: { selectedId: string | undefined }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const mails = useQuery({ ...caughtMailsQuery, enabled: staff.devMailbox });
  useDocumentTitle(t("mailbox.title"));

  if (!staff.devMailbox) return <Alert tone="info">{t("mailbox.notAvailable")}</Alert>;

  const selected = mails.data?.find((mail) => mail.id === selectedId);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <PageHeading>{t("mailbox.title")}</PageHeading>
          <p className="mt-1 text-slate-700">{t("mailbox.intro")}</p>
        </div>
        <Button variant="secondary" busy={mails.isFetching} onClick={() => void mails.refetch()}>
          {mails.isFetching ? t("mailbox.refreshing") : t("mailbox.refresh")}
        </Button>
      </div>

      {mails.isPending ? <Loading /> : null}
      {mails.isError && !mails.data ? (
        <LoadError heading="h2" error={mails.error} onRetry={() => void mails.refetch()} />
      ) : null}
      {mails.isError && mails.data ? <Alert>{errorMessage(mails.error)}</Alert> : null}

      {mails.data ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
          {/* On phones the list and the reader take turns; side by side from large screens on. */}
          <section aria-label={t("mailbox.listLabel")} className={cn(selected && "hidden lg:block")}>
            <MailList mails={mails.data} selectedId={selected?.id} />
          </section>
          <div className={cn(!selected && "hidden lg:block")}>
            {selected ? (
              <MailView key={selected.id} summary={selected} />
            ) : (
              <Card className="text-slate-600">{t("mailbox.select")}</Card>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function MailList({ mails, selectedId }: { mails: CaughtMailSummary[]; selectedId: string | undefined }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  if (mails.length === 0) return <Card className="text-slate-600">{t("mailbox.empty")}</Card>;
  const format = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      {mails.map((mail) => (
        <li key={mail.id}>
          <Link
            to="/app/dev/mailbox"
            search={{ mail: mail.id }}
            aria-current={mail.id === selectedId ? "true" : undefined}
            className={cn(
              "block px-4 py-3 hover:bg-slate-50 focus-visible:-outline-offset-2",
              mail.id === selectedId && "bg-brand-50 hover:bg-brand-50",
            )}
          >
            <span className="block truncate font-medium text-slate-900">
              {mail.subject || t("mailbox.noSubject")}
            </span>
            <span className="mt-0.5 block truncate text-sm text-slate-700">{mail.to}</span>
            <time dateTime={mail.receivedAt} className="mt-0.5 block text-xs text-slate-600">
              {format.format(new Date(mail.receivedAt))}
            </time>
          </Link>
        </li>
      ))}
    </ul>
  );
}
