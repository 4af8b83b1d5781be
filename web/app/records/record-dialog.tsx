import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";

/**
 * A modal dialog on the native <dialog>: the browser traps focus, closes on Escape and returns focus
 * to where it was. `onClose` runs however it closes; the content is mounted only while open.
 */
export function RecordDialog({
  open,
  title,
  onClose,
  children,
  size = "lg",
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: "sm" | "lg";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={
        size === "lg"
          ? "m-auto max-h-[calc(100dvh-2rem)] w-[min(44rem,calc(100vw-2rem))] overflow-y-auto rounded-xl bg-white p-0 shadow-xl backdrop:bg-slate-900/50"
          : "m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-0 shadow-xl backdrop:bg-slate-900/50"
      }
    >
      {open ? (
        <div className="flex flex-col gap-5 p-5 sm:p-6">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** The buttons at the foot of a record form: cancel and save. */
export function DialogActions({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
      <Button variant="secondary" onClick={onCancel}>
        {t("records.common.cancel")}
      </Button>
      <Button type="submit" busy={busy}>
        {busy ? t("records.common.saving") : t("records.common.save")}
      </Button>
    </div>
  );
}

/** Asks before deleting; shows the server's message if the deletion fails. */
export function ConfirmDeleteDialog({
  open,
  message,
  onConfirm,
  onClose,
}: {
  open: boolean;
  message: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
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
    <RecordDialog open={open} title={t("records.common.confirmDeleteTitle")} onClose={close} size="sm">
      <p className="text-slate-700">{message}</p>
      {failure ? <Alert>{failure}</Alert> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={close} autoFocus>
          {t("records.common.cancel")}
        </Button>
        <Button
          busy={busy}
          onClick={() => void confirm()}
          className="bg-red-700 hover:bg-red-800 active:bg-red-900"
        >
          {busy ? t("records.common.deleting") : t("records.common.delete")}
        </Button>
      </div>
    </RecordDialog>
  );
}

/** Which record a tab is adding, editing or about to delete. */
export function useRecordDialogs<T>() {
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  return {
    editing,
    deleting,
    openNew: () => setEditing("new"),
    openEdit: (record: T) => setEditing(record),
    openDelete: (record: T) => setDeleting(record),
    closeEdit: () => setEditing(null),
    closeDelete: () => setDeleting(null),
  };
}
