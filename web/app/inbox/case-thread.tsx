import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseAttachment, CaseMessage } from "../../../contracts/cases";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { cn } from "../../ui/cn";
import { fileSize, formatMoment } from "./case-send";

/** How an attachment is reached: its URL, and a fetcher for where a plain link cannot be used (preview). */
export interface AttachmentAccess {
  url: (attachment: CaseAttachment) => string;
  /** When set, opening and downloading go through it instead of a link (it sends extra headers). */
  fetchBlob?: (url: string) => Promise<Blob>;
}

/**
 * A case's messages, oldest first, as a conversation: the viewer's own on one side, the other party's
 * on the other, each with its author, time and attachments.
 */
export function CaseThread({
  messages,
  attachments,
  label,
}: {
  messages: readonly CaseMessage[];
  attachments: AttachmentAccess;
  label: string;
}) {
  const { t } = useTranslation();
  if (messages.length === 0) return <p className="text-base text-slate-700">{t("cases.thread.empty")}</p>;
  return (
    <ol aria-label={label} className="flex flex-col gap-4" data-testid="case-thread">
      {messages.map((message) => (
        <li
          key={message.id}
          className={cn(
            "flex flex-col",
            message.own ? "items-end pl-6 sm:pl-16" : "items-start pr-6 sm:pr-16",
          )}
        >
          <article
            aria-label={t("cases.thread.messageFrom", { name: message.authorName })}
            className={cn(
              "w-full max-w-full rounded-xl border px-4 py-3 shadow-sm sm:w-auto sm:min-w-72",
              message.own ? "border-brand-100 bg-brand-50" : "border-slate-200 bg-white",
            )}
          >
            <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm text-slate-700">
              <span className="font-semibold text-slate-900">
                {message.own ? t("cases.thread.you") : message.authorName}
                {message.authorKind === "staff" && !message.own ? (
                  <span className="font-normal text-slate-600"> · {t("cases.thread.firm")}</span>
                ) : null}
              </span>
              <time dateTime={message.createdAt}>{formatMoment(message.createdAt)}</time>
            </p>
            <p className="mt-2 text-base break-words whitespace-pre-wrap text-slate-900">{message.body}</p>
            {message.attachments.length > 0 ? (
              <ul aria-label={t("cases.thread.attachments")} className="mt-3 flex flex-col gap-2">
                {message.attachments.map((attachment) => (
                  <AttachmentItem key={attachment.id} attachment={attachment} access={attachments} />
                ))}
              </ul>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}

const linkClass =
  "inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50";

function AttachmentItem({ attachment, access }: { attachment: CaseAttachment; access: AttachmentAccess }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string>();
  const url = access.url(attachment);
  const inlineUrl = `${url}?inline=1`;
  const openName = t("cases.thread.openItem", { name: attachment.fileName });
  const downloadName = t("cases.thread.downloadItem", { name: attachment.fileName });

  const viaBlob = async (inline: boolean) => {
    if (!access.fetchBlob) return;
    setFailure(undefined);
    try {
      const blob = await access.fetchBlob(inline ? inlineUrl : url);
      const objectUrl = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = objectUrl;
      if (inline) {
        link.target = "_blank";
        link.rel = "noopener";
      } else link.download = attachment.fileName;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <li className="flex flex-col gap-2 rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <span className="text-sm break-words text-slate-900">
        <span aria-hidden="true">📎 </span>
        {attachment.fileName} <span className="text-slate-600">· {fileSize(attachment.sizeBytes)}</span>
      </span>
      <span className="flex flex-wrap gap-2">
        {access.fetchBlob ? (
          <>
            {attachment.previewable ? (
              <button
                type="button"
                className={linkClass}
                aria-label={openName}
                onClick={() => void viaBlob(true)}
              >
                {t("cases.thread.open")}
              </button>
            ) : null}
            <button
              type="button"
              className={linkClass}
              aria-label={downloadName}
              onClick={() => void viaBlob(false)}
            >
              {t("cases.thread.download")}
            </button>
          </>
        ) : (
          <>
            {attachment.previewable ? (
              <a
                href={inlineUrl}
                target="_blank"
                rel="noopener noreferrer"
                className={linkClass}
                aria-label={openName}
              >
                {t("cases.thread.open")}
              </a>
            ) : null}
            <a href={url} download={attachment.fileName} className={linkClass} aria-label={downloadName}>
              {t("cases.thread.download")}
            </a>
          </>
        )}
      </span>
      {failure ? <Alert>{failure}</Alert> : null}
    </li>
  );
}
