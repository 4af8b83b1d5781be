import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../ui/confirm-dialog";

/** Asks before removing an entry; shows the server's message (e.g. a 403 naming why) if removing fails. */
export function ConfirmRemoveDialog(
  props: Omit<ComponentProps<typeof ConfirmDialog>, "title" | "labels" | "danger" | "size">,
) {
  const { t } = useTranslation();
  const labels = {
    cancel: t("portal.common.keep"),
    confirm: t("portal.common.remove"),
    busy: t("portal.common.removing"),
  };
  return (
    <ConfirmDialog title={t("portal.common.removeTitle")} labels={labels} danger size="portal" {...props} />
  );
}
