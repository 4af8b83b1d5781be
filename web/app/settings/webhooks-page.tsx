import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
  type WebhookEventType,
  webhookEventTypes,
} from "../../../contracts/webhooks";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { TextField } from "../../ui/text-field";
import { WebhookDeliveries } from "./webhook-deliveries";
import { useWebhookMutations, webhooksQuery } from "./webhooks-api";

/** `/app/settings/webhooks`: URLs that hear about the firm's events (API-1), admins only. */
export function WebhooksPage() {
  const endpoints = useQuery(webhooksQuery);
  const [secret, setSecret] = useState<WebhookEndpointWithSecret>();
  return (
    <div className="flex flex-col gap-6">
      {secret ? (
        <ShownSecret made={secret} onDone={() => setSecret(undefined)} />
      ) : (
        <CreateEndpointCard onMade={setSecret} />
      )}
      {endpoints.isPending ? <Loading /> : null}
      {endpoints.isError ? (
        <LoadError heading="h2" error={endpoints.error} onRetry={() => endpoints.refetch()} />
      ) : null}
      {endpoints.data ? <EndpointList items={endpoints.data.endpoints} onSecret={setSecret} /> : null}
    </div>
  );
}

function CreateEndpointCard({ onMade }: { onMade: (made: WebhookEndpointWithSecret) => void }) {
  const { t } = useTranslation();
  const { create } = useWebhookMutations();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([...webhookEventTypes]);
  const [problem, setProblem] = useState<{ url?: string; events?: string; alert?: string }>({});

  const toggle = (type: WebhookEventType, on: boolean) =>
    setEvents((current) => (on ? [...current, type] : current.filter((e) => e !== type)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = {
      url: url.trim() ? undefined : t("webhooks.urlRequired"),
      events: events.length > 0 ? undefined : t("webhooks.eventsRequired"),
    };
    setProblem(local);
    if (local.url || local.events) return;
    try {
      onMade(await create.mutateAsync({ url: url.trim(), description: description.trim(), events }));
      setUrl("");
      setDescription("");
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      const byField = (f: string) => fields.find((e) => e.field.startsWith(f))?.message;
      const placed = { url: byField("url"), events: byField("events") };
      setProblem({ ...placed, alert: placed.url || placed.events ? undefined : errorMessage(error) });
    }
  };

  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">{t("webhooks.title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("webhooks.intro")}</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="mt-6 flex flex-col gap-5">
        {problem.alert ? <Alert>{problem.alert}</Alert> : null}
        <TextField
          label={t("webhooks.url")}
          hint={t("webhooks.urlHint")}
          value={url}
          type="url"
          maxLength={2000}
          error={problem.url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <TextField
          label={t("webhooks.description")}
          value={description}
          maxLength={200}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <fieldset aria-describedby={problem.events ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("webhooks.events")}</legend>
          {webhookEventTypes.map((type) => (
            <label key={type} className="flex min-h-11 items-start gap-3 py-1">
              <input
                type="checkbox"
                className="mt-0.5 size-5 shrink-0 accent-brand-700"
                checked={events.includes(type)}
                onChange={(e) => toggle(type, e.currentTarget.checked)}
              />
              <span className="text-sm">
                <span className="font-medium text-slate-800">{t(`webhooks.event.${type}`)}</span>
                <code className="ml-2 text-xs text-slate-600">{type}</code>
              </span>
            </label>
          ))}
          {problem.events ? (
            <p id="webhook-events-error" className="text-sm text-red-700">
              {problem.events}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" busy={create.isPending}>
            {t("webhooks.create")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** A new or rotated secret, shown this once, with how receivers check signatures. */
function ShownSecret({ made, onDone }: { made: WebhookEndpointWithSecret; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Card className="flex flex-col gap-5">
      <h2 className="text-lg font-semibold text-slate-900">{t("webhooks.secretTitle", { url: made.url })}</h2>
      <Alert tone="info" title={t("webhooks.shownOnceTitle")}>
        {t("webhooks.shownOnce")}
      </Alert>
      <TextField
        label={t("webhooks.secret")}
        value={made.secret}
        readOnly
        data-testid="webhook-secret"
        onFocus={(event) => event.currentTarget.select()}
      />
      <p className="text-sm text-slate-700">{t("webhooks.howToVerify")}</p>
      <div className="flex justify-end border-t border-slate-200 pt-4">
        <Button variant="secondary" onClick={onDone}>
          {t("webhooks.done")}
        </Button>
      </div>
    </Card>
  );
}

function EndpointList({
  items,
  onSecret,
}: {
  items: WebhookEndpoint[];
  onSecret: (made: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation();
  const { update, remove, rotate, test } = useWebhookMutations();
  const [deleting, setDeleting] = useState<WebhookEndpoint>();
  const [rotating, setRotating] = useState<WebhookEndpoint>();
  const [open, setOpen] = useState<string>();
  const [alert, setAlert] = useState<string>();
  const run = async (work: () => Promise<unknown>) => {
    setAlert(undefined);
    try {
      await work();
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">{t("webhooks.listTitle")}</h2>
      {alert ? <Alert className="mt-3">{alert}</Alert> : null}
      {items.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("webhooks.empty")}</p> : null}
      <ul className="mt-3 divide-y divide-slate-200">
        {items.map((endpoint) => (
          <li key={endpoint.id} className="flex flex-col gap-3 py-4" data-testid="webhook-endpoint">
            <div className="text-sm text-slate-700">
              <p className="font-medium break-all text-slate-900">{endpoint.url}</p>
              {endpoint.description ? <p>{endpoint.description}</p> : null}
              <p>{endpoint.events.map((e) => t(`webhooks.event.${e}`)).join(", ")}</p>
              <p>
                {endpoint.active ? t("webhooks.active") : t("webhooks.paused")} ·{" "}
                {t("webhooks.secretHint", { hint: endpoint.secretHint })}
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                onClick={() => setOpen(open === endpoint.id ? undefined : endpoint.id)}
              >
                {open === endpoint.id ? t("webhooks.hideLog") : t("webhooks.showLog")}
              </Button>
              <Button variant="secondary" onClick={() => void run(() => test.mutateAsync(endpoint.id))}>
                {t("webhooks.sendTest")}
              </Button>
              <Button
                variant="secondary"
                onClick={() =>
                  void run(() => update.mutateAsync({ id: endpoint.id, body: { active: !endpoint.active } }))
                }
              >
                {endpoint.active ? t("webhooks.pause") : t("webhooks.resume")}
              </Button>
              <Button variant="secondary" onClick={() => setRotating(endpoint)}>
                {t("webhooks.rotate")}
              </Button>
              <Button variant="secondary" onClick={() => setDeleting(endpoint)}>
                {t("webhooks.delete")}
              </Button>
            </div>
            {open === endpoint.id ? <WebhookDeliveries endpointId={endpoint.id} /> : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={rotating !== undefined}
        title={t("webhooks.rotateTitle")}
        message={t("webhooks.rotateMessage")}
        labels={{ cancel: t("webhooks.cancel"), confirm: t("webhooks.rotateConfirm") }}
        onConfirm={async () => onSecret(await rotate.mutateAsync(rotating?.id ?? ""))}
        onClose={() => setRotating(undefined)}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        danger
        title={t("webhooks.deleteTitle", { url: deleting?.url ?? "" })}
        message={t("webhooks.deleteMessage")}
        labels={{ cancel: t("webhooks.cancel"), confirm: t("webhooks.deleteConfirm") }}
        onConfirm={() => remove.mutateAsync(deleting?.id ?? "")}
        onClose={() => setDeleting(undefined)}
      />
    </Card>
  );
}
