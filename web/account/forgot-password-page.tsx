import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { applyApiError, fieldErrorText } from "../ui/form";
import { PageHeading } from "../ui/page-heading";
import { PublicLayout } from "../ui/public-layout";
import { TextField } from "../ui/text-field";
import { useDocumentTitle } from "../ui/use-document-title";
import { requestPasswordReset } from "./account-api";
import { signInPath } from "./sign-in-area";

// Read through the route id, not the route object: routes.ts imports this page.
const route = getRouteApi("/forgot-password");

// Messages are catalog keys so they follow a language switch while shown.
const forgotSchema = z.object({
  email: z.string().trim().min(1, "validation.required").pipe(z.email("validation.email")),
});
type ForgotForm = z.infer<typeof forgotSchema>;
const fields = ["email"] as const;

/** `/forgot-password`: asks for a reset link; the confirmation never says whether the address is known (SEC-3). */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { from } = route.useSearch();
  const [sent, setSent] = useState(false);
  useDocumentTitle(t("account.forgot.title"));

  return (
    <PublicLayout>
      <Card className="flex flex-col gap-4 text-base">
        <PageHeading>{sent ? t("account.forgot.sentTitle") : t("account.forgot.title")}</PageHeading>
        {sent ? (
          <>
            <p className="text-lg leading-relaxed text-slate-800">{t("account.forgot.sent")}</p>
            <Button variant="secondary" className="self-start" onClick={() => setSent(false)}>
              {t("account.forgot.again")}
            </Button>
          </>
        ) : (
          <ForgotForm onSent={() => setSent(true)} />
        )}
        <Link
          to={signInPath(from)}
          className="self-start rounded font-medium text-brand-700 underline underline-offset-2"
        >
          {t("account.forgot.backToSignIn")}
        </Link>
      </Card>
    </PublicLayout>
  );
}

function ForgotForm({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string>();
  const send = useMutation({ mutationFn: requestPasswordReset });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ForgotForm>({ resolver: zodResolver(forgotSchema), defaultValues: { email: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      await send.mutateAsync(values.email);
      onSent();
    } catch (error) {
      // A rate limit (429) or a network failure: the server's translated words in the alert.
      setAlert(applyApiError(error, setError, fields));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      <p className="text-lg leading-relaxed text-slate-800">{t("account.forgot.intro")}</p>
      {alert ? <Alert>{alert}</Alert> : null}
      <TextField
        label={t("account.forgot.email")}
        type="email"
        autoComplete="username"
        inputMode="email"
        error={fieldErrorText(t, errors.email)}
        {...register("email")}
      />
      <Button type="submit" busy={send.isPending} className="w-full">
        {send.isPending ? t("account.forgot.submitting") : t("account.forgot.submit")}
      </Button>
    </form>
  );
}
