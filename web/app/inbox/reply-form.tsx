import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseStatus, caseStatuses } from "../../../contracts/cases";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { TextAreaField } from "../../ui/inputs";
import { Select } from "../../ui/select";
import { AttachmentPicker } from "./attachment-picker";

/** What a reply sends: its text, files, and (staff only) the status the case takes. */
export type SendReply = (
  body: string,
  files: readonly File[],
  onProgress: (fraction: number) => void,
  status?: CaseStatus,
) => Promise<unknown>;

/**
 * The answer box under a thread, for clients and staff alike: the text, files, and for staff the status
 * the case takes once answered (by default it waits for the client). A failed send keeps text and files
 * and shows the server's messages on them; a sent answer empties the box and says so. `notice` says
 * above the box what the writer must know first (e.g. that the client no longer reads it in the portal).
 */
export function ReplyForm({
  audience,
  busy,
  send,
  notice,
  heading,
  hint,
  initialStatus = "waiting_for_client",
}: {
  audience: "client" | "staff";
  busy: boolean;
  send: SendReply;
  notice?: ReactNode;
  heading?: string;
  hint?: string;
  initialStatus?: CaseStatus;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [status, setStatus] = useState<CaseStatus>(initialStatus);
  const [bodyError, setBodyError] = useState<string>();
  const [filesError, setFilesError] = useState<string>();
  const [alert, setAlert] = useState<string>();
  const [progress, setProgress] = useState<number>();
  const [sent, setSent] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(undefined);
    setSent(false);
    if (body.trim() === "") {
      setBodyError(t("cases.reply.empty"));
      return;
    }
    setBodyError(undefined);
    setFilesError(undefined);
    setProgress(files.length > 0 ? 0 : undefined);
    try {
      await send(body.trim(), files, setProgress, audience === "staff" ? status : undefined);
      setBody("");
      setFiles([]);
      setSent(true);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      const onBody = fields.find((f) => f.field === "body")?.message;
      const onFiles = fields.find((f) => f.field === "files" || f.field.startsWith("files."))?.message;
      setBodyError(onBody);
      setFilesError(onFiles);
      setAlert(onBody || onFiles ? undefined : errorMessage(error));
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby={headingId}
      className="flex flex-col gap-4"
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {heading ?? (audience === "client" ? t("cases.reply.titleClient") : t("cases.reply.titleStaff"))}
      </h2>
      {notice}
      {alert ? <Alert>{alert}</Alert> : null}
      {sent ? <Alert tone="success">{t("cases.reply.sent")}</Alert> : null}
      <TextAreaField
        label={t("cases.reply.label")}
        hint={hint ?? (audience === "client" ? t("cases.reply.hintClient") : t("cases.reply.hintStaff"))}
        rows={5}
        maxLength={10_000}
        value={body}
        error={bodyError}
        onChange={(event) => {
          setBody(event.target.value);
          setSent(false);
        }}
      />
      <AttachmentPicker
        files={files}
        onChange={(next) => {
          setFiles(next);
          setFilesError(undefined);
        }}
        error={filesError}
        camera={audience === "client"}
        disabled={busy}
        label={t("cases.form.filesOptional")}
      />
      {audience === "staff" ? (
        <Select
          label={t("cases.reply.statusAfter")}
          value={status}
          onChange={(event) => setStatus(event.target.value as CaseStatus)}
          className="sm:max-w-xs"
        >
          {caseStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`cases.status.${s}`)}
            </option>
          ))}
        </Select>
      ) : null}
      {progress !== undefined ? (
        <div className="flex flex-col gap-1" role="status">
          <progress max={1} value={progress} className="h-2 w-full accent-brand-700" />
          <span className="text-sm text-slate-700">
            {t("cases.form.uploading", { percent: Math.round(progress * 100) })}
          </span>
        </div>
      ) : null}
      <Button type="submit" busy={busy} className="min-h-12 self-stretch text-base sm:self-end">
        {busy ? t("cases.form.sending") : t("cases.reply.send")}
      </Button>
    </form>
  );
}
