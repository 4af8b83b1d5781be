import { useTranslation } from "react-i18next";
import { Button } from "../ui/button";

/**
 * The buttons of one entry the viewer may change: "Change", and "Remove" where removing is offered.
 * Each names its entry for screen readers ("Change House"), since a page holds many of them.
 */
export function ItemActions({
  name,
  onEdit,
  onRemove,
  editLabel,
  editItemLabel,
}: {
  name: string;
  onEdit: () => void;
  onRemove?: () => void;
  /** Instead of "Change", e.g. "Change contact details". */
  editLabel?: string;
  editItemLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        variant="secondary"
        onClick={onEdit}
        aria-label={editItemLabel ?? t("portal.common.editItem", { name })}
      >
        {editLabel ?? t("portal.common.edit")}
      </Button>
      {onRemove ? (
        <Button variant="secondary" onClick={onRemove} aria-label={t("portal.common.removeItem", { name })}>
          {t("portal.common.remove")}
        </Button>
      ) : null}
    </>
  );
}
