import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Modal } from "./modal";

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (confirmation) setError(null);
  }, [confirmation]);

  const confirm = async () => {
    if (!confirmation) return;
    setBusy(true);
    setError(null);
    try {
      await confirmation.run();
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={confirmation !== null} title={confirmation?.title ?? ""} onClose={onClose}>
      <p className="text-slate-700">{confirmation?.body}</p>
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      <div className="flex flex-wrap justify-end gap-3">
        <Button variant="secondary" onClick={onClose}>
          {t("staffAdmin.cancel")}
        </Button>
        <Button busy={busy} onClick={() => void confirm()}>
          {confirmation?.confirmLabel}
        </Button>
      </div>
    </Modal>
  );
}
