import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CaughtMailSummary } from "../../contracts/dev-mailbox";
import { useUiLanguage } from "../i18n/use-ui-language";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Card } from "../ui/card";
import { Loading } from "../ui/loading";
import { Tabs } from "../ui/tabs";
import { caughtMailHtmlUrl, caughtMailQuery } from "./dev-mailbox-api";

/** One caught mail: headers, the HTML in a sandboxed frame, and the plain text. */
export function MailView({ summary }: { summary: CaughtMailSummary }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const mail = useQuery(caughtMailQuery(summary.id));
  const received = new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "medium" }).format(
    new Date(summary.receivedAt),
  );

  return (
    <Card className="flex flex-col gap-5">
      <Link
        to="/app/dev/mailbox"
        search={{}}
        className="self-start text-sm font-medium text-brand-700 underline underline-offset-2 lg:hidden"
      >
        ← {t("mailbox.back")}
      </Link>
      <h2 className="text-xl font-semibold break-words text-slate-900">
        {summary.subject || t("mailbox.noSubject")}
      </h2>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600">{t("mailbox.from")}</dt>
        <dd className="break-words text-slate-900">{summary.from}</dd>
        <dt className="font-medium text-slate-600">{t("mailbox.to")}</dt>
        <dd className="break-words text-slate-900">{summary.to}</dd>
        <dt className="font-medium text-slate-600">{t("mailbox.received")}</dt>
        <dd className="text-slate-900">
          <time dateTime={summary.receivedAt}>{received}</time>
        </dd>
      </dl>
      <Tabs
        label={t("mailbox.contentLabel")}
        items={[
          {
            id: "html",
            label: t("mailbox.html"),
            // sandbox="" gives the mail no scripts, no forms, no same-origin access: mail HTML is untrusted.
            content: (
              <iframe
                sandbox=""
                src={caughtMailHtmlUrl(summary.id)}
                title={t("mailbox.htmlFrameTitle")}
                className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white"
              />
            ),
          },
          {
            id: "text",
            label: t("mailbox.text"),
            content: mail.isPending ? (
              <Loading className="py-8" />
            ) : mail.isError ? (
              <Alert>{errorMessage(mail.error)}</Alert>
            ) : (
              <pre className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-sm whitespace-pre-wrap break-words text-slate-900">
                {mail.data.text}
              </pre>
            ),
          },
        ]}
      />
    </Card>
  );
}
