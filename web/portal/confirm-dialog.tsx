import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { PortalDialog } from "./portal-ui";

/** Asks before removing an entry; shows the server's message (e.g. a 403 naming why) if removing fails. */
export function ConfirmRemoveDialog({
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
    <PortalDialog open={open} title={t("portal.common.removeTitle")} onClose={close}>
      <p className="text-base text-slate-800">{message}</p>
      {failure ? <Alert>{failure}</Alert> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={close} autoFocus>
          {t("portal.common.keep")}
        </Button>
        <Button
          busy={busy}
          onClick={() => void confirm()}
          className="bg-red-700 hover:bg-red-800 active:bg-red-900"
        >
          {busy ? t("portal.common.removing") : t("portal.common.remove")}
        </Button>
      </div>
    </PortalDialog>
  );
}
