import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebhookDelivery } from "../../../contracts/webhooks";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { deliveriesQuery, useWebhookMutations } from "./webhooks-api";

const statusTone: Record<WebhookDelivery["status"], string> = {
  pending: "bg-slate-100 text-slate-800",
  retrying: "bg-amber-100 text-amber-900",
  delivered: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
};

/** One endpoint's delivery log: each event's status, attempts, the receiver's last answer, and resend. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const { t, i18n } = useTranslation();
  const log = useQuery(deliveriesQuery(endpointId));
  const { resend } = useWebhookMutations();
  const [alert, setAlert] = useState<string>();
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: "short", timeStyle: "medium" }) : "—";
  const again = async (deliveryId: string) => {
    setAlert(undefined);
    try {
      await resend.mutateAsync({ endpointId, deliveryId });
      await log.refetch();
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };
  if (log.isPending) return <Loading />;
  if (log.isError) return <LoadError heading="h2" error={log.error} onRetry={() => log.refetch()} />;
  return (
    <section aria-label={t("webhooks.logTitle")} className="rounded-lg border border-slate-200 p-3">
      <h3 className="text-base font-semibold text-slate-900">{t("webhooks.logTitle")}</h3>
      {alert ? <Alert className="mt-2">{alert}</Alert> : null}
      {log.data.deliveries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("webhooks.logEmpty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {log.data.deliveries.map((d) => (
            <li
              key={d.id}
              data-testid="webhook-delivery"
              className="flex flex-col gap-2 py-3 text-sm sm:flex-row sm:justify-between"
            >
              <div className="min-w-0 text-slate-700">
                <p>
                  <code className="font-medium text-slate-900">{d.eventType}</code>{" "}
                  <span className={`ml-2 rounded px-2 py-0.5 text-xs font-medium ${statusTone[d.status]}`}>
                    {t(`webhooks.status.${d.status}`)}
                  </span>
                </p>
                <p>
                  {t("webhooks.attempts", { count: d.attempts })} · {when(d.createdAt)}
                  {d.lastStatusCode !== null ? ` · HTTP ${d.lastStatusCode}` : ""}
                </p>
                {d.lastResponse ? <p className="truncate text-slate-600">{d.lastResponse}</p> : null}
                {d.nextAttemptAt ? <p>{t("webhooks.nextAttempt", { date: when(d.nextAttemptAt) })}</p> : null}
                {d.resentFrom ? <p>{t("webhooks.resent")}</p> : null}
              </div>
              <div>
                <Button variant="secondary" onClick={() => void again(d.id)}>
                  {t("webhooks.resend")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
