import { useState } from "react";
import { Alert } from "./alert";
import { errorMessage } from "./api";
import { Button } from "./button";
import { Modal, type ModalProps } from "./modal";

/** The words of a confirmation's buttons; `busy` replaces `confirm` while the action runs. */
export interface ConfirmLabels {
  cancel: string;
  confirm: string;
  busy?: string;
}

/**
 * Asks before an action (delete, remove, deactivate) and runs it; a refusal from the server (a 403
 * naming why, the last admin) shows in place and the question stays open. Cancel comes first, so it
 * has the focus: pressing Enter by mistake changes nothing.
 */
export function ConfirmDialog({
  open,
  title,
  message,
  labels,
  onConfirm,
  onClose,
  danger = false,
  size = "md",
}: {
  open: boolean;
  title: string;
  message: string;
  labels: ConfirmLabels;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  /** Shows the action in red: it cannot be undone. */
  danger?: boolean;
  size?: ModalProps["size"];
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const close = () => {
    setFailure(undefined);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onConfirm();
      close();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} onClose={close} size={size}>
      <p className={size === "portal" ? "text-base text-slate-800" : "text-slate-700"}>{message}</p>
      {failure ? <Alert>{failure}</Alert> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={close} autoFocus>
          {labels.cancel}
        </Button>
        <Button
          busy={busy}
          onClick={() => void confirm()}
          className={danger ? "bg-red-700 hover:bg-red-800 active:bg-red-900" : undefined}
        >
          {busy && labels.busy ? labels.busy : labels.confirm}
        </Button>
      </div>
    </Modal>
  );
}
