import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { acceptedCaseAttachmentTypes, caseAttachmentLimits } from "../../../contracts/cases";
import { cn } from "../../ui/cn";
import { LineIcon } from "../../ui/line-icon";
import { fileSize } from "./case-send";

const maxMb = caseAttachmentLimits.bytesPerFile / (1024 * 1024);

const pickerButton = cn(
  "inline-flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-base font-medium text-slate-800 shadow-sm sm:text-sm",
  "hover:bg-slate-50 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600",
);

/**
 * Files to send with a message: "Choose files" (PDF, photos, office files) and, for phones, "Take a
 * photo" with the camera. Chosen files are listed with a button to remove each; what the server or the
 * limits refuse shows under the picker. The files live in the caller's state, so nothing chosen is lost
 * when sending fails.
 */
export function AttachmentPicker({
  files,
  onChange,
  error,
  label,
  hint,
  camera = false,
  disabled = false,
}: {
  files: readonly File[];
  onChange: (files: File[]) => void;
  error?: string;
  label?: string;
  hint?: string;
  /** Offers the camera too (photos of a policy, of a damage). */
  camera?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [refused, setRefused] = useState<string>();

  const add = (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    if (chosen.length === 0) return;
    const tooLarge = chosen.filter((file) => file.size > caseAttachmentLimits.bytesPerFile);
    const fitting = chosen.filter((file) => file.size <= caseAttachmentLimits.bytesPerFile);
    const room = caseAttachmentLimits.files - files.length;
    const next = [...files, ...fitting.slice(0, Math.max(0, room))];
    if (tooLarge.length > 0)
      setRefused(t("cases.attachments.tooLarge", { name: tooLarge.map((f) => f.name).join(", "), maxMb }));
    else if (fitting.length > room)
      setRefused(t("cases.attachments.tooMany", { max: caseAttachmentLimits.files }));
    else setRefused(undefined);
    onChange(next);
  };
  const remove = (index: number) => {
    setRefused(undefined);
    onChange(files.filter((_, i) => i !== index));
  };

  const shownError = refused ?? error;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = shownError ? `${errorId} ${hintId}` : hintId;
  const full = files.length >= caseAttachmentLimits.files;

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy} data-testid="attachments">
      <legend className="mb-1.5 text-sm font-medium text-slate-800">
        {label ?? t("cases.attachments.label")}
      </legend>
      <div className="flex flex-wrap gap-3">
        <label className={cn(pickerButton, (disabled || full) && "cursor-not-allowed opacity-60")}>
          <PaperclipIcon />
          {t("cases.attachments.choose")}
          <input
            type="file"
            multiple
            accept={acceptedCaseAttachmentTypes}
            disabled={disabled || full}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={describedBy}
            className="sr-only"
            onChange={(event) => {
              add(event.target.files);
              // The same file can be chosen again after removing it.
              event.target.value = "";
            }}
          />
        </label>
        {camera ? (
          <label className={cn(pickerButton, (disabled || full) && "cursor-not-allowed opacity-60")}>
            <CameraIcon />
            {t("cases.attachments.camera")}
            <input
              type="file"
              accept="image/*,application/pdf"
              capture="environment"
              disabled={disabled || full}
              className="sr-only"
              onChange={(event) => {
                add(event.target.files);
                event.target.value = "";
              }}
            />
          </label>
        ) : null}
      </div>
      <p id={hintId} className="text-sm text-slate-600">
        {hint ?? t("cases.attachments.hint", { max: caseAttachmentLimits.files, maxMb })}
      </p>
      {files.length > 0 ? (
        <ul aria-label={t("cases.attachments.chosen")} className="flex flex-col gap-2">
          {files.map((file, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be chosen twice; position tells them apart.
              key={`${file.name}-${index}`}
              className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2"
            >
              <span className="min-w-0 text-base break-words text-slate-900 sm:text-sm">
                {file.name} <span className="text-slate-600">· {fileSize(file.size)}</span>
              </span>
              <button
                type="button"
                disabled={disabled}
                onClick={() => remove(index)}
                aria-label={t("cases.attachments.removeItem", { name: file.name })}
                className="inline-flex min-h-11 shrink-0 items-center rounded-lg px-3 text-sm font-medium text-red-800 hover:bg-red-50"
              >
                {t("cases.attachments.remove")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {shownError ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{shownError}</span>
        </p>
      ) : null}
    </fieldset>
  );
}

function PaperclipIcon() {
  return (
    <LineIcon>
      <path d="M21 11.5 12.5 20a5 5 0 0 1-7-7L14 4.5a3.5 3.5 0 0 1 5 5L10.5 18a2 2 0 0 1-3-3L15 7.5" />
    </LineIcon>
  );
}

function CameraIcon() {
  return (
    <LineIcon>
      <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
      <circle cx="12" cy="13" r="3.5" />
    </LineIcon>
  );
}
