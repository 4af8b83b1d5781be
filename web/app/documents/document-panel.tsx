import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentCategory, DocumentDetail } from "../../../contracts/documents";
import type { Contract } from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { QueryView } from "../../ui/query-view";
import { ConfirmationPanel } from "./confirmation-panel";
import { DocumentDetailsForm } from "./document-details-form";
import { DocumentVersions, NewDocumentVersion } from "./document-versions";
import { downloadUrl, useDeleteDocument, useDocument } from "./documents-api";

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

  return (
    <QueryView query={query}>
      {(doc) => (
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
          <DocumentDetailsForm fileId={fileId} doc={doc} categories={categories} contracts={contracts} />
          <DocumentVersions fileId={fileId} doc={doc} />
          <NewDocumentVersion fileId={fileId} doc={doc} />
          <ConfirmationPanel fileId={fileId} doc={doc} />
          <DeleteDocument fileId={fileId} doc={doc} onDeleted={onClose} />
        </Card>
      )}
    </QueryView>
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
