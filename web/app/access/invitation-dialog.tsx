import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Grantee } from "../../../contracts/grants";
import type { Invitation, InviteGrantee } from "../../../contracts/invitations";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { TextAreaField } from "../../ui/inputs";
import { Loading } from "../../ui/loading";
import { Modal } from "../../ui/modal";
import { useSettled } from "../../ui/use-settled";
import { type InvitationOptions, InvitationOptionsFields, useInvitationDefaults } from "./invitation-options";
import { invitationPreviewQuery, useInvitationMutations } from "./invitations-api";

/** The longest personal message the server keeps (contracts/invitations.ts). */
const messageMax = 2000;
/** How long typing must pause before the preview is asked for again. */
const previewDelayMs = 400;

/**
 * "Invite by email" (INV-1, INV-5): language and salutation (preset to the person's), a personal
 * message, and the mail exactly as it will go out — subject and text from the server, refreshed a
 * moment after each change — then "Send invitation". For an email that already has an account the
 * preview is the access notice, and sending gives access at once. `onSent` gets the new invitation.
 */
export function InvitationDialog({
  grantee,
  open,
  onClose,
  onSent,
}: {
  grantee: Grantee;
  open: boolean;
  onClose: () => void;
  onSent: (invitation: Invitation) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      size="lg"
      title={t("access.invitation.dialogTitle", { name: grantee.name })}
      onClose={onClose}
    >
      <InvitationDialogBody grantee={grantee} onClose={onClose} onSent={onSent} />
    </Modal>
  );
}

function InvitationDialogBody({
  grantee,
  onClose,
  onSent,
}: {
  grantee: Grantee;
  onClose: () => void;
  onSent: (invitation: Invitation) => void;
}) {
  const defaults = useInvitationDefaults(grantee);
  if (!defaults) return <Loading className="py-8" />;
  return <InvitationForm grantee={grantee} defaults={defaults} onClose={onClose} onSent={onSent} />;
}

function InvitationForm({
  grantee,
  defaults,
  onClose,
  onSent,
}: {
  grantee: Grantee;
  defaults: InvitationOptions;
  onClose: () => void;
  onSent: (invitation: Invitation) => void;
}) {
  const { t } = useTranslation();
  const { invite } = useInvitationMutations();
  const [options, setOptions] = useState(defaults);
  const [message, setMessage] = useState("");
  const [alert, setAlert] = useState<string>();
  const [messageError, setMessageError] = useState<string>();
  const body: InviteGrantee = { ...options, personalMessage: message.trim() === "" ? null : message };
  // Compared as text: a new object each render must not restart the wait.
  const bodyKey = JSON.stringify(body);
  const settledKey = useSettled(bodyKey, previewDelayMs);
  const preview = useQuery({
    ...invitationPreviewQuery(grantee, JSON.parse(settledKey) as InviteGrantee),
    placeholderData: keepPreviousData,
  });
  const notice = preview.data?.kind === "notice";

  const send = async () => {
    setAlert(undefined);
    setMessageError(undefined);
    try {
      const invitation = await invite.mutateAsync({ grantee, body });
      onSent(invitation);
      onClose();
    } catch (error) {
      const onMessage =
        error instanceof ApiError ? error.fieldErrors.find((f) => f.field === "personalMessage") : undefined;
      if (onMessage) setMessageError(onMessage.message);
      else setAlert(errorMessage(error));
    }
  };

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
      <p className="text-sm text-slate-700">
        {t("access.invitation.dialogTo", { email: grantee.email ?? "" })}
      </p>
      <InvitationOptionsFields value={options} onChange={setOptions} />
      <TextAreaField
        label={t("access.invitation.personalMessage")}
        hint={t("access.invitation.personalMessageHint", { max: messageMax.toLocaleString() })}
        rows={4}
        maxLength={messageMax}
        value={message}
        error={messageError}
        onChange={(event) => setMessage(event.target.value)}
      />
      <MailPreview
        subject={preview.data?.subject}
        text={preview.data?.text}
        to={preview.data?.to}
        notice={notice}
        updating={preview.isFetching || settledKey !== bodyKey}
        error={preview.isError ? errorMessage(preview.error) : undefined}
      />
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          {t("access.common.cancel")}
        </Button>
        <Button type="submit" busy={invite.isPending}>
          {invite.isPending
            ? t("access.invitation.sending")
            : notice
              ? t("access.invitation.sendNotice")
              : t("access.invitation.send")}
        </Button>
      </div>
    </form>
  );
}

/** The mail as the server renders it: recipient, subject and plain text, or why it cannot be shown. */
function MailPreview({
  subject,
  text,
  to,
  notice,
  updating,
  error,
}: {
  subject: string | undefined;
  text: string | undefined;
  to: string | undefined;
  notice: boolean;
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
          {t("access.invitation.previewTitle")}
        </h3>
        {updating && !error ? (
          <span className="text-xs text-slate-600">{t("access.invitation.previewUpdating")}</span>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {notice && !error ? (
        <Alert tone="info">{t("access.invitation.noticeExplained", { email: to })}</Alert>
      ) : null}
      {subject !== undefined && !error ? (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{t("access.invitation.previewTo")}</dt>
            <dd className="break-all text-slate-900">{to}</dd>
            <dt className="text-slate-600">{t("access.invitation.previewSubject")}</dt>
            <dd data-testid="invitation-preview-subject" className="font-medium break-words text-slate-900">
              {subject}
            </dd>
          </dl>
          <pre
            data-testid="invitation-preview-text"
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
