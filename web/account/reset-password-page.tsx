import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { meQuery } from "../session/session";
import { Alert } from "../ui/alert";
import { ApiError } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { applyApiError, fieldErrorText } from "../ui/form";
import { LoadError } from "../ui/load-error";
import { Loading } from "../ui/loading";
import { PageHeading } from "../ui/page-heading";
import { PublicLayout } from "../ui/public-layout";
import { PasswordField } from "../ui/text-field";
import { useDocumentTitle } from "../ui/use-document-title";
import { completePasswordReset, type PasswordResetPreview, peekPasswordReset } from "./account-api";

/** The token from `#token=…`; read once, before the address bar is cleaned. */
function readTokenFromFragment(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token");
}

const linkClass = "rounded font-medium text-brand-700 underline underline-offset-2";

/** `/reset-password#token=…`: chooses a new password from an emailed link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(readTokenFromFragment);
  // Set once the token is used or found dead while submitting: the page then says so.
  const [outcome, setOutcome] = useState<"done" | { gone: string } | null>(null);
  useDocumentTitle(t("account.reset.title"));

  // SEC-6: the token leaves the address bar at once, so it is neither bookmarked nor shared by accident.
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(
        window.history.state,
        "",
        window.location.pathname + window.location.search,
      );
    }
  }, []);

  const preview = useQuery({
    queryKey: ["password-reset-preview", token],
    queryFn: ({ signal }) => peekPasswordReset(token ?? "", signal),
    enabled: Boolean(token) && outcome === null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  let content: ReactNode;
  if (outcome === "done") content = <Done />;
  else if (outcome) content = <Gone title={t("account.reset.goneTitle")} body={outcome.gone} />;
  else if (!token)
    content = <Gone title={t("account.reset.missingTitle")} body={t("account.reset.missingBody")} />;
  else if (preview.isPending) content = <Loading />;
  else if (preview.isError)
    content =
      preview.error instanceof ApiError && preview.error.status === 404 ? (
        <Gone title={t("account.reset.goneTitle")} body={preview.error.message} />
      ) : (
        <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
      );
  else
    content = (
      <ResetForm
        token={token}
        preview={preview.data}
        onDone={() => setOutcome("done")}
        onGone={(message) => setOutcome({ gone: message })}
      />
    );
  return <PublicLayout>{content}</PublicLayout>;
}

function Gone({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <Card className="flex flex-col gap-4">
      <PageHeading className="text-xl">{title}</PageHeading>
      <p className="text-lg leading-relaxed text-slate-800">{body}</p>
      <Button asChild className="self-start">
        <Link to="/forgot-password">{t("account.reset.newLink")}</Link>
      </Button>
    </Card>
  );
}

function Done() {
  const { t } = useTranslation();
  return (
    <Card className="flex flex-col gap-4">
      <PageHeading className="text-xl">{t("account.reset.doneTitle")}</PageHeading>
      <Alert tone="success">
        <p className="text-lg">{t("account.reset.done")}</p>
      </Alert>
      <p className="text-lg leading-relaxed text-slate-800">{t("account.reset.doneSessions")}</p>
      <Button asChild className="w-full sm:w-auto sm:self-start">
        <Link to="/portal">{t("account.reset.signIn")}</Link>
      </Button>
      <Link to="/app" className={`self-start ${linkClass}`}>
        {t("account.reset.staffSignIn")}
      </Link>
    </Card>
  );
}

const resetSchema = z.object({ password: z.string().min(8, "validation.passwordLength") });
type ResetForm = z.infer<typeof resetSchema>;
const fields = ["password"] as const;

function ResetForm({
  token,
  preview,
  onDone,
  onGone,
}: {
  token: string;
  preview: PasswordResetPreview;
  onDone: () => void;
  onGone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string>();
  const complete = useMutation({ mutationFn: completePasswordReset });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ResetForm>({ resolver: zodResolver(resetSchema), defaultValues: { password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      await complete.mutateAsync({ token, password: values.password });
      // Every session of the account ended: forget whoever this browser knew as signed in.
      queryClient.removeQueries({ queryKey: ["password-reset-preview"] });
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) onGone(error.message);
      else setAlert(applyApiError(error, setError, fields));
    }
  });

  const expires = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "long",
    timeStyle: "short",
  }).format(new Date(preview.expiresAt));

  return (
    <Card>
      <PageHeading>{t("account.reset.title")}</PageHeading>
      <p className="mt-3 text-lg text-slate-800">{t("account.reset.forAccount", { email: preview.email })}</p>
      <p className="mt-1 text-base text-slate-700">{t("account.reset.expires", { date: expires })}</p>
      <form noValidate onSubmit={onSubmit} className="mt-6 flex flex-col gap-5">
        {alert ? <Alert>{alert}</Alert> : null}
        <PasswordField
          label={t("account.reset.password")}
          hint={t("account.reset.policy")}
          autoComplete="new-password"
          error={fieldErrorText(t, errors.password)}
          {...register("password")}
        />
        <Button type="submit" busy={complete.isPending} className="w-full sm:w-auto sm:self-end">
          {complete.isPending ? t("account.reset.submitting") : t("account.reset.submit")}
        </Button>
      </form>
    </Card>
  );
}
