import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSummary } from "../../../contracts/documents";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Badge, Card } from "../../ui/card";
import { cn } from "../../ui/cn";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { ExplainButton } from "../access/explain-dialog";
import { DocumentPanel } from "./document-panel";
import {
  documentKeys,
  formatDate,
  formatSize,
  useContractsForLinking,
  useDocuments,
  useShareToggle,
} from "./documents-api";
import { UploadPanel } from "./upload-panel";

type SharedFilter = "all" | "shared" | "notShared";

/** The Documents tab of a client file: list, filters, one-click sharing, upload, and the opened document. */
export function DocumentsTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useDocuments(clientFileId);
  const contracts = useContractsForLinking(clientFileId).data ?? [];
  const [uploading, setUploading] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [categoryFilter, setCategoryFilter] = useState("");
  const [sharedFilter, setSharedFilter] = useState<SharedFilter>("all");
  const [notice, setNotice] = useState<string>();

  if (query.isPending) return <Loading />;
  if (query.isError)
    return <LoadError error={query.error} onRetry={() => void query.refetch()} heading="h2" />;
  const { items, categories } = query.data;
  const shown = items.filter(
    (d) =>
      (!categoryFilter || d.category.id === categoryFilter) &&
      (sharedFilter === "all" || d.sharedToPortal === (sharedFilter === "shared")),
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-xl font-semibold text-slate-900">{t("documents.heading")}</h2>
        {!uploading ? <Button onClick={() => setUploading(true)}>{t("documents.upload.open")}</Button> : null}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {uploading ? (
        <UploadPanel
          fileId={clientFileId}
          categories={categories}
          contracts={contracts}
          onClose={() => setUploading(false)}
          onDone={(detail) => {
            setUploading(false);
            setNotice(t("documents.upload.done", { title: detail.title }));
            client.setQueryData(documentKeys.one(clientFileId, detail.id), detail);
            void client.invalidateQueries({ queryKey: documentKeys.list(clientFileId), exact: true });
          }}
        />
      ) : null}

      {items.length > 0 ? (
        <fieldset className="flex flex-wrap items-end gap-4">
          <legend className="sr-only">{t("documents.filters.legend")}</legend>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            {t("documents.fields.category")}
            <select
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
              value={categoryFilter}
              onChange={(event) => setCategoryFilter(event.target.value)}
            >
              <option value="">{t("documents.filters.allCategories")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            {t("documents.filters.portal")}
            <select
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
              value={sharedFilter}
              onChange={(event) => setSharedFilter(event.target.value as SharedFilter)}
            >
              <option value="all">{t("documents.filters.all")}</option>
              <option value="shared">{t("documents.filters.shared")}</option>
              <option value="notShared">{t("documents.filters.notShared")}</option>
            </select>
          </label>
        </fieldset>
      ) : null}

      {items.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-700">{t("documents.empty")}</p>
        </Card>
      ) : shown.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-700">{t("documents.noMatch")}</p>
        </Card>
      ) : (
        <DocumentTable fileId={clientFileId} items={shown} openId={openId} onOpen={setOpenId} />
      )}

      {openId && items.some((d) => d.id === openId) ? (
        <DocumentPanel
          key={openId}
          fileId={clientFileId}
          id={openId}
          categories={categories}
          contracts={contracts}
          onClose={() => setOpenId(null)}
        />
      ) : null}
    </div>
  );
}

function DocumentTable({
  fileId,
  items,
  openId,
  onOpen,
}: {
  fileId: string;
  items: DocumentSummary[];
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const share = useShareToggle(fileId);
  const [shareError, setShareError] = useState<string>();
  const toggle = (doc: DocumentSummary) => {
    setShareError(undefined);
    share.mutate(
      { id: doc.id, shared: !doc.sharedToPortal },
      {
        onError: (error) =>
          setShareError(t("documents.share.failed", { title: doc.title, reason: errorMessage(error) })),
      },
    );
  };
  return (
    <Card className="overflow-x-auto p-0 sm:p-0">
      {shareError ? <Alert className="m-4">{shareError}</Alert> : null}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("documents.heading")}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {[
              t("documents.fields.title"),
              t("documents.fields.category"),
              t("documents.list.date"),
              t("documents.list.size"),
              t("documents.list.version"),
              t("documents.list.portal"),
            ].map((header) => (
              <th key={header} scope="col" className="px-4 py-3 font-medium">
                {header}
              </th>
            ))}
            {/* `relative` keeps the hidden label inside the scrolling table, not widening the page. */}
            <th scope="col" className="relative px-2 py-3">
              <span className="sr-only">{t("access.explain.column")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((doc) => (
            <tr key={doc.id} className={cn(doc.id === openId && "bg-brand-50")}>
              <td className="px-4 py-3">
                <button
                  type="button"
                  className="text-left font-medium text-brand-700 underline-offset-2 hover:underline"
                  aria-expanded={doc.id === openId}
                  onClick={() => onOpen(doc.id)}
                >
                  {doc.title}
                </button>
                <span className="block break-all text-slate-600">{doc.fileName}</span>
              </td>
              <td className="px-4 py-3">{doc.category.name}</td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDate(doc.documentDate ?? doc.createdAt)}</td>
              <td className="px-4 py-3 whitespace-nowrap">{formatSize(doc.sizeBytes)}</td>
              <td className="px-4 py-3 tabular-nums">v{doc.currentVersion}</td>
              <td className="px-4 py-3">
                <ShareSwitch doc={doc} onToggle={() => toggle(doc)} />
              </td>
              <td className="px-2 py-2 text-right">
                <ExplainButton fileId={fileId} kind="document" recordId={doc.id} name={doc.title} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** A real switch (role="switch") with the shared badge beside it; one click shares or unshares. */
function ShareSwitch({ doc, onToggle }: { doc: DocumentSummary; onToggle: () => void }) {
  const { t } = useTranslation();
  const on = doc.sharedToPortal;
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={t("documents.share.label", { title: doc.title })}
        onClick={onToggle}
        className={cn(
          "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors motion-reduce:transition-none",
          on ? "bg-brand-700" : "bg-slate-300",
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            "inline-block size-5 rounded-full bg-white shadow transition-transform motion-reduce:transition-none",
            on ? "translate-x-5" : "translate-x-0.5",
          )}
        />
      </button>
      {on ? <Badge className="bg-emerald-50 text-emerald-800">{t("documents.share.shared")}</Badge> : null}
    </span>
  );
}
