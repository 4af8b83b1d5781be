import { type ComponentProps, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { DialogForm } from "../../ui/dialog-form";
import { Modal, type ModalProps } from "../../ui/modal";
import { type RecordKind, useRecordMutations } from "./records-api";

/** A dialog of the back office's record tabs: a record form (lg), or a short question (sm). */
export function RecordDialog({ size = "lg", ...props }: Omit<ModalProps, "size"> & { size?: "sm" | "lg" }) {
  return <Modal size={size} {...props} />;
}

/** A record form in a dialog: the alert for what no field could show, the fields, then cancel and save. */
export function RecordFormShell(props: Omit<ComponentProps<typeof DialogForm>, "labels">) {
  const { t } = useTranslation();
  const labels = {
    cancel: t("records.common.cancel"),
    save: t("records.common.save"),
    saving: t("records.common.saving"),
  };
  return <DialogForm labels={labels} {...props} />;
}

/** Asks before deleting; shows the server's message if the deletion fails. */
export function ConfirmDeleteDialog(
  props: Omit<ComponentProps<typeof ConfirmDialog>, "title" | "labels" | "danger" | "size">,
) {
  const { t } = useTranslation();
  const labels = {
    cancel: t("records.common.cancel"),
    confirm: t("records.common.delete"),
    busy: t("records.common.deleting"),
  };
  return (
    <ConfirmDialog
      title={t("records.common.confirmDeleteTitle")}
      labels={labels}
      danger
      size="sm"
      {...props}
    />
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
