import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useBlocker, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GrantDetail } from "../../../contracts/grants";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Badge, Card } from "../../ui/card";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { PageHeading } from "../../ui/page-heading";
import { TextField } from "../../ui/text-field";
import { useDocumentTitle } from "../../ui/use-document-title";
import { staffChoicesQuery } from "../clients/clients-api";
import { ConfirmDeleteDialog } from "../records/record-dialog";
import { documentCategoriesQuery, linesOfBusinessQuery } from "../settings/settings-api";
import { accessKeys, deleteGrant, grantQuery, saveGrant } from "./access-api";
import { GrantFeaturesSection } from "./grant-features-section";
import { GrantFilesSection } from "./grant-files-section";
import { GrantGranteesSection } from "./grant-grantees-section";
import { type FieldErrors, GrantSharingSection } from "./grant-sharing-section";
import { ImpactDialog } from "./impact-dialog";
import { ManualContractsPicker, useFileContracts } from "./manual-contracts-picker";
import { changeOf, impactRequestOf, isChanged, useGrantDraft } from "./use-grant-draft";

/** `/app/grants/$grantId`: the grant editor with the four areas of seed 004. */
export function GrantEditorPage({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  const grant = useQuery(grantQuery(grantId));
  useDocumentTitle(grant.data?.name ?? t("access.editor.title"));
  if (grant.isPending) return <Loading />;
  if (grant.isError) {
    if (grant.error instanceof ApiError && grant.error.status === 404)
      return (
        <Card className="flex flex-col gap-3">
          <PageHeading className="text-xl">{t("access.editor.notFoundTitle")}</PageHeading>
          <Alert tone="info">{t("access.editor.notFoundBody")}</Alert>
          <Link to="/app/clients" className="text-sm font-medium text-brand-800 underline">
            {t("clients.backToList")}
          </Link>
        </Card>
      );
    return <LoadError error={grant.error} onRetry={() => void grant.refetch()} />;
  }
  return <GrantEditor detail={grant.data} />;
}

/**
 * Disables every control inside when the staff member may not manage the grant: the editor then
 * shows the grant as it is, without buttons that would end in 403. Links still work.
 */
function ReadOnlyGroup({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  return (
    <fieldset disabled={readOnly} className="m-0 flex min-w-0 flex-col gap-6 border-0 p-0">
      {children}
    </fieldset>
  );
}

/** Turns a refusal into messages per field (list indexes dropped: "fileIds.0" → "fileIds"). */
function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const details = error.details as { fields?: Array<{ field: string; message: string }> } | undefined;
  const out: FieldErrors = {};
  for (const f of details?.fields ?? []) out[f.field.replace(/\.\d+$/, "")] ??= f.message;
  return out;
}

function GrantEditor({ detail }: { detail: GrantDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const lines = useQuery(linesOfBusinessQuery);
  const categories = useQuery(documentCategoriesQuery);
  const staff = useQuery(staffChoicesQuery);
  const editor = useGrantDraft(detail);
  const { draft } = editor;
  const contracts = useFileContracts(draft.files);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [reviewing, setReviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const change = changeOf(detail, draft);
  const dirty = isChanged(change);
  // Leaving with unsaved changes asks first (the browser asks on reload or closing the tab).
  useBlocker({
    shouldBlockFn: () => dirty && !window.confirm(t("access.editor.leaveConfirm")),
    enableBeforeUnload: () => dirty,
  });

  const review = () => {
    setSaved(false);
    setSaveError(undefined);
    if (draft.name.trim() === "") {
      setErrors({ name: t("validation.required") });
      document.getElementById("grant-name")?.focus();
      return;
    }
    setErrors({});
    setReviewing(true);
  };
  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      const result = await saveGrant(detail.id, change);
      if (result) {
        queryClient.setQueryData(grantQuery(detail.id).queryKey, result);
        editor.reset(result);
      }
      await queryClient.invalidateQueries({ queryKey: accessKeys.all });
      setReviewing(false);
      setSaved(true);
    } catch (error) {
      // A part may have been saved before the refusal: show the grant as it is now, keep the draft.
      void queryClient.invalidateQueries({ queryKey: grantQuery(detail.id).queryKey });
      setErrors(fieldErrorsOf(error));
      setSaveError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  const firstFile = detail.files[0];
  const loadError = lines.error ?? categories.error ?? staff.error;
  const readOnly = !detail.management.allowed;

  return (
    <div className="flex flex-col gap-6 pb-24">
      {firstFile ? (
        <Link
          to="/app/clients/$fileId"
          params={{ fileId: firstFile.id }}
          className="text-sm font-medium text-brand-800 underline-offset-2 hover:underline"
        >
          ← {t("access.editor.backTo", { name: firstFile.displayName })}
        </Link>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <PageHeading className="min-w-0 break-words">{detail.name}</PageHeading>
        <Badge>{t("access.editor.badge")}</Badge>
      </div>
      {readOnly ? (
        <Alert tone="info" title={t("access.editor.readOnlyTitle")}>
          {detail.management.message}
        </Alert>
      ) : null}
      {saved && !dirty ? <Alert tone="success">{t("access.editor.saved")}</Alert> : null}
      {loadError ? <Alert>{errorMessage(loadError)}</Alert> : null}
      <ReadOnlyGroup readOnly={readOnly}>
        <Card>
          <TextField
            id="grant-name"
            label={t("access.fields.grantName")}
            value={draft.name}
            maxLength={200}
            error={errors.name}
            onChange={(event) => editor.setName(event.target.value)}
          />
        </Card>
        <GrantFilesSection
          files={draft.files}
          readOnly={readOnly}
          error={errors.fileIds}
          onAdd={editor.addFile}
          onRemove={(fileId) =>
            editor.removeFile(fileId, [
              ...contracts.idsOf(fileId),
              ...detail.manualContracts.filter((c) => c.clientFileId === fileId).map((c) => c.id),
            ])
          }
        />
        <GrantSharingSection
          settings={draft.settings}
          onChange={editor.setSettings}
          errors={errors}
          lines={lines.data ?? []}
          documentCategories={categories.data ?? []}
          manualList={
            <ManualContractsPicker
              byFile={contracts.byFile}
              chosen={draft.manualContractIds}
              onToggle={editor.toggleContract}
              error={errors.contractIds ?? errors.manualContractIds}
            />
          }
        />
      </ReadOnlyGroup>
      <GrantGranteesSection grant={detail} />
      <ReadOnlyGroup readOnly={readOnly}>
        <GrantFeaturesSection
          settings={draft.settings}
          onChange={editor.setSettings}
          errors={errors}
          staff={staff.data?.items ?? []}
        />
      </ReadOnlyGroup>
      {readOnly ? null : (
        <Card className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700">{t("access.editor.deleteIntro")}</p>
          <Button variant="secondary" className="text-red-800" onClick={() => setDeleting(true)}>
            {t("access.editor.delete")}
          </Button>
        </Card>
      )}

      {dirty && !readOnly ? (
        <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] sm:-mx-6 sm:px-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm font-medium text-slate-800" role="status">
              {t("access.editor.unsaved")}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => editor.reset(detail)}>
                {t("access.editor.discard")}
              </Button>
              <Button onClick={review}>{t("access.editor.review")}</Button>
            </div>
          </div>
          {saveError && !reviewing ? <Alert className="mt-2">{saveError}</Alert> : null}
        </div>
      ) : null}

      <ImpactDialog
        open={reviewing}
        grantId={detail.id}
        request={impactRequestOf(change)}
        onClose={() => setReviewing(false)}
        onSave={() => void save()}
        saving={saving}
        saveError={saveError}
      />
      <ConfirmDeleteDialog
        open={deleting}
        message={t("access.editor.deleteConfirm", { name: detail.name })}
        onConfirm={async () => {
          await deleteGrant(detail.id);
          // Leave before refreshing: the open editor would otherwise ask for the deleted grant.
          await navigate(
            firstFile
              ? { to: "/app/clients/$fileId", params: { fileId: firstFile.id }, ignoreBlocker: true }
              : { to: "/app/clients", ignoreBlocker: true },
          );
          queryClient.removeQueries({ queryKey: grantQuery(detail.id).queryKey });
          await queryClient.invalidateQueries({ queryKey: accessKeys.all });
        }}
        onClose={() => setDeleting(false)}
      />
    </div>
  );
}
