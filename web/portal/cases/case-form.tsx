import { zodResolver } from "@hookform/resolvers/zod";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from "react";
import {
  type DefaultValues,
  type FieldValues,
  type FieldError as FormFieldError,
  get,
  type Path,
  useForm,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { CaseKind, CreatePortalCase } from "../../../contracts/cases";
import type { Language } from "../../../contracts/common";
import { AttachmentPicker } from "../../app/inbox/attachment-picker";
import { useUiLanguage } from "../../i18n/use-ui-language";
import { Alert } from "../../ui/alert";
import { ApiError } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { applyApiError, fieldErrorText } from "../../ui/form";
import { usePortalFile } from "../file-context";
import { useCreateCase } from "./cases-api";

// What every "new case" form shares: react-hook-form with a schema whose messages are catalog keys,
// the files beside it, the server's field errors on their fields (`details.dateOfLoss`, `files`, …),
// and a draft kept for the tab, so what was typed survives a failed send, a reload or a new sign-in.

function draftKey(fileId: string, kind: CaseKind): string {
  return `atrium.caseDraft.${fileId}.${kind}`;
}

function readDraft<F>(key: string): Partial<F> | undefined {
  try {
    const raw = window.sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Partial<F>) : undefined;
  } catch {
    return undefined;
  }
}

/** The server's message for the files, if it named them. */
function filesErrorOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldErrors.find((f) => f.field === "files" || f.field.startsWith("files."))?.message;
}

/**
 * The state of a form that creates a case of `kind`. `fields` are the form's paths as the API names
 * them, so a server message lands under its field. On success the case opens with its confirmation.
 */
export function useCaseForm<F extends FieldValues>({
  kind,
  schema: schemaFor,
  defaultValues,
  fields,
  toData,
  filesRequired = false,
}: {
  kind: CaseKind;
  schema: (language: Language) => z.ZodType<F, F>;
  defaultValues: DefaultValues<NoInfer<F>>;
  fields: readonly Path<F>[];
  toData: (values: F, language: Language) => CreatePortalCase;
  filesRequired?: boolean;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const { firmId, fileId } = usePortalFile();
  const create = useCreateCase(firmId, fileId);
  const key = draftKey(fileId, kind);
  const schema = useMemo(() => schemaFor(language), [schemaFor, language]);
  const form = useForm<F, unknown, F>({
    resolver: zodResolver(schema),
    defaultValues: { ...defaultValues, ...readDraft<F>(key) } as DefaultValues<F>,
  });
  const [files, setFiles] = useState<File[]>([]);
  const [filesError, setFilesError] = useState<string>();
  const [alert, setAlert] = useState<string>();
  const [progress, setProgress] = useState<number>();

  // Every change is kept for the tab until the case is sent.
  useEffect(() => {
    const subscription = form.watch((values) => {
      try {
        window.sessionStorage.setItem(key, JSON.stringify(values));
      } catch {
        // Storage may be off or full: the form still works, only a reload would lose the text.
      }
    });
    return () => subscription.unsubscribe();
  }, [form, key]);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setAlert(undefined);
      setFilesError(undefined);
      if (filesRequired && files.length === 0) {
        setFilesError(t("cases.form.filesRequired"));
        return;
      }
      setProgress(files.length > 0 ? 0 : undefined);
      try {
        const created = await create.mutateAsync({
          data: toData(values, language),
          files,
          onProgress: setProgress,
        });
        try {
          window.sessionStorage.removeItem(key);
        } catch {
          // See above.
        }
        await navigate({
          to: "/portal/$firmId/$fileId/cases/$caseId",
          params: { firmId, fileId, caseId: created.id },
          search: { sent: kind },
        });
      } catch (error) {
        const onFiles = filesErrorOf(error);
        setFilesError(onFiles);
        const rest = applyApiError(error, form.setError, fields);
        // A message placed on the files is not repeated in the alert.
        setAlert(onFiles && error instanceof ApiError && error.fieldErrors.length > 0 ? undefined : rest);
      } finally {
        setProgress(undefined);
      }
    },
    () => {
      if (filesRequired && files.length === 0) setFilesError(t("cases.form.filesRequired"));
    },
  );

  const error = (name: Path<F>) =>
    fieldErrorText(t, get(form.formState.errors, name) as FormFieldError | undefined);
  return {
    form,
    error,
    field: (name: Path<F>) => ({ ...form.register(name), error: error(name) }),
    files: {
      files,
      onChange: (next: File[]) => {
        setFiles(next);
        setFilesError(undefined);
      },
      error: filesError,
      disabled: create.isPending,
    },
    shell: { onSubmit, alert, busy: create.isPending, progress },
  };
}

/** The files of a new case, wired to useCaseForm's state. */
export function CaseFiles(
  props: ReturnType<typeof useCaseForm>["files"] & { label?: string; hint?: string; camera?: boolean },
) {
  return <AttachmentPicker {...props} />;
}

/**
 * A new case's form: what it is for, the fields, and "Send" — large, the full width of a phone — with
 * the upload's progress while files travel; "Cancel" goes back to the list.
 */
export function CaseFormShell({
  intro,
  onSubmit,
  alert,
  busy,
  progress,
  children,
}: {
  intro: ReactNode;
  onSubmit: (event?: FormEvent) => Promise<void>;
  alert: string | undefined;
  busy: boolean;
  progress: number | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { firmId, fileId } = usePortalFile();
  return (
    <Card className="flex flex-col gap-5">
      <p className="text-base text-slate-700">{intro}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-5 text-base">
        {alert ? <Alert>{alert}</Alert> : null}
        {children}
        {progress !== undefined ? (
          <div className="flex flex-col gap-1" role="status">
            <progress max={1} value={progress} className="h-2 w-full accent-brand-700" />
            <span className="text-sm text-slate-700">
              {t("cases.form.uploading", { percent: Math.round(progress * 100) })}
            </span>
          </div>
        ) : null}
        <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
          <Button asChild variant="secondary" className="min-h-12 text-base">
            <Link to="/portal/$firmId/$fileId/cases" params={{ firmId, fileId }}>
              {t("cases.form.cancel")}
            </Link>
          </Button>
          <Button type="submit" busy={busy} className="min-h-12 text-base">
            {busy ? t("cases.form.sending") : t("cases.form.send")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
