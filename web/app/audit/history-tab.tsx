import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionFilter, actionPrefixes } from "./action-filter";
import { fileHistoryQuery } from "./audit-api";
import { Timeline } from "./timeline";

/** The History tab of a client file (AUDIT-1): who changed what and when, field by field, newest first. */
export function HistoryTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const [action, setAction] = useState("");
  const history = useInfiniteQuery(fileHistoryQuery(clientFileId, action));
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
          {t("audit.historyTitle")}
        </h2>
        <ActionFilter
          value={action}
          onChange={setAction}
          prefixes={actionPrefixes}
          className="w-full sm:w-64"
        />
      </div>
      <Timeline query={history} label={t("audit.historyTitle")} />
    </section>
  );
}
