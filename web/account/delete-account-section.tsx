import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CheckboxField } from "../app/access/checkbox-field";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { applyApiError, fieldErrorText } from "../ui/form";
import { PasswordField } from "../ui/text-field";
import { useDeleteAccount } from "./profile-api";

const schema = z.object({
  password: z.string().min(1, "validation.required"),
  confirm: z.boolean().refine((value) => value, "profile.delete.confirmRequired"),
});
type Values = z.infer<typeof schema>;

/**
 * Deleting the account (AUDIT-2): what it does, in plain words, then the password again and a tick
 * that the consequences are understood. The form opens only on request, so nobody lands in it by
 * accident; a wrong password or a refusal (the last admin of a firm) shows without losing the input.
 */
export function DeleteAccountSection({ isStaff, onDeleted }: { isStaff: boolean; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card className="flex flex-col gap-4 border-red-200" data-testid="delete-account">
      <h2 className="text-xl font-semibold text-slate-900">{t("profile.delete.title")}</h2>
      <p className="text-base leading-relaxed text-slate-700">{t("profile.delete.intro")}</p>
      <h3 className="text-lg font-semibold text-slate-900">{t("profile.delete.consequencesTitle")}</h3>
      <ul className="flex list-disc flex-col gap-2 pl-5 text-base leading-relaxed text-slate-800">
        <li>{t("profile.delete.consequence1")}</li>
        <li>{t("profile.delete.consequence2")}</li>
        <li>{t("profile.delete.consequence3")}</li>
        <li>{t("profile.delete.consequence4")}</li>
        {isStaff ? <li>{t("profile.delete.staffNote")}</li> : null}
      </ul>
      {open ? (
        <DeleteForm onCancel={() => setOpen(false)} onDeleted={onDeleted} />
      ) : (
        <Button
          variant="secondary"
          onClick={() => setOpen(true)}
          className="w-full text-red-800 sm:w-auto sm:self-start"
        >
          {t("profile.delete.start")}
        </Button>
      )}
    </Card>
  );
}

function DeleteForm({ onCancel, onDeleted }: { onCancel: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteAccount();
  const [alert, setAlert] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { password: "", confirm: false } });
  const submit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      await remove.mutateAsync(values);
      onDeleted();
    } catch (error) {
      setAlert(applyApiError(error, setError, ["password", "confirm"]));
    }
  });
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4 border-t border-slate-200 pt-4">
      {alert ? <Alert>{alert}</Alert> : null}
      <PasswordField
        label={t("profile.delete.password")}
        hint={t("profile.delete.passwordHint")}
        autoComplete="current-password"
        error={fieldErrorText(t, errors.password)}
        {...register("password")}
      />
      <CheckboxField
        label={<span className="text-base">{t("profile.delete.confirm")}</span>}
        error={fieldErrorText(t, errors.confirm)}
        {...register("confirm")}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button
          type="submit"
          busy={remove.isPending}
          className="w-full bg-red-700 hover:bg-red-800 active:bg-red-900 sm:w-auto"
        >
          {t("profile.delete.submit")}
        </Button>
        <Button variant="secondary" onClick={onCancel} className="w-full sm:w-auto">
          {t("profile.delete.cancel")}
        </Button>
      </div>
    </form>
  );
}

/** What the page shows once the account is gone: that it worked, and the way out (a fresh start). */
export function AccountDeletedNotice() {
  const { t } = useTranslation();
  return (
    <Card className="flex flex-col gap-4" data-testid="account-deleted">
      <Alert tone="success">
        <p className="text-lg">{t("profile.delete.done")}</p>
      </Alert>
      <Button asChild variant="secondary" className="w-full sm:w-auto sm:self-start">
        {/* A full load, so nothing of the deleted account stays in memory. */}
        <a href="/">{t("profile.delete.home")}</a>
      </Button>
    </Card>
  );
}
