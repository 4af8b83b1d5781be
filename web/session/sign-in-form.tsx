import { zodResolver } from "@hookform/resolvers/zod";
import { Link, useLocation } from "@tanstack/react-router";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { SecondFactorChallengeAnswer } from "../../contracts/session";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { applyApiError, fieldErrorText } from "../ui/form";
import { PasswordField, TextField } from "../ui/text-field";
import { SecondFactorStep } from "./second-factor-step";
import { useSignIn } from "./session";

// Messages are catalog keys so they follow a language switch while shown.
const signInFormSchema = z.object({
  email: z.string().trim().min(1, "validation.required").pipe(z.email("validation.email")),
  password: z.string().min(1, "validation.required"),
});
type SignInForm = z.infer<typeof signInFormSchema>;
const fields = ["email", "password"] as const;

/** Email + password sign-in for staff and clients; the caller re-renders once `Me` is loaded. */
export function SignInForm() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  // The reset page's "back to sign-in" returns to this form's area (staff workspace or portal).
  const fromStaffArea = useLocation({ select: (location) => location.pathname.startsWith("/app") });
  const [alert, setAlert] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SignInForm>({
    resolver: zodResolver(signInFormSchema),
    defaultValues: { email: "", password: "" },
  });

  const [challenge, setChallenge] = useState<SecondFactorChallengeAnswer["secondFactor"]>();
  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      const result = await signIn.mutateAsync(values);
      if (result && typeof result === "object" && "secondFactor" in result) setChallenge(result.secondFactor);
    } catch (error) {
      setAlert(applyApiError(error, setError, fields));
    }
  });

  if (challenge)
    return (
      <SecondFactorStep
        challenge={challenge}
        onRestart={(message) => {
          setChallenge(undefined);
          setAlert(message);
        }}
      />
    );

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      <TextField
        label={t("signIn.email")}
        type="email"
        autoComplete="username"
        inputMode="email"
        error={fieldErrorText(t, errors.email)}
        {...register("email")}
      />
      <PasswordField
        label={t("signIn.password")}
        autoComplete="current-password"
        error={fieldErrorText(t, errors.password)}
        {...register("password")}
      />
      <Button type="submit" busy={signIn.isPending} className="w-full">
        {signIn.isPending ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
      <Link
        to="/forgot-password"
        search={{ from: fromStaffArea ? "app" : "portal" }}
        className="self-center rounded text-base font-medium text-brand-700 underline underline-offset-2"
      >
        {t("account.forgot.link")}
      </Link>
    </form>
  );
}
