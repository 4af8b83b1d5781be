import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Salutation } from "../../contracts/clients";
import type { SecondFactorState, TotpSetup } from "../../contracts/second-factor";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { applyApiError } from "../ui/form";
import { TextField } from "../ui/text-field";
import { confirmAuthenticatorApp, secretInBlocks } from "./second-factor-api";

const schema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "account.secondFactor.app.codeFormat"),
});
type Values = z.infer<typeof schema>;

/**
 * Sets up an authenticator app (PORTAL-1), the same on the account page and at registration: the key
 * in blocks of four to type into the app, "Open in authenticator app" (the otpauth link, for an app on
 * this phone), then the app's first code to confirm. A wrong code shows under the field.
 */
export function AuthenticatorSetup({
  setup,
  context,
  onConfirmed,
  onCancel,
  cancelLabel,
}: {
  setup: TotpSetup;
  /** How the person is addressed (Sie/Du, vous/tu); formal when not given. */
  context?: Salutation;
  /** Runs once the app is confirmed; the button stays busy until it settles. */
  onConfirmed: (state: SecondFactorState) => Promise<void> | void;
  onCancel?: () => void;
  cancelLabel?: string;
}) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { code: "" } });
  const submit = handleSubmit(async ({ code }) => {
    setAlert(undefined);
    let state: SecondFactorState;
    try {
      state = await confirmAuthenticatorApp(code);
    } catch (error) {
      setAlert(applyApiError(error, setError, ["code"]));
      return;
    }
    await onConfirmed(state);
  });
  const codeError = errors.code?.message
    ? errors.code.type === "server"
      ? errors.code.message
      : t("account.secondFactor.app.codeFormat", { context })
    : undefined;
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5" data-testid="authenticator-setup">
      <ol className="flex list-decimal flex-col gap-2 pl-6 text-base text-slate-800">
        <li>{t("account.secondFactor.app.stepInstall", { context })}</li>
        <li>{t("account.secondFactor.app.stepAdd", { context })}</li>
        <li>{t("account.secondFactor.app.stepCode", { context })}</li>
      </ol>
      <Button asChild variant="secondary" className="min-h-12 w-full text-base sm:w-auto sm:self-start">
        <a href={setup.otpauthUrl}>{t("account.secondFactor.app.open")}</a>
      </Button>
      <div className="flex flex-col gap-2">
        <p className="text-base font-semibold text-slate-900">{t("account.secondFactor.app.key")}</p>
        <p
          data-testid="totp-secret"
          className="flex flex-wrap gap-x-3 gap-y-1 rounded-lg bg-slate-100 px-4 py-3 font-mono text-lg tracking-wider text-slate-900"
        >
          {secretInBlocks(setup.secret).map((block, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of one key never move.
            <span key={index}>{block}</span>
          ))}
        </p>
        <p className="text-sm text-slate-600">{t("account.secondFactor.app.keyHint", { context })}</p>
      </div>
      {alert ? <Alert>{alert}</Alert> : null}
      <TextField
        label={t("account.secondFactor.app.code")}
        hint={t("account.secondFactor.app.codeHint", { context })}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        className="[&_input]:text-2xl [&_input]:tracking-widest"
        error={codeError}
        {...register("code")}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" busy={isSubmitting} className="min-h-12 w-full text-base sm:w-auto">
          {t("account.secondFactor.app.confirm")}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} className="min-h-12 w-full text-base sm:w-auto">
            {cancelLabel ?? t("account.secondFactor.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
