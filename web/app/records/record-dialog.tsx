import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { type RecordKind, useRecordMutations } from "./records-api";

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

/** A record form in a dialog: the alert for what no field could show, the fields, then cancel and save. */
export function RecordFormShell({
  onSubmit,
  alert,
  busy,
  onCancel,
  children,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  alert: string | undefined;
  busy: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      {children}
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          {t("records.common.cancel")}
        </Button>
        <Button type="submit" busy={busy}>
          {busy ? t("records.common.saving") : t("records.common.save")}
        </Button>
      </div>
    </form>
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

/** Which record a tab is adding ("new"), editing or about to delete (null when none), and how it deletes. */
export interface RecordDialogState<T> {
  editing: T | "new" | null;
  deleting: T | null;
  openNew: () => void;
  openEdit: (record: T) => void;
  openDelete: (record: T) => void;
  closeEdit: () => void;
  closeDelete: () => void;
  remove: (record: T) => Promise<unknown>;
}

/** Which record a tab of one kind is adding, editing or about to delete. */
export function useRecordDialogs<T extends { id: string }>(
  fileId: string,
  kind: RecordKind,
): RecordDialogState<T> {
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const { remove } = useRecordMutations(fileId, kind);
  return {
    editing,
    deleting,
    openNew: () => setEditing("new"),
    openEdit: (record: T) => setEditing(record),
    openDelete: (record: T) => setDeleting(record),
    closeEdit: () => setEditing(null),
    closeDelete: () => setDeleting(null),
    remove: (record: T) => remove.mutateAsync(record.id),
  };
}

/** The add/edit dialog and the delete question of a records tab, opened through its RecordDialogState. */
export function RecordEditDialogs<T extends { id: string }>({
  dialogs,
  newTitle,
  editTitle,
  renderForm,
  deleteMessage,
}: {
  dialogs: RecordDialogState<T>;
  newTitle: string;
  editTitle: string;
  /** The form for the record being edited, or for a new one when null. */
  renderForm: (record: T | null, onDone: () => void) => ReactNode;
  deleteMessage: (record: T) => string;
}) {
  const editing = dialogs.editing === "new" ? null : dialogs.editing;
  const deleting = dialogs.deleting;
  return (
    <>
      <RecordDialog
        open={dialogs.editing !== null}
        title={editing ? editTitle : newTitle}
        onClose={dialogs.closeEdit}
      >
        {renderForm(editing, dialogs.closeEdit)}
      </RecordDialog>
      <ConfirmDeleteDialog
        open={deleting !== null}
        message={deleting ? deleteMessage(deleting) : ""}
        onConfirm={() => (deleting ? dialogs.remove(deleting) : Promise.resolve())}
        onClose={dialogs.closeDelete}
      />
    </>
  );
}
