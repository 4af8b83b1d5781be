import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AuditPage } from "../../../contracts/audit";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Loading } from "../../ui/loading";
import { AuditEntryView } from "./audit-entry";

/** A paged list of audit events, newest first, with "show older" at the end. */
export function Timeline({
  query,
  showFile = false,
  label,
}: {
  query: UseInfiniteQueryResult<InfiniteData<AuditPage>>;
  showFile?: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  // Read before the checks below narrow `query`: a failed "show older" keeps the pages it had.
  const error = query.error;
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <Alert>
        <p>{errorMessage(query.error)}</p>
        <Button size="sm" variant="secondary" className="mt-2" onClick={() => void query.refetch()}>
          {t("common.retry")}
        </Button>
      </Alert>
    );
  }
  const entries = query.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) return <p className="py-6 text-sm text-slate-600">{t("audit.empty")}</p>;
  return (
    <div className="flex flex-col gap-4">
      <ol aria-label={label} className="flex flex-col border-l-2 border-slate-200">
        {entries.map((entry) => (
          <li key={entry.id} className="relative py-3 pl-5">
            <span
              aria-hidden="true"
              className="absolute top-4.5 -left-[7px] size-3 rounded-full border-2 border-white bg-brand-600"
            />
            <AuditEntryView entry={entry} showFile={showFile} />
          </li>
        ))}
      </ol>
      {query.hasNextPage ? (
        <Button
          variant="secondary"
          className="self-start"
          busy={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t("audit.older")}
        </Button>
      ) : null}
      {query.isFetchNextPageError ? <Alert>{errorMessage(error)}</Alert> : null}
    </div>
  );
}
