import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentDetail, DocumentVersion } from "../../../contracts/documents";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { documentKeys, downloadUrl, formatDate, formatSize, sendUpload } from "./documents-api";
import { DropZone, splitUploadError, UploadProgress } from "./upload-panel";

/** Every version, newest first, with its SHA-256 shortened and copyable. */
export function DocumentVersions({ fileId, doc }: { fileId: string; doc: DocumentDetail }) {
  const { t } = useTranslation();
  return (
    <section className="flex flex-col gap-2">
      <h4 className="text-base font-semibold text-slate-900">{t("documents.versions.heading")}</h4>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              {[
                t("documents.versions.version"),
                t("documents.versions.file"),
                t("documents.versions.uploaded"),
                // The name of the hash function, the same in every language.
                "SHA-256",
              ].map((header) => (
                <th key={header} scope="col" className="py-2 pr-3 font-medium">
                  {header}
                </th>
              ))}
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
export function NewDocumentVersion({ fileId, doc }: { fileId: string; doc: DocumentDetail }) {
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

/** After a new version: the detail shows it at once and the list refreshes. */
function useRefreshDocument(fileId: string, id: string) {
  const client = useQueryClient();
  return (detail: DocumentDetail) => {
    client.setQueryData(documentKeys.one(fileId, id), detail);
    void client.invalidateQueries({ queryKey: documentKeys.list(fileId), exact: true });
  };
}
