import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Grantee } from "../../../contracts/grants";
import { removePortalAccount } from "../../account/profile-api";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { accessKeys } from "./access-api";

/**
 * "Delete portal account" on a grantee who has one (AUDIT-2): the account loses every access at this
 * firm after a confirmation that says what happens; a refusal (irrevocable holders, the firm policy
 * on who manages access) shows in the dialog. Only for staff who may manage this grantee.
 */
export function RemoveAccountButton({ grantee }: { grantee: Grantee }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  if (!grantee.hasAccount || grantee.storedStatus === "revoked") return null;
  const name = grantee.name;
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="text-red-800 hover:bg-red-50"
        onClick={() => setOpen(true)}
        data-testid="remove-portal-account"
      >
        {t("profile.staff.remove")}
        <span className="sr-only"> ({name})</span>
      </Button>
      <ConfirmDialog
        open={open}
        danger
        title={t("profile.staff.removeTitle", { name })}
        message={t("profile.staff.removeBody", { name })}
        labels={{
          cancel: t("profile.staff.cancel"),
          confirm: t("profile.staff.removeConfirm"),
          busy: t("profile.staff.removeBusy"),
        }}
        onConfirm={async () => {
          await removePortalAccount(grantee.grantId, grantee.id);
          await queryClient.invalidateQueries({ queryKey: accessKeys.all });
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
