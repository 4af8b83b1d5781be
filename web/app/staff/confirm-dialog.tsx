import { useTranslation } from "react-i18next";
import { ConfirmDialog as SharedConfirmDialog } from "../../ui/confirm-dialog";

/** What is to be confirmed: the words and the action to run. */
export interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
  run: () => Promise<unknown>;
}

/** Asks before a consequential action (deactivate, revoke); a refusal (e.g. last admin) shows in place. */
export function ConfirmDialog({
  confirmation,
  onClose,
}: {
  confirmation: Confirmation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SharedConfirmDialog
      open={confirmation !== null}
      title={confirmation?.title ?? ""}
      message={confirmation?.body ?? ""}
      labels={{ cancel: t("staffAdmin.cancel"), confirm: confirmation?.confirmLabel ?? "" }}
      onConfirm={() => confirmation?.run() ?? Promise.resolve()}
      onClose={onClose}
    />
  );
}
