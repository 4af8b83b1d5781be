import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { applyApiError, fieldErrorText } from "../ui/form";
import { PasswordField } from "../ui/text-field";

const schema = z.object({ password: z.string().min(1, "validation.required") });
type Values = z.infer<typeof schema>;

/**
 * The small inline form that asks for the password again before the sign-in protection changes: the
 * password, the action's button and "Cancel". A wrong password shows under the field; anything else
 * (no confirmed number yet) in the alert above it.
 */
export function SecondFactorPasswordForm({
  intro,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  intro: string;
  submitLabel: string;
  onSubmit: (password: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { password: "" } });
  const submit = handleSubmit(async ({ password }) => {
    setAlert(undefined);
    try {
      await onSubmit(password);
    } catch (error) {
      setAlert(applyApiError(error, setError, ["password"]));
    }
  });
  return (
    <form
      noValidate
      onSubmit={submit}
      className="flex flex-col gap-4 border-t border-slate-200 pt-4"
      data-testid="second-factor-password"
    >
      <p className="text-base text-slate-700">{intro}</p>
      {alert ? <Alert>{alert}</Alert> : null}
      <PasswordField
        label={t("account.secondFactor.password")}
        autoComplete="current-password"
        error={fieldErrorText(t, errors.password)}
        {...register("password")}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" busy={isSubmitting} className="w-full sm:w-auto">
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} className="w-full sm:w-auto">
          {t("account.secondFactor.cancel")}
        </Button>
      </div>
    </form>
  );
}
