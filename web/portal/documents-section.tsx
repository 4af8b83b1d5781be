import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalDocument } from "../../contracts/portal";
import { useUiLanguage } from "../i18n/use-ui-language";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { QueryView } from "../ui/query-view";
import { useMarkDocumentsRead } from "./document-reads";
import { usePortalFile } from "./file-context";
import { fileBase, usePortalList } from "./portal-api";
import { portalBlob } from "./portal-fetch";
import { usePortalFormat } from "./portal-format";
import { Details, EmptyNote, ItemCard, ItemList, SectionHeader, Tag } from "./portal-ui";

/** Which documents the mailbox shows. */
type MailboxFilter = "all" | "unread";

/**
 * Shared documents (PORTAL-4), newest first, as a mailbox: new ones (not yet opened in their current
 * version) carry a badge, can be shown alone and marked as read without opening; open in the browser
 * when it can show them, or download.
 */
export function DocumentsSection() {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const language = useUiLanguage();
  const { firmId, fileId, preview } = usePortalFile();
  const list = usePortalList(firmId, fileId, "documents");
  const markRead = useMarkDocumentsRead(firmId, fileId);
  const [filter, setFilter] = useState<MailboxFilter>("all");
  // Read during this visit: they stay in the "new" list (without their badge) so nothing jumps away.
  const [readNow, setReadNow] = useState<ReadonlySet<string>>(new Set());
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? new Intl.NumberFormat(language, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(
          Math.max(1, bytes / 1024),
        )
      : new Intl.NumberFormat(language, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(
          bytes / (1024 * 1024),
        );
  const markAsRead = (ids: string[], documentId?: string) => {
    if (preview || ids.length === 0) return;
    setReadNow((before) => new Set([...before, ...ids]));
    markRead.mutate(documentId);
  };

  return (
    <>
      <SectionHeader title={t("portal.sections.documents")} intro={t("portal.documents.intro")} />
      <QueryView query={list}>
        {(data) => {
          const unread = data.documents.filter((doc) => doc.unread);
          const shown =
            filter === "unread"
              ? data.documents.filter((doc) => doc.unread || readNow.has(doc.id))
              : data.documents;
          if (data.documents.length === 0) return <EmptyNote>{t("portal.documents.empty")}</EmptyNote>;
          return (
            <>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <FilterButtons
                  value={filter}
                  onChange={setFilter}
                  counts={{ all: data.documents.length, unread: unread.length }}
                />
                {unread.length > 0 && !preview ? (
                  <Button
                    variant="ghost"
                    data-testid="documents-mark-all-read"
                    onClick={() => markAsRead(unread.map((doc) => doc.id))}
                  >
                    {t("portal.documents.markAllRead")}
                  </Button>
                ) : null}
              </div>
              {markRead.isError ? <Alert>{errorMessage(markRead.error)}</Alert> : null}
              {shown.length === 0 ? (
                <EmptyNote>{t("portal.documents.noUnread")}</EmptyNote>
              ) : (
                <ItemList label={t("portal.sections.documents")}>
                  {shown.map((doc) => (
                    <ItemCard
                      key={doc.id}
                      overline={doc.category.name}
                      title={doc.title}
                      badge={
                        doc.unread ? (
                          <span data-testid="document-unread-badge">
                            <Tag tone="brand">{t("portal.documents.new")}</Tag>
                          </span>
                        ) : null
                      }
                      actions={
                        <>
                          <DocumentActions
                            doc={doc}
                            url={`${fileBase(firmId, fileId)}/documents/${doc.id}/download`}
                            onOpened={() => (doc.unread ? markAsRead([doc.id], doc.id) : undefined)}
                          />
                          {doc.unread && !preview ? (
                            <Button
                              variant="ghost"
                              aria-label={t("portal.documents.markReadItem", { title: doc.title })}
                              onClick={() => markAsRead([doc.id], doc.id)}
                            >
                              {t("portal.documents.markRead")}
                            </Button>
                          ) : null}
                        </>
                      }
                    >
                      <Details
                        items={[
                          [
                            t("portal.documents.date"),
                            format.date(doc.documentDate ?? doc.createdAt.slice(0, 10)),
                          ],
                          [t("portal.documents.file"), `${doc.fileName} (${size(doc.sizeBytes)})`],
                          [
                            t("portal.documents.version"),
                            doc.version > 1
                              ? t("portal.documents.versionNumber", { version: doc.version })
                              : null,
                          ],
                        ]}
                      />
                    </ItemCard>
                  ))}
                </ItemList>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}

/** "All" and "New only", as two pressed/unpressed buttons with their counts. */
function FilterButtons({
  value,
  onChange,
  counts,
}: {
  value: MailboxFilter;
  onChange: (next: MailboxFilter) => void;
  counts: Record<MailboxFilter, number>;
}) {
  const { t } = useTranslation();
  const options: Array<[MailboxFilter, string]> = [
    ["all", t("portal.documents.filterAll", { count: counts.all })],
    ["unread", t("portal.documents.filterUnread", { count: counts.unread })],
  ];
  return (
    <fieldset className="flex flex-wrap gap-2">
      <legend className="sr-only">{t("portal.documents.filterLabel")}</legend>
      {options.map(([option, label]) => (
        <button
          key={option}
          type="button"
          aria-pressed={value === option}
          data-testid={`documents-filter-${option}`}
          onClick={() => onChange(option)}
          className={cn(
            "inline-flex min-h-11 items-center rounded-full border px-4 text-base font-medium",
            value === option
              ? "border-brand-700 bg-brand-700 text-white"
              : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
          )}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
}

/**
 * "Open" (PDFs and images, shown by the browser in a new tab) and "Download". Plain links normally; in
 * a staff preview the file is fetched with the preview header first, since a link cannot send it.
 */
function DocumentActions({
  doc,
  url,
  onOpened,
}: {
  doc: PortalDocument;
  url: string;
  /** Called as the account opens or downloads it (the mailbox marks it read). */
  onOpened: () => void;
}) {
  const { t } = useTranslation();
  const { preview } = usePortalFile();
  const [busy, setBusy] = useState<"open" | "download" | null>(null);
  const [failure, setFailure] = useState<string>();
  const inlineUrl = `${url}?inline=1`;

  const viaBlob = async (kind: "open" | "download") => {
    setBusy(kind);
    setFailure(undefined);
    try {
      const blob = await portalBlob(kind === "open" ? inlineUrl : url);
      const objectUrl = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = objectUrl;
      if (kind === "open") {
        link.target = "_blank";
        link.rel = "noopener";
      } else link.download = doc.fileName;
      link.click();
      // The new tab or the download has the bytes by then.
      window.setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  // The visible words come first in the spoken names, which add the document and the new tab.
  const openLabel = t("portal.documents.open");
  const openName = t("portal.documents.openItem", { title: doc.title });
  const downloadLabel = t("portal.documents.download");
  const downloadName = t("portal.documents.downloadItem", { title: doc.title });

  if (preview)
    return (
      <>
        {doc.previewable ? (
          <Button
            variant="secondary"
            aria-label={openName}
            busy={busy === "open"}
            onClick={() => void viaBlob("open")}
          >
            {openLabel}
          </Button>
        ) : null}
        <Button
          variant="secondary"
          aria-label={downloadName}
          busy={busy === "download"}
          onClick={() => void viaBlob("download")}
        >
          {downloadLabel}
        </Button>
        {failure ? <Alert className="w-full">{failure}</Alert> : null}
      </>
    );
  return (
    <>
      {doc.previewable ? (
        <Button asChild variant="secondary">
          <a
            href={inlineUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={openName}
            data-testid="document-open"
            onClick={onOpened}
          >
            {openLabel}
          </a>
        </Button>
      ) : null}
      <Button asChild variant="secondary">
        <a href={url} download={doc.fileName} aria-label={downloadName} onClick={onOpened}>
          {downloadLabel}
        </a>
      </Button>
    </>
  );
}
