import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Impact, ImpactRequest, RecordRef } from "../../../contracts/grants";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { QueryView } from "../../ui/query-view";
import { RecordDialog } from "../records/record-dialog";
import { grantImpact } from "./access-api";
import { StatusBadge } from "./access-format";

/**
 * Before a grant change is saved: what each grantee would gain and lose (GRANT-9), asked of the
 * server with the unsaved change; then save or go back to editing. A refusal of the save shows here.
 */
export function ImpactDialog({
  open,
  grantId,
  request,
  onClose,
  onSave,
  saving,
  saveError,
}: {
  open: boolean;
  grantId: string;
  request: ImpactRequest;
  onClose: () => void;
  onSave: () => void;
  saving: boolean;
  saveError?: string;
}) {
  const { t } = useTranslation();
  return (
    <RecordDialog open={open} title={t("access.impact.title")} onClose={onClose}>
      <ImpactBody grantId={grantId} request={request} />
      {saveError ? <Alert>{saveError}</Alert> : null}
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          {t("access.impact.back")}
        </Button>
        <Button busy={saving} onClick={onSave}>
          {saving ? t("records.common.saving") : t("access.impact.save")}
        </Button>
      </div>
    </RecordDialog>
  );
}

function ImpactBody({ grantId, request }: { grantId: string; request: ImpactRequest }) {
  const { t } = useTranslation();
  const impact = useQuery({
    queryKey: ["access", "impact", grantId, request],
    queryFn: () => grantImpact(grantId, request),
    gcTime: 0,
    retry: false,
  });
  if (impact.isError) return <ErrorWithFields error={impact.error} />;
  return (
    <QueryView query={impact}>
      {(data: Impact) => {
        if (data.grantees.length === 0)
          return <p className="text-slate-700">{t("access.impact.noGrantees")}</p>;
        const anyChange = data.grantees.some((g) => g.gains.length + g.losses.length > 0);
        return (
          <div className="flex flex-col gap-4">
            <p className="text-slate-700">
              {anyChange ? t("access.impact.intro") : t("access.impact.nothing")}
            </p>
            <ul className="flex flex-col gap-3">
              {data.grantees.map((g) => (
                <li key={g.granteeId} className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{g.name}</span>
                    <StatusBadge status={g.status} />
                  </div>
                  {g.gains.length + g.losses.length === 0 ? (
                    <p className="text-sm text-slate-600">
                      {g.status === "active" || g.status === "pending"
                        ? t("access.impact.unchanged")
                        : t("access.impact.seesNothing")}
                    </p>
                  ) : (
                    <div className="grid gap-3 md:grid-cols-2">
                      <RefList
                        title={t("access.impact.gains", { count: g.gains.length })}
                        refs={g.gains}
                        sign="+"
                      />
                      <RefList
                        title={t("access.impact.losses", { count: g.losses.length })}
                        refs={g.losses}
                        sign="−"
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      }}
    </QueryView>
  );
}

/** A refusal with the server's message and, for `invalid`, each field's message. */
export function ErrorWithFields({ error }: { error: unknown }) {
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <Alert>
      {errorMessage(error)}
      {fields.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {fields.map((f) => (
            <li key={f.field}>{f.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

function RefList({ title, refs, sign }: { title: string; refs: RecordRef[]; sign: "+" | "−" }) {
  const { t } = useTranslation();
  if (refs.length === 0) return null;
  return (
    <div className="min-w-0">
      <h3
        className={
          sign === "+" ? "text-sm font-semibold text-emerald-800" : "text-sm font-semibold text-red-800"
        }
      >
        {title}
      </h3>
      <ul className="mt-1 flex max-h-48 flex-col gap-0.5 overflow-y-auto text-sm text-slate-800">
        {refs.map((ref) => (
          <li key={`${ref.kind}-${ref.id}`} className="break-words">
            <span aria-hidden="true" className="mr-1 font-bold">
              {sign}
            </span>
            <span className="text-slate-600">{t(`access.recordKind.${ref.kind}`)}:</span> {ref.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
