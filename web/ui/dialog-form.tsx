import type { FormEvent, ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

/** The words of a dialog form's buttons. */
export interface DialogFormLabels {
  cancel: string;
  save: string;
  saving: string;
}

/**
 * A form in a dialog: the message no field could show, the fields, then "Cancel" and "Save". The
 * browser's own validation is off: the form's schema says what is wrong, in the UI language.
 */
export function DialogForm({
  onSubmit,
  alert,
  busy,
  onCancel,
  labels,
  children,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void> | void;
  alert: string | undefined;
  busy: boolean;
  onCancel: () => void;
  labels: DialogFormLabels;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      {children}
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          {labels.cancel}
        </Button>
        <Button type="submit" busy={busy}>
          {busy ? labels.saving : labels.save}
        </Button>
      </div>
    </form>
  );
}
