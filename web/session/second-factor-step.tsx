import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { SecondFactorChallengeAnswer } from "../../contracts/session";
import { passkeyDialogClosed, passkeyRefusal, signInWithPasskey } from "../account/passkey-api";
import { Alert } from "../ui/alert";
import { ApiError, api } from "../ui/api";
import { Button } from "../ui/button";
import { applyApiError, fieldErrorText } from "../ui/form";
import { TextField } from "../ui/text-field";
import { meQuery } from "./session";

type Challenge = SecondFactorChallengeAnswer["secondFactor"];

const codeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "signIn.secondFactor.sixDigits"),
});
type CodeForm = z.infer<typeof codeSchema>;

/**
 * The sign-in's second step (PORTAL-1): the six digits from the SMS or the authenticator app, or one
 * of the account's passkeys ("Use my passkey", the only choice when the account has no code method).
 * A sign-in that ran out (expired, too many wrong tries) goes back to the password with the server's
 * message. `onSignedIn` runs once the session exists (the invitation page goes on from there).
 */
export function SecondFactorStep({
  challenge,
  onRestart,
  onSignedIn,
}: {
  challenge: Challenge;
  onRestart: (message: string) => void;
  onSignedIn?: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CodeForm>({ resolver: zodResolver(codeSchema), defaultValues: { code: "" } });
  const signedIn = async () => {
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    await onSignedIn?.();
  };
  const verify = useMutation({
    mutationFn: (body: CodeForm) => api<unknown>("/api/session/second-factor", { method: "POST", body }),
    onSuccess: signedIn,
  });
  const passkey = useMutation({ mutationFn: signInWithPasskey, onSuccess: signedIn });
  const onPasskey = async () => {
    setAlert(undefined);
    setNotice(undefined);
    try {
      await passkey.mutateAsync();
    } catch (error) {
      if (passkeyDialogClosed(error)) return setNotice(t("signIn.secondFactor.passkeyCancelled"));
      if (error instanceof ApiError && error.status === 404) return onRestart(error.message);
      setAlert(passkeyRefusal(error) ?? (error instanceof Error ? error.message : String(error)));
    }
  };
  const codeAsked = challenge.method !== "passkey";
  const resend = useMutation({
    mutationFn: () => api<Challenge>("/api/session/second-factor/resend", { method: "POST", body: {} }),
  });

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      await verify.mutateAsync(values);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return onRestart(error.message);
      setAlert(applyApiError(error, setError, ["code"]));
    }
  });
  const onResend = async () => {
    setAlert(undefined);
    try {
      const sent = await resend.mutateAsync();
      setNotice(t("signIn.secondFactor.resent", { phone: sent.phoneMasked ?? "" }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return onRestart(error.message);
      setAlert(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" data-testid="second-factor">
      <p className="text-base text-slate-800">
        {challenge.method === "sms"
          ? t("signIn.secondFactor.smsIntro", { phone: challenge.phoneMasked ?? "" })
          : challenge.method === "totp"
            ? t("signIn.secondFactor.appIntro")
            : t("signIn.secondFactor.passkeyIntro")}
      </p>
      {alert ? <Alert>{alert}</Alert> : null}
      {notice ? (
        <p className="text-base text-slate-700" role="status">
          {notice}
        </p>
      ) : null}
      {challenge.passkey ? (
        <Button
          type="button"
          variant={codeAsked ? "secondary" : "primary"}
          busy={passkey.isPending}
          onClick={onPasskey}
          className="w-full"
        >
          {t("signIn.secondFactor.usePasskey")}
        </Button>
      ) : null}
      {codeAsked ? (
        <>
          <TextField
            label={t("signIn.secondFactor.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            className="[&_input]:text-2xl [&_input]:tracking-widest"
            error={fieldErrorText(t, errors.code)}
            {...register("code")}
          />
          <Button type="submit" busy={verify.isPending} className="w-full">
            {t("signIn.secondFactor.submit")}
          </Button>
          {challenge.method === "sms" ? (
            <Button type="button" variant="secondary" busy={resend.isPending} onClick={onResend}>
              {t("signIn.secondFactor.resend")}
            </Button>
          ) : null}
        </>
      ) : null}
    </form>
  );
}
