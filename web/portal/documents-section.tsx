import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalDocument } from "../../contracts/portal";
import { useUiLanguage } from "../i18n/use-ui-language";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { QueryView } from "../ui/query-view";
import { usePortalFile } from "./file-context";
import { fileBase, usePortalList } from "./portal-api";
import { portalBlob } from "./portal-fetch";
import { usePortalFormat } from "./portal-format";
import { Details, EmptyNote, ItemCard, ItemList, SectionHeader } from "./portal-ui";

/** Shared documents (PORTAL-4), newest first: open in the browser when it can show them, or download. */
export function DocumentsSection() {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const language = useUiLanguage();
  const { firmId, fileId } = usePortalFile();
  const list = usePortalList(firmId, fileId, "documents");
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? new Intl.NumberFormat(language, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(
          Math.max(1, bytes / 1024),
        )
      : new Intl.NumberFormat(language, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(
          bytes / (1024 * 1024),
        );

  return (
    <>
      <SectionHeader title={t("portal.sections.documents")} />
      <QueryView query={list}>
        {(data) =>
          data.documents.length === 0 ? (
            <EmptyNote>{t("portal.documents.empty")}</EmptyNote>
          ) : (
            <ItemList label={t("portal.sections.documents")}>
              {data.documents.map((doc) => (
                <ItemCard
                  key={doc.id}
                  overline={doc.category.name}
                  title={doc.title}
                  actions={
                    <DocumentActions
                      doc={doc}
                      url={`${fileBase(firmId, fileId)}/documents/${doc.id}/download`}
                    />
                  }
                >
                  <Details
                    items={[
                      [
                        t("portal.documents.date"),
                        format.date(doc.documentDate ?? doc.createdAt.slice(0, 10)),
                      ],
                      [t("portal.documents.file"), `${doc.fileName} (${size(doc.sizeBytes)})`],
                    ]}
                  />
                </ItemCard>
              ))}
            </ItemList>
          )
        }
      </QueryView>
    </>
  );
}

/**
 * "Open" (PDFs and images, shown by the browser in a new tab) and "Download". Plain links normally; in
 * a staff preview the file is fetched with the preview header first, since a link cannot send it.
 */
function DocumentActions({ doc, url }: { doc: PortalDocument; url: string }) {
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
          <a href={inlineUrl} target="_blank" rel="noopener noreferrer" aria-label={openName}>
            {openLabel}
          </a>
        </Button>
      ) : null}
      <Button asChild variant="secondary">
        <a href={url} download={doc.fileName} aria-label={downloadName}>
          {downloadLabel}
        </a>
      </Button>
    </>
  );
}
