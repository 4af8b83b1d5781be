import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ImportKind,
  type ImportOptions,
  type ImportPreview,
  importKinds,
} from "../../../contracts/imports";
import { useUiLanguage } from "../../i18n/use-ui-language";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { controlClass, Field } from "../../ui/field";
import { PageHeading } from "../../ui/page-heading";
import { Select } from "../../ui/select";
import { useDocumentTitle } from "../../ui/use-document-title";
import { useStaff } from "../staff-context";
import { ImportPreviewView } from "./import-preview";
import { ImportProgress } from "./import-progress";
import { importRunsQuery, repreviewImport, runImport, uploadImport } from "./imports-api";

type Step = { name: "upload" } | { name: "preview"; preview: ImportPreview } | { name: "run"; id: string };

/** `/app/imports`: CSV import of client files, persons and contracts (administrators only). */
export function ImportsPage() {
  const { t } = useTranslation();
  const staff = useStaff();
  useDocumentTitle(t("imports.title"));
  const [step, setStep] = useState<Step>({ name: "upload" });

  if (staff.staffRole !== "admin") {
    return (
      <div className="flex flex-col gap-6">
        <PageHeading>{t("imports.title")}</PageHeading>
        <Alert tone="info">{t("imports.adminsOnly")}</Alert>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <PageHeading>{t("imports.title")}</PageHeading>
          <p className="mt-1 max-w-3xl text-slate-700">{t("imports.intro")}</p>
        </div>
        {step.name !== "upload" ? (
          <Button variant="secondary" onClick={() => setStep({ name: "upload" })}>
            {t("imports.newImport")}
          </Button>
        ) : null}
      </div>
      {step.name === "upload" ? (
        <UploadStep onPreview={(preview) => setStep({ name: "preview", preview })} />
      ) : null}
      {step.name === "preview" ? (
        <PreviewStep
          preview={step.preview}
          onPreview={(preview) => setStep({ name: "preview", preview })}
          onStarted={(id) => setStep({ name: "run", id })}
        />
      ) : null}
      {step.name === "run" ? <ImportProgress id={step.id} /> : null}
      <RecentImports onOpen={(id) => setStep({ name: "run", id })} />
    </div>
  );
}

function UploadStep({ onPreview }: { onPreview: (preview: ImportPreview) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>("client_files");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (input: { file: File; kind: ImportKind; options: ImportOptions }) =>
      uploadImport(input.file, input.kind, input.options),
    onSuccess: (preview) => {
      void queryClient.invalidateQueries({ queryKey: ["imports"], exact: true });
      onPreview(preview);
    },
  });
  const fieldErrors = upload.error instanceof ApiError ? upload.error.fieldErrors : [];
  return (
    <Card>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) {
            setFileError(t("imports.upload.fileRequired"));
            return;
          }
          upload.mutate({ file, kind, options: {} });
        }}
      >
        <h2 className="text-lg font-semibold text-slate-900">{t("imports.upload.heading")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            label={t("imports.upload.kind")}
            value={kind}
            onChange={(event) => setKind(event.target.value as ImportKind)}
            hint={t(`imports.kindHint.${kind}`)}
          >
            {importKinds.map((k) => (
              <option key={k} value={k}>
                {t(`imports.kind.${k}`)}
              </option>
            ))}
          </Select>
          <Field
            label={t("imports.upload.file")}
            hint={t("imports.upload.fileHint")}
            error={fileError ?? fieldErrors.find((f) => f.field === "body")?.message}
          >
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".csv,.txt,text/csv"
                className={controlClass}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setFileError(undefined);
                  upload.reset();
                }}
              />
            )}
          </Field>
        </div>
        {upload.isError && fieldErrors.length === 0 ? <Alert>{errorMessage(upload.error)}</Alert> : null}
        <Button type="submit" className="self-start" busy={upload.isPending}>
          {t("imports.upload.submit")}
        </Button>
      </form>
    </Card>
  );
}

function PreviewStep({
  preview,
  onPreview,
  onStarted,
}: {
  preview: ImportPreview;
  onPreview: (preview: ImportPreview) => void;
  onStarted: (id: string) => void;
}) {
  const queryClient = useQueryClient();
  const again = useMutation({
    mutationFn: (options: ImportOptions) => repreviewImport(preview.id, options),
    onSuccess: onPreview,
  });
  const run = useMutation({
    mutationFn: () => runImport(preview.id),
    onSuccess: (started) => {
      void queryClient.invalidateQueries({ queryKey: ["imports"] });
      onStarted(started.id);
    },
  });
  const error = again.error ?? run.error;
  return (
    <div className="flex flex-col gap-4">
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      <ImportPreviewView
        key={`${preview.id}:${JSON.stringify(preview.options)}`}
        preview={preview}
        onRepreview={(options) => again.mutate(options)}
        repreviewing={again.isPending}
        onRun={() => run.mutate()}
        running={run.isPending}
      />
    </div>
  );
}

function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const runs = useQuery(importRunsQuery);
  if (!runs.data || runs.data.length === 0) return null;
  const format = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold text-slate-900">{t("imports.recent.heading")}</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("imports.recent.file")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("imports.upload.kind")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("imports.recent.status")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("imports.recent.when")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("imports.recent.result")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {runs.data.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2">
                  <button
                    type="button"
                    className="text-left font-medium text-brand-800 underline-offset-2 hover:underline"
                    onClick={() => onOpen(r.id)}
                  >
                    {r.fileName}
                  </button>
                </td>
                <td className="px-3 py-2">{t(`imports.kind.${r.kind}`)}</td>
                <td className="px-3 py-2">{t(`imports.status.${r.status}`)}</td>
                <td className="whitespace-nowrap px-3 py-2">{format.format(new Date(r.createdAt))}</td>
                <td className="px-3 py-2 text-slate-700">
                  {/* A run only previewed has changed nothing yet: no counts to show. */}
                  {r.status === "previewed"
                    ? t("imports.progress.previewed")
                    : t("imports.recent.counts", {
                        created: r.createdRows,
                        updated: r.updatedRows,
                        unchanged: r.unchangedRows,
                        errors: r.errorRows,
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
