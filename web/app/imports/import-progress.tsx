import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../ui/alert";
import { Card } from "../../ui/card";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { ImportErrors } from "./import-errors";
import { importRunQuery } from "./imports-api";

/** A running or finished import: a progress bar while it runs (polled), then the counts and errors. */
export function ImportProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const run = useQuery(importRunQuery(id));
  const queryClient = useQueryClient();
  const status = run.data?.status;
  // The list of recent imports shows the outcome once the run is over.
  useEffect(() => {
    if (status && status !== "running")
      void queryClient.invalidateQueries({ queryKey: ["imports"], exact: true });
  }, [status, queryClient]);
  if (run.isPending) return <Loading />;
  if (run.isError) return <LoadError heading="h2" error={run.error} onRetry={() => void run.refetch()} />;
  const r = run.data;
  const percent = r.totalRows === 0 ? 100 : Math.round((r.processedRows / r.totalRows) * 100);
  const counts = [
    ["created", r.createdRows],
    ["updated", r.updatedRows],
    ["unchanged", r.unchangedRows],
    ["errors", r.errorRows],
  ] as const;
  return (
    <div className="flex flex-col gap-6">
      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold text-slate-900">
          {r.status === "running"
            ? t("imports.progress.running", { fileName: r.fileName })
            : t(`imports.progress.${r.status}`)}
        </h2>
        <div className="flex flex-col gap-2">
          <progress
            className="h-3 w-full overflow-hidden rounded-full accent-brand-700"
            max={Math.max(r.totalRows, 1)}
            value={r.totalRows === 0 ? 1 : r.processedRows}
            aria-label={t("imports.progress.label")}
          />
          {/* Announced politely as batches complete. */}
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("imports.progress.rows", { processed: r.processedRows, total: r.totalRows, percent })}
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {counts.map(([key, value]) => (
            <div key={key} className="rounded-lg bg-slate-50 px-4 py-3">
              <dt className="text-sm text-slate-600">{t(`imports.counts.${key}`)}</dt>
              <dd className="text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        {r.status === "failed" ? <Alert>{t("imports.progress.failedHint")}</Alert> : null}
      </Card>
      {r.status !== "running" ? (
        <Card className="flex flex-col gap-4">
          <h2 className="text-lg font-semibold text-slate-900">{t("imports.errors.heading")}</h2>
          <ImportErrors errors={r.errors} errorRows={r.errorRows} fileName={r.fileName} />
        </Card>
      ) : null}
    </div>
  );
}
