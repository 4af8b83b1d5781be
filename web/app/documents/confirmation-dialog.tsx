import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConfirmationList, ConfirmationPreviewBody } from "../../../contracts/confirmations";
import type { DocumentDetail } from "../../../contracts/documents";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { TextAreaField } from "../../ui/inputs";
import { Loading } from "../../ui/loading";
import { Modal } from "../../ui/modal";
import { TextField } from "../../ui/text-field";
import { useSettled } from "../../ui/use-settled";
import { CheckboxField, CheckboxGroup } from "../access/checkbox-field";
import { confirmationPreviewQuery, useConfirmationMutations } from "./confirmation-api";

/** How long typing must pause before the preview is asked for again. */
const previewDelayMs = 400;

/**
 * "Request confirmation via the portal" (seed 000): whom to ask (each person with portal access to the
 * file, those who cannot be asked shown with the reason), the mail's subject and text — prefilled with
 * the standard wording and editable, as the invitation mail is (INV-5) — and the mail exactly as the
 * first chosen person gets it. Sending shares the document if needed and mails everyone chosen.
 */
export function ConfirmationDialog({
  open,
  fileId,
  doc,
  list,
  preselected,
  onClose,
  onSent,
}: {
  open: boolean;
  fileId: string;
  doc: DocumentDetail;
  list: ConfirmationList;
  preselected: string[];
  onClose: () => void;
  onSent: (count: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      size="lg"
      title={t("confirmations.dialog.title", { title: doc.title })}
      onClose={onClose}
    >
      <ConfirmationForm
        fileId={fileId}
        doc={doc}
        list={list}
        preselected={preselected}
        onClose={onClose}
        onSent={onSent}
      />
    </Modal>
  );
}

function ConfirmationForm({
  fileId,
  doc,
  list,
  preselected,
  onClose,
  onSent,
}: {
  fileId: string;
  doc: DocumentDetail;
  list: ConfirmationList;
  preselected: string[];
  onClose: () => void;
  onSent: (count: number) => void;
}) {
  const { t } = useTranslation();
  const { request } = useConfirmationMutations(fileId, doc.id);
  const askable = list.candidates.filter((c) => c.refusal === null);
  const [chosen, setChosen] = useState<string[]>(() => {
    const wanted = preselected.filter((id) => askable.some((c) => c.granteeId === id));
    if (wanted.length > 0) return wanted;
    return askable.length === 1 && askable[0] ? [askable[0].granteeId] : [];
  });
  // null = not touched: the standard wording, in each recipient's own language.
  const [subject, setSubject] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [alert, setAlert] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const first = chosen[0] ?? null;

  const body: ConfirmationPreviewBody = { granteeId: first ?? "", subject, message };
  const bodyKey = JSON.stringify(body);
  const settledKey = useSettled(bodyKey, previewDelayMs);
  const preview = useQuery({
    ...confirmationPreviewQuery(fileId, doc.id, JSON.parse(settledKey) as ConfirmationPreviewBody),
    enabled: first !== null,
    placeholderData: keepPreviousData,
  });
  const standard = preview.data?.standard;
  const chosenCandidates = list.candidates.filter((c) => chosen.includes(c.granteeId));
  const mixed =
    new Set(chosenCandidates.map((c) => `${c.language}/${c.salutation}`)).size > 1 &&
    (subject !== null || message !== null);

  const send = async () => {
    setAlert(undefined);
    setFieldErrors({});
    if (chosen.length === 0) {
      setFieldErrors({ granteeIds: t("confirmations.dialog.chooseSomeone") });
      return;
    }
    try {
      const created = await request.mutateAsync({
        granteeIds: chosen,
        // Unchanged standard wording goes as null: each person then reads it in their own language.
        subject: subject === null || subject === standard?.subject ? null : subject,
        message: message === null || message === standard?.message ? null : message,
      });
      onSent(created.items.length);
      onClose();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      if (fields.length > 0) setFieldErrors(Object.fromEntries(fields.map((f) => [f.field, f.message])));
      else setAlert(errorMessage(error));
    }
  };

  if (list.candidates.length === 0) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="info">{t("confirmations.dialog.noCandidates")}</Alert>
        <Button variant="secondary" className="self-end" onClick={onClose}>
          {t("confirmations.dialog.cancel")}
        </Button>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {alert ? <Alert>{alert}</Alert> : null}
      <CheckboxGroup
        legend={t("confirmations.dialog.recipients")}
        hint={t("confirmations.dialog.recipientsHint")}
        error={fieldErrors.granteeIds}
        columns={1}
      >
        {list.candidates.map((c) => (
          <CheckboxField
            key={c.granteeId}
            checked={chosen.includes(c.granteeId)}
            disabled={c.refusal !== null}
            onChange={(event) =>
              setChosen((now) =>
                event.target.checked ? [...now, c.granteeId] : now.filter((id) => id !== c.granteeId),
              )
            }
            label={
              <span className="flex flex-col">
                <span className="font-medium">{c.name}</span>
                <span className="text-slate-600">
                  {[c.email, c.grantName, c.refusal ? t(`confirmations.dialog.refusal.${c.refusal}`) : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </span>
            }
          />
        ))}
      </CheckboxGroup>
      {!doc.sharedToPortal ? <Alert tone="info">{t("confirmations.dialog.shareNote")}</Alert> : null}
      <TextField
        label={t("confirmations.dialog.subject")}
        value={subject ?? standard?.subject ?? ""}
        maxLength={200}
        error={fieldErrors.subject}
        onChange={(event) => setSubject(event.target.value)}
      />
      <TextAreaField
        label={t("confirmations.dialog.message")}
        hint={t("confirmations.dialog.messageHint")}
        rows={5}
        maxLength={4000}
        value={message ?? standard?.message ?? ""}
        error={fieldErrors.message}
        onChange={(event) => setMessage(event.target.value)}
      />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <p>{mixed ? t("confirmations.dialog.mixedNote") : t("confirmations.dialog.standardNote")}</p>
        {subject !== null || message !== null ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setSubject(null);
              setMessage(null);
            }}
          >
            {t("confirmations.dialog.reset")}
          </Button>
        ) : null}
      </div>
      {first ? (
        <MailPreview
          name={chosenCandidates[0]?.name ?? ""}
          to={preview.data?.to}
          subject={preview.data?.subject}
          text={preview.data?.text}
          updating={preview.isFetching || settledKey !== bodyKey}
          error={preview.isError ? errorMessage(preview.error) : undefined}
        />
      ) : null}
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          {t("confirmations.dialog.cancel")}
        </Button>
        <Button type="submit" busy={request.isPending}>
          {request.isPending ? t("confirmations.dialog.sending") : t("confirmations.dialog.send")}
        </Button>
      </div>
    </form>
  );
}

/** The mail as the server renders it for the first chosen person. */
function MailPreview({
  name,
  to,
  subject,
  text,
  updating,
  error,
}: {
  name: string;
  to: string | undefined;
  subject: string | undefined;
  text: string | undefined;
  updating: boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      aria-busy={updating || undefined}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          {t("confirmations.dialog.previewTitle", { name })}
        </h3>
        {updating && !error ? (
          <span className="text-xs text-slate-600">{t("confirmations.dialog.previewUpdating")}</span>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {subject !== undefined && !error ? (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{t("confirmations.dialog.previewTo")}</dt>
            <dd className="break-all text-slate-900">{to}</dd>
            <dt className="text-slate-600">{t("confirmations.dialog.previewSubject")}</dt>
            <dd data-testid="confirmation-preview-subject" className="font-medium break-words text-slate-900">
              {subject}
            </dd>
          </dl>
          <pre
            data-testid="confirmation-preview-text"
            className="max-h-72 overflow-y-auto rounded-md border border-slate-200 bg-white p-3 font-sans text-sm break-words whitespace-pre-wrap text-slate-800"
          >
            {text}
          </pre>
        </>
      ) : null}
      {subject === undefined && !error ? <Loading className="py-6" /> : null}
    </section>
  );
}
