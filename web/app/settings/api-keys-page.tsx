import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiKey, type ApiKeyScope, apiKeyScopes, type CreatedApiKey } from "../../../contracts/api-keys";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { TextField } from "../../ui/text-field";
import { apiKeysQuery, useApiKeyMutations } from "./api-keys-api";

/** `/app/settings/api-keys`: keys for the firm's management system (API-1), admins only. */
export function ApiKeysPage() {
  const keys = useQuery(apiKeysQuery);
  const [made, setMade] = useState<CreatedApiKey>();
  return (
    <div className="flex flex-col gap-6">
      {made ? <MadeKey made={made} onDone={() => setMade(undefined)} /> : <CreateKeyCard onMade={setMade} />}
      {keys.isPending ? <Loading /> : null}
      {keys.isError ? <LoadError heading="h2" error={keys.error} onRetry={() => keys.refetch()} /> : null}
      {keys.data ? <KeyList items={keys.data.items} /> : null}
    </div>
  );
}

function CreateKeyCard({ onMade }: { onMade: (made: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const { create } = useApiKeyMutations();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["read"]);
  const [problem, setProblem] = useState<{ name?: string; scopes?: string; alert?: string }>({});

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = {
      name: name.trim() ? undefined : t("apiKeys.nameRequired"),
      scopes: scopes.length > 0 ? undefined : t("apiKeys.scopesRequired"),
    };
    setProblem(local);
    if (local.name || local.scopes) return;
    try {
      onMade(await create.mutateAsync({ name: name.trim(), scopes }));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      const byField = (f: string) => fields.find((e) => e.field.startsWith(f))?.message;
      const placed = { name: byField("name"), scopes: byField("scopes") };
      setProblem({ ...placed, alert: placed.name || placed.scopes ? undefined : errorMessage(error) });
    }
  };

  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">{t("apiKeys.title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("apiKeys.intro")}</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="mt-6 flex flex-col gap-5">
        {problem.alert ? <Alert>{problem.alert}</Alert> : null}
        <TextField
          label={t("apiKeys.name")}
          hint={t("apiKeys.nameHint")}
          value={name}
          maxLength={100}
          error={problem.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <fieldset aria-describedby={problem.scopes ? "api-key-scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("apiKeys.scopes")}</legend>
          {apiKeyScopes.map((scope) => (
            <label key={scope} className="flex min-h-11 items-start gap-3 py-1">
              <input
                type="checkbox"
                className="mt-0.5 size-5 shrink-0 accent-brand-700"
                checked={scopes.includes(scope)}
                onChange={(e) => toggle(scope, e.currentTarget.checked)}
              />
              <span className="text-sm">
                <span className="font-medium text-slate-800">{t(`apiKeys.scope.${scope}`)}</span>
                <span className="mt-0.5 block text-slate-600">{t(`apiKeys.scopeHint.${scope}`)}</span>
              </span>
            </label>
          ))}
          {problem.scopes ? (
            <p id="api-key-scopes-error" className="text-sm text-red-700">
              {problem.scopes}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" busy={create.isPending}>
            {t("apiKeys.create")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** The new key, shown this once, with a copy button and what to know about it. */
function MadeKey({ made, onDone }: { made: CreatedApiKey; onDone: () => void }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "no">();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.secret);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for Ctrl+C instead.
      field.current?.select();
      setCopied("no");
    }
  };
  return (
    <Card className="flex flex-col gap-5">
      <h2 className="text-lg font-semibold text-slate-900">{t("apiKeys.madeTitle", { name: made.name })}</h2>
      <Alert tone="info" title={t("apiKeys.shownOnceTitle")}>
        {t("apiKeys.shownOnce")}
      </Alert>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField
          ref={field}
          className="min-w-0 flex-1"
          label={t("apiKeys.secret")}
          value={made.secret}
          readOnly
          data-testid="api-key-secret"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button onClick={() => void copy()}>{t("apiKeys.copy")}</Button>
      </div>
      <p role="status" className="min-h-5 text-sm text-slate-700">
        {copied === "yes" ? t("apiKeys.copied") : null}
        {copied === "no" ? t("apiKeys.copyManually") : null}
      </p>
      <p className="text-sm text-slate-700">{t("apiKeys.howToUse")}</p>
      <div className="flex justify-end border-t border-slate-200 pt-4">
        <Button variant="secondary" onClick={onDone}>
          {t("apiKeys.done")}
        </Button>
      </div>
    </Card>
  );
}

function KeyList({ items }: { items: ApiKey[] }) {
  const { t, i18n } = useTranslation();
  const { revoke } = useApiKeyMutations();
  const [revoking, setRevoking] = useState<ApiKey>();
  const when = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" })
      : t("apiKeys.never");
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">{t("apiKeys.listTitle")}</h2>
      {items.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("apiKeys.empty")}</p> : null}
      <ul className="mt-3 divide-y divide-slate-200">
        {items.map((key) => (
          <li key={key.id} className="flex flex-col gap-2 py-4 sm:flex-row sm:items-start sm:justify-between">
            <div className="text-sm text-slate-700">
              <p className="font-medium text-slate-900">
                {key.name} <code className="ml-1 rounded bg-slate-100 px-1 text-xs">{key.prefix}…</code>
              </p>
              <p>{key.scopes.map((s) => t(`apiKeys.scope.${s}`)).join(", ")}</p>
              <p>{t("apiKeys.createdBy", { name: key.createdBy.name ?? "—", date: when(key.createdAt) })}</p>
              <p>{t("apiKeys.lastUsed", { date: when(key.lastUsedAt) })}</p>
              {key.revokedAt ? (
                <p className="font-medium text-red-700">
                  {t("apiKeys.revokedAt", { date: when(key.revokedAt) })}
                </p>
              ) : null}
            </div>
            {key.revokedAt ? null : (
              <Button variant="secondary" onClick={() => setRevoking(key)}>
                {t("apiKeys.revoke")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== undefined}
        danger
        title={t("apiKeys.revokeTitle", { name: revoking?.name ?? "" })}
        message={t("apiKeys.revokeMessage")}
        labels={{ cancel: t("apiKeys.cancel"), confirm: t("apiKeys.revokeConfirm") }}
        onConfirm={() => revoke.mutateAsync(revoking?.id ?? "")}
        onClose={() => setRevoking(undefined)}
      />
    </Card>
  );
}
