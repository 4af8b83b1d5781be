import { useTranslation } from "react-i18next";
import type { AccessLogEntry } from "../../contracts/profile";
import { useUiLanguage } from "../i18n/use-ui-language";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { LoadError } from "../ui/load-error";
import { Loading } from "../ui/loading";
import { useAccessLog } from "./profile-api";

/** The account's own access log (PORTAL-10): its events at every firm, newest first, page by page. */
export function AccessLogSection() {
  const { t } = useTranslation();
  const log = useAccessLog(useUiLanguage());
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card className="flex flex-col gap-4" data-testid="access-log">
      <h2 className="text-xl font-semibold text-slate-900">{t("profile.log.title")}</h2>
      <p className="text-base leading-relaxed text-slate-700">{t("profile.log.intro")}</p>
      {log.isPending ? <Loading /> : null}
      {log.isError ? <LoadError heading="h2" error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.isSuccess && entries.length === 0 ? (
        <p className="text-base text-slate-700">{t("profile.log.empty")}</p>
      ) : null}
      {entries.length > 0 ? (
        <ol className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200">
          {entries.map((entry) => (
            <LogItem key={entry.id} entry={entry} />
          ))}
        </ol>
      ) : null}
      {log.hasNextPage ? (
        <Button
          variant="secondary"
          busy={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
          className="w-full sm:w-auto sm:self-start"
        >
          {t("profile.log.loadMore")}
        </Button>
      ) : null}
    </Card>
  );
}

function LogItem({ entry }: { entry: AccessLogEntry }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(entry.at));
  const who = entry.byYou
    ? t("profile.log.byYou")
    : entry.actorName
      ? t("profile.log.byFirm", { name: entry.actorName, firm: entry.firm.name })
      : t("profile.log.bySystem", { firm: entry.firm.name });
  const where = [entry.device, entry.ipAddress].filter(Boolean).join(" · ");
  return (
    <li className="flex flex-col gap-1 p-3 sm:p-4">
      <p className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <span className="text-base font-semibold break-words text-slate-900">{entry.label}</span>
        <time dateTime={entry.at} className="shrink-0 text-sm text-slate-600">
          {when}
        </time>
      </p>
      <p className="text-sm break-words text-slate-700">
        {who}
        {" · "}
        {entry.firm.name}
        {entry.clientFile ? ` · ${t("profile.log.file", { name: entry.clientFile.displayName })}` : ""}
      </p>
      {where ? <p className="text-sm break-all text-slate-600">{t("profile.log.from", { where })}</p> : null}
    </li>
  );
}
