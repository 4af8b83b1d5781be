import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { languageSchema, languages, staffRoles } from "../../../contracts/common";
import type { InviteStaff } from "../../../contracts/staff";
import { staffRoleSchema } from "../../../contracts/staff";
import { languageNames } from "../../i18n/i18n";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { applyApiError, fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { useStaff } from "../staff-context";
import { Modal } from "./modal";
import { useInviteStaff } from "./staff-api";

// Mirrors the server's rules so most mistakes show before a round trip; messages are catalog keys.
const inviteFormSchema = z.object({
  name: z.string().trim().min(2, "validation.tooShort"),
  email: z.string().trim().min(1, "validation.required").pipe(z.email("validation.email")),
  role: staffRoleSchema,
  language: languageSchema,
});
const fields = ["name", "email", "role", "language"] as const;

/** The invite form in a dialog; reports the invited email to `onInvited`. */
export function InviteDialog({
  open,
  onClose,
  onInvited,
}: {
  open: boolean;
  onClose: () => void;
  onInvited: (email: string) => void;
}) {
  const { t } = useTranslation();
  const staff = useStaff();
  const invite = useInviteStaff();
  const [alert, setAlert] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<InviteStaff>({
    resolver: zodResolver(inviteFormSchema),
    defaultValues: { name: "", email: "", role: "advisor", language: staff.firm.defaultLanguage },
  });

  const close = () => {
    reset();
    setAlert(undefined);
    onClose();
  };

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      const invitation = await invite.mutateAsync({ ...values, email: values.email.trim().toLowerCase() });
      reset();
      onInvited(invitation.email);
    } catch (error) {
      const message = applyApiError(error, setError, fields);
      if (message) setAlert(message);
    }
  });

  return (
    <Modal open={open} title={t("staffAdmin.inviteTitle")} onClose={close}>
      <p className="text-sm text-slate-700">{t("staffAdmin.inviteIntro")}</p>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        {alert ? <Alert>{alert}</Alert> : null}
        <TextField
          label={t("staffAdmin.name")}
          autoComplete="off"
          error={fieldErrorText(t, errors.name)}
          {...register("name")}
        />
        <TextField
          label={t("staffAdmin.email")}
          type="email"
          inputMode="email"
          autoComplete="off"
          error={fieldErrorText(t, errors.email)}
          {...register("email")}
        />
        <Select
          label={t("staffAdmin.role")}
          hint={t("staffAdmin.roleHint")}
          error={fieldErrorText(t, errors.role)}
          {...register("role")}
        >
          {staffRoles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t("staffAdmin.language")}
          hint={t("staffAdmin.languageHint")}
          error={fieldErrorText(t, errors.language)}
          {...register("language")}
        >
          {languages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageNames[language]}
            </option>
          ))}
        </Select>
        <div className="flex flex-wrap justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={close}>
            {t("staffAdmin.cancel")}
          </Button>
          <Button type="submit" busy={invite.isPending}>
            {invite.isPending ? t("staffAdmin.sending") : t("staffAdmin.sendInvite")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
