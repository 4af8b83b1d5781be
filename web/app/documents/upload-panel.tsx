import { type DragEvent, type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  acceptedDocumentTypes,
  type DocumentCategory,
  type DocumentDetail,
} from "../../../contracts/documents";
import type { Contract } from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { cn } from "../../ui/cn";
import { DocumentDetailsFields, type DocumentDetailsValues } from "./document-fields";
import { formatSize, sendUpload, titleFromFileName } from "./documents-api";

type FieldName = "file" | "title" | "categoryId" | "contractId" | "documentDate";

/** Props of the drop zone shared by the new-document and the new-version forms. */
interface DropZoneProps {
  file: File | null;
  onFile: (file: File) => void;
  error?: string;
  disabled?: boolean;
}

/** A file picker that also takes a file dropped onto it; keyboard users get the native picker. */
export function DropZone({ file, onFile, error, disabled }: DropZoneProps) {
  const { t } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };
  return (
    <div className="flex flex-col gap-1.5">
      <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("documents.upload.file")}
      </label>
      <fieldset
        aria-labelledby={`${id}-label`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center",
          over ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-slate-50",
          error && "border-red-600",
        )}
      >
        <p className="text-sm text-slate-700">
          {file ? (
            <>
              <span className="font-medium text-slate-900">{file.name}</span> · {formatSize(file.size)}
            </>
          ) : (
            t("documents.upload.dropHere")
          )}
        </p>
        <input
          id={id}
          type="file"
          accept={acceptedDocumentTypes}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
          disabled={disabled}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) onFile(chosen);
          }}
          className="block max-w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
        />
      </fieldset>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {t("documents.upload.hint")}
      </p>
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** An upload's progress, announced politely; the bar is the native, accessible <progress>. */
export function UploadProgress({ fraction, onCancel }: { fraction: number; onCancel: () => void }) {
  const { t } = useTranslation();
  const percent = Math.round(fraction * 100);
  return (
    <div className="flex items-center gap-3">
      <progress
        className="h-2 flex-1 accent-brand-700"
        max={100}
        value={percent}
        aria-label={t("documents.upload.progress")}
      >
        {percent} %
      </progress>
      <span role="status" className="w-12 text-right text-sm tabular-nums text-slate-700">
        {percent} %
      </span>
      <Button variant="ghost" size="sm" onClick={onCancel}>
        {t("documents.upload.cancel")}
      </Button>
    </div>
  );
}

/** Splits an upload error into field messages and a general alert. */
export function splitUploadError(error: unknown): {
  fields: Partial<Record<FieldName, string>>;
  alert?: string;
} {
  if (error instanceof ApiError && error.code === "aborted") return { fields: {} };
  if (error instanceof ApiError && error.code === "payload_too_large")
    return { fields: { file: error.message } };
  const fields: Partial<Record<FieldName, string>> = {};
  if (error instanceof ApiError) {
    for (const { field, message } of error.fieldErrors) {
      if (["file", "title", "categoryId", "contractId", "documentDate"].includes(field)) {
        fields[field as FieldName] ??= message;
      }
    }
    if (Object.keys(fields).length > 0) return { fields };
  }
  return { fields, alert: errorMessage(error) };
}

/** The new-document form: file (dropped or picked), title from the file name, category, contract, date, share. */
export function UploadPanel({
  fileId,
  categories,
  contracts,
  onDone,
  onClose,
}: {
  fileId: string;
  categories: DocumentCategory[];
  contracts: Contract[];
  onDone: (detail: DocumentDetail) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const active = categories.filter((c) => c.active);
  const [file, setFile] = useState<File | null>(null);
  const [details, setDetails] = useState<DocumentDetailsValues>({
    title: "",
    categoryId: active.find((c) => c.key === "other")?.id ?? active[0]?.id ?? "",
    contractId: "",
    documentDate: "",
  });
  const [titleTouched, setTitleTouched] = useState(false);
  const [shared, setShared] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [alert, setAlert] = useState<string>();
  const abort = useRef<() => void>(() => {});

  const setDetail = (name: keyof DocumentDetailsValues, value: string) =>
    setDetails((current) => ({ ...current, [name]: value }));
  const chooseFile = (chosen: File) => {
    setFile(chosen);
    setErrors((e) => ({ ...e, file: undefined }));
    if (!titleTouched || !details.title) setDetail("title", titleFromFileName(chosen.name));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<FieldName, string>> = {};
    if (!file) missing.file = t("documents.upload.fileRequired");
    if (!details.title.trim()) missing.title = t("documents.upload.titleRequired");
    setErrors(missing);
    setAlert(undefined);
    if (!file || Object.keys(missing).length > 0) return;
    setProgress(0);
    const upload = sendUpload(fileId, file, {
      fields: { ...details, title: details.title.trim(), sharedToPortal: shared },
      onProgress: setProgress,
    });
    abort.current = upload.abort;
    try {
      onDone(await upload.done);
    } catch (cause) {
      const split = splitUploadError(cause);
      setErrors(split.fields);
      setAlert(split.alert);
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <Card className="flex flex-col gap-4">
      <h3 className="text-lg font-semibold text-slate-900">{t("documents.upload.heading")}</h3>
      {alert ? <Alert>{alert}</Alert> : null}
      <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void onSubmit(event)}>
        <DropZone file={file} onFile={chooseFile} error={errors.file} disabled={busy} />
        <DocumentDetailsFields
          values={details}
          onChange={(name, value) => {
            setDetail(name, value);
            if (name === "title") setTitleTouched(true);
          }}
          errors={errors}
          categories={active}
          contracts={contracts}
          showContract={contracts.length > 0}
          disabled={busy}
          titleRequired
        />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="size-4 accent-brand-700"
            checked={shared}
            disabled={busy}
            onChange={(event) => setShared(event.target.checked)}
          />
          {t("documents.fields.shareNow")}
        </label>
        {busy ? <UploadProgress fraction={progress} onCancel={() => abort.current()} /> : null}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={busy}>
            {t("documents.upload.submit")}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={onClose}>
            {t("documents.upload.close")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
