import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentCategory, DocumentDetail, DocumentVersion } from "../../../contracts/documents";
import type { Contract } from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import {
  documentKeys,
  downloadUrl,
  formatDate,
  formatSize,
  sendUpload,
  useDeleteDocument,
  useDocument,
  useUpdateDocument,
} from "./documents-api";
import { contractLabel, DropZone, splitUploadError, UploadProgress } from "./upload-panel";

/** One opened document: preview, details to edit, versions with SHA-256, new version, delete. */
export function DocumentPanel({
  fileId,
  id,
  categories,
  contracts,
  onClose,
}: {
  fileId: string;
  id: string;
  categories: DocumentCategory[];
  contracts: Contract[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const query = useDocument(fileId, id);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a document moves the focus to it, so keyboard and screen reader users land where it shows.
  const loadedId = query.data?.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  if (query.isPending) return <Loading />;
  if (query.isError)
    return <LoadError error={query.error} onRetry={() => void query.refetch()} heading="h2" />;
  const doc = query.data;
  return (
    <Card className="flex flex-col gap-6" aria-labelledby={`document-${doc.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h3
          id={`document-${doc.id}`}
          ref={heading}
          tabIndex={-1}
          className="text-lg font-semibold text-slate-900"
        >
          {doc.title}
        </h3>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="secondary" size="sm">
            <a href={downloadUrl(fileId, doc.id)} download>
              {t("documents.actions.download")}
            </a>
          </Button>
          <Button variant="ghost" size="sm" onClick={onClose}>
            {t("documents.actions.close")}
          </Button>
        </div>
      </div>
      {doc.previewable ? <Preview fileId={fileId} doc={doc} /> : null}
      <EditForm fileId={fileId} doc={doc} categories={categories} contracts={contracts} />
      <Versions fileId={fileId} doc={doc} />
      <NewVersion fileId={fileId} doc={doc} />
      <DeleteDocument fileId={fileId} doc={doc} onDeleted={onClose} />
    </Card>
  );
}

/** PDF or image shown from the inline URL in a frame with every sandbox restriction. */
function Preview({ fileId, doc }: { fileId: string; doc: DocumentDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const url = downloadUrl(fileId, doc.id, { version: doc.currentVersion, inline: true });
  return (
    <section className="flex flex-col gap-2" aria-label={t("documents.preview.label")}>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {open ? t("documents.preview.hide") : t("documents.preview.show")}
        </Button>
        <Button asChild variant="ghost" size="sm">
          <a href={url} target="_blank" rel="noopener noreferrer">
            {t("documents.preview.newTab")}
          </a>
        </Button>
      </div>
      {open ? (
        <iframe
          src={url}
          title={t("documents.preview.frameTitle", { title: doc.title })}
          // The answer carries its own CSP sandbox; Chromium's PDF viewer refuses a sandboxed frame, so
          // the attribute is added for images only.
          sandbox={doc.contentType === "application/pdf" ? undefined : ""}
          className="h-[70vh] min-h-80 w-full rounded-lg border border-slate-200 bg-slate-50"
        />
      ) : null}
    </section>
  );
}

/** Title, category, contract and date, saved together; server field errors land under their fields. */
function EditForm({
  fileId,
  doc,
  categories,
  contracts,
}: {
  fileId: string;
  doc: DocumentDetail;
  categories: DocumentCategory[];
  contracts: Contract[];
}) {
  const { t } = useTranslation();
  const update = useUpdateDocument(fileId, doc.id);
  const [title, setTitle] = useState(doc.title);
  const [categoryId, setCategoryId] = useState(doc.category.id);
  const [contractId, setContractId] = useState(doc.contractId ?? "");
  const [documentDate, setDocumentDate] = useState(doc.documentDate ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const choosable = categories.filter((c) => c.active || c.id === doc.category.id);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(undefined);
    try {
      await update.mutateAsync({
        title,
        categoryId,
        contractId: contractId || null,
        documentDate: documentDate || null,
      });
      setMessage({ tone: "success", text: t("documents.edit.saved") });
    } catch (cause) {
      const fields = cause instanceof ApiError ? cause.fieldErrors : [];
      if (fields.length > 0) setErrors(Object.fromEntries(fields.map((f) => [f.field, f.message])));
      else setMessage({ tone: "error", text: errorMessage(cause) });
    }
  };

  return (
    <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4 className="text-base font-semibold text-slate-900">{t("documents.edit.heading")}</h4>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t("documents.fields.title")}
          value={title}
          maxLength={200}
          error={errors.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <Select
          label={t("documents.fields.category")}
          value={categoryId}
          error={errors.categoryId}
          onChange={(event) => setCategoryId(event.target.value)}
        >
          {choosable.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        {contracts.length > 0 || doc.contractId ? (
          <Select
            label={t("documents.fields.contract")}
            value={contractId}
            error={errors.contractId}
            onChange={(event) => setContractId(event.target.value)}
          >
            <option value="">{t("documents.fields.noContract")}</option>
            {contracts.map((c) => (
              <option key={c.id} value={c.id}>
                {contractLabel(c)}
              </option>
            ))}
          </Select>
        ) : null}
        <TextField
          label={t("documents.fields.documentDate")}
          type="date"
          value={documentDate}
          error={errors.documentDate}
          onChange={(event) => setDocumentDate(event.target.value)}
        />
      </div>
      <Button type="submit" className="self-start" busy={update.isPending}>
        {t("documents.edit.save")}
      </Button>
    </form>
  );
}

/** Every version, newest first, with its SHA-256 shortened and copyable. */
function Versions({ fileId, doc }: { fileId: string; doc: DocumentDetail }) {
  const { t } = useTranslation();
  return (
    <section className="flex flex-col gap-2">
      <h4 className="text-base font-semibold text-slate-900">{t("documents.versions.heading")}</h4>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("documents.versions.version")}
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("documents.versions.file")}
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("documents.versions.uploaded")}
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                SHA-256
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">{t("documents.actions.download")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {doc.versions.map((v) => (
              <VersionRow key={v.version} fileId={fileId} documentId={doc.id} version={v} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function VersionRow({
  fileId,
  documentId,
  version: v,
}: {
  fileId: string;
  documentId: string;
  version: DocumentVersion;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(v.sha256);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <tr>
      <td className="py-2 pr-3 tabular-nums">{v.version}</td>
      <td className="py-2 pr-3">
        <span className="break-all">{v.fileName}</span>
        <span className="block text-slate-600">{formatSize(v.sizeBytes)}</span>
      </td>
      <td className="py-2 pr-3">
        {formatDate(v.uploadedAt)}
        <span className="block text-slate-600">{v.uploadedBy.name ?? "—"}</span>
      </td>
      <td className="py-2 pr-3">
        <span className="flex items-center gap-2">
          <code title={v.sha256} className="font-mono text-xs text-slate-800">
            {v.sha256.slice(0, 12)}…
          </code>
          <Button
            variant="ghost"
            size="sm"
            aria-label={t("documents.versions.copyHash", { version: v.version })}
            onClick={() => void copy()}
          >
            {copied ? t("documents.versions.copied") : t("documents.versions.copy")}
          </Button>
        </span>
      </td>
      <td className="py-2">
        <a
          className="text-brand-700 underline hover:text-brand-800"
          href={downloadUrl(fileId, documentId, { version: v.version })}
          download
        >
          {t("documents.actions.downloadVersion", { version: v.version })}
        </a>
      </td>
    </tr>
  );
}

/** Uploads a new version; the earlier ones stay. */
function NewVersion({ fileId, doc }: { fileId: string; doc: DocumentDetail }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [alert, setAlert] = useState<string>();
  const abort = useRef<() => void>(() => {});
  const refreshed = useRefreshDocument(fileId, doc.id);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setAlert(undefined);
    if (!file) {
      setError(t("documents.upload.fileRequired"));
      return;
    }
    setProgress(0);
    const upload = sendUpload(fileId, file, { versionOf: doc.id, onProgress: setProgress });
    abort.current = upload.abort;
    try {
      refreshed(await upload.done);
      setFile(null);
    } catch (cause) {
      const split = splitUploadError(cause);
      setError(split.fields.file);
      setAlert(split.alert);
    } finally {
      setProgress(null);
    }
  };

  return (
    <form className="flex flex-col gap-3" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4 className="text-base font-semibold text-slate-900">{t("documents.versions.newHeading")}</h4>
      {alert ? <Alert>{alert}</Alert> : null}
      <DropZone file={file} onFile={setFile} error={error} disabled={progress !== null} />
      {progress !== null ? <UploadProgress fraction={progress} onCancel={() => abort.current()} /> : null}
      <Button type="submit" variant="secondary" className="self-start" busy={progress !== null}>
        {t("documents.versions.upload", { version: doc.currentVersion + 1 })}
      </Button>
    </form>
  );
}

/** Deleting asks once more in a native modal dialog (focus trapped, Escape cancels). */
function DeleteDocument({
  fileId,
  doc,
  onDeleted,
}: {
  fileId: string;
  doc: DocumentDetail;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const remove = useDeleteDocument(fileId);
  const [error, setError] = useState<string>();
  const confirm = async () => {
    setError(undefined);
    try {
      await remove.mutateAsync(doc.id);
      dialog.current?.close();
      onDeleted();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  return (
    <div className="border-t border-slate-200 pt-4">
      <Button variant="secondary" className="text-red-700" onClick={() => dialog.current?.showModal()}>
        {t("documents.delete.action")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`delete-${doc.id}`}
        className="m-auto w-[min(28rem,90vw)] rounded-xl border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h4 id={`delete-${doc.id}`} className="text-lg font-semibold text-slate-900">
          {t("documents.delete.heading")}
        </h4>
        <p className="mt-2 text-sm text-slate-700">
          {t("documents.delete.body", { title: doc.title, count: doc.versions.length })}
        </p>
        {error ? <Alert className="mt-3">{error}</Alert> : null}
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t("documents.delete.cancel")}
          </Button>
          <Button
            className="bg-red-700 hover:bg-red-800"
            busy={remove.isPending}
            onClick={() => void confirm()}
          >
            {t("documents.delete.confirm")}
          </Button>
        </div>
      </dialog>
    </div>
  );
}

/** After a new version: the detail shows it at once and the list refreshes. */
function useRefreshDocument(fileId: string, id: string) {
  const client = useQueryClient();
  return (detail: DocumentDetail) => {
    client.setQueryData(documentKeys.one(fileId, id), detail);
    void client.invalidateQueries({ queryKey: documentKeys.list(fileId), exact: true });
  };
}
