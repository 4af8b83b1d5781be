import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { StaffInvitationPreview } from "../../contracts/staff";
import { acceptStaffInvitation, peekStaffInvitation } from "../app/staff/staff-api";
import { setUiLanguage } from "../i18n/i18n";
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
import { PasswordField, TextField } from "../ui/text-field";
import { useDocumentTitle } from "../ui/use-document-title";

/** The token from `#token=…`; read once, before the address bar is cleaned. */
function readTokenFromFragment(): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  return fragment.get("token");
}

/** `/invite/staff#token=…`: joins a firm's staff from an invitation link. */
export function StaffInvitePage() {
  const { t } = useTranslation();
  const [token] = useState(readTokenFromFragment);
  useDocumentTitle(t("staffAdmin.acceptTitle"));

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
    queryKey: ["staff-invitation-preview", token],
    queryFn: ({ signal }) => peekStaffInvitation(token ?? "", signal),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  // The invited person reads the page in the language the firm chose for them.
  const invitedLanguage = preview.data?.language;
  useEffect(() => {
    if (invitedLanguage) setUiLanguage(invitedLanguage);
  }, [invitedLanguage]);

  return (
    <PublicLayout>
      {!token ? (
        <Gone title={t("staffAdmin.linkMissingTitle")} body={t("staffAdmin.linkMissingBody")} />
      ) : preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        preview.error instanceof ApiError && preview.error.status === 404 ? (
          <Gone title={t("staffAdmin.goneTitle")} body={preview.error.message} />
        ) : (
          <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
        )
      ) : (
        <AcceptForm token={token} preview={preview.data} />
      )}
    </PublicLayout>
  );
}

function Gone({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <Card className="flex flex-col gap-4">
      <PageHeading className="text-xl">{title}</PageHeading>
      <p className="text-slate-700">{body}</p>
      <Button asChild variant="secondary" className="self-start">
        <Link to="/app">{t("staffAdmin.toSignIn")}</Link>
      </Button>
    </Card>
  );
}

const acceptFormSchema = z.object({
  name: z.string().trim().min(2, "validation.tooShort"),
  password: z.string().min(1, "validation.required"),
});
type AcceptForm = z.infer<typeof acceptFormSchema>;
const newAccountSchema = acceptFormSchema.extend({
  password: z.string().min(8, "validation.passwordLength"),
});
const fields = ["name", "password"] as const;

function AcceptForm({ token, preview }: { token: string; preview: StaffInvitationPreview }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<string>();
  const existing = preview.existingAccount;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AcceptForm>({
    resolver: zodResolver(existing ? acceptFormSchema : newAccountSchema),
    defaultValues: { name: preview.name, password: "" },
  });

  const accept = useMutation({
    mutationFn: acceptStaffInvitation,
    onSuccess: async () => {
      // Signed in now: load the new `Me` before the staff area renders, and forget the used link.
      queryClient.removeQueries({ queryKey: ["staff-invitation-preview"] });
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      await navigate({ to: "/app", replace: true });
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      await accept.mutateAsync({
        token,
        password: values.password,
        ...(existing ? {} : { name: values.name }),
      });
    } catch (error) {
      const message = applyApiError(error, setError, fields);
      if (message) setAlert(message);
    }
  });

  const expires = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "long",
    timeStyle: "short",
  }).format(new Date(preview.expiresAt));

  return (
    <Card>
      <PageHeading>{t("staffAdmin.acceptTitle")}</PageHeading>
      <p className="mt-2 text-slate-700">
        {t("staffAdmin.acceptIntro", { firmName: preview.firmName, role: t(`roles.${preview.role}`) })}
      </p>
      <p className="mt-2 text-sm text-slate-600">{t("staffAdmin.acceptExpires", { date: expires })}</p>
      <form noValidate onSubmit={onSubmit} className="mt-6 flex flex-col gap-5">
        {alert ? <Alert>{alert}</Alert> : null}
        <TextField label={t("staffAdmin.email")} value={preview.email} readOnly autoComplete="username" />
        {existing ? (
          <Alert tone="info">{t("staffAdmin.acceptExistingHint")}</Alert>
        ) : (
          <TextField
            label={t("staffAdmin.acceptName")}
            autoComplete="name"
            error={fieldErrorText(t, errors.name)}
            {...register("name")}
          />
        )}
        <PasswordField
          label={existing ? t("staffAdmin.acceptExistingPassword") : t("staffAdmin.acceptPassword")}
          hint={existing ? undefined : t("staffAdmin.acceptPasswordHint")}
          autoComplete={existing ? "current-password" : "new-password"}
          error={fieldErrorText(t, errors.password)}
          {...register("password")}
        />
        <Button type="submit" busy={accept.isPending} className="w-full sm:w-auto sm:self-end">
          {accept.isPending ? t("staffAdmin.accepting") : t("staffAdmin.acceptSubmit")}
        </Button>
      </form>
    </Card>
  );
}
