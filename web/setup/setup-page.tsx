import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { languageSchema, languages } from "../../contracts/common";
import type { SetupRequest } from "../../contracts/setup";
import { languageNames } from "../i18n/i18n";
import { useUiLanguage } from "../i18n/use-ui-language";
import { meQuery } from "../session/session";
import { Alert } from "../ui/alert";
import { ApiError } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { applyApiError, fieldErrorText } from "../ui/form";
import { PageHeading } from "../ui/page-heading";
import { PublicLayout } from "../ui/public-layout";
import { Select } from "../ui/select";
import { PasswordField, TextField } from "../ui/text-field";
import { useDocumentTitle } from "../ui/use-document-title";
import { setupStatusQuery, submitSetup } from "./setup-api";

// Mirrors the server's rules so most mistakes show before a round trip; messages are catalog keys.
const setupFormSchema = z.object({
  firmName: z.string().trim().min(2, "validation.tooShort"),
  language: languageSchema,
  adminName: z.string().trim().min(2, "validation.tooShort"),
  adminEmail: z.string().trim().min(1, "validation.required").pipe(z.email("validation.email")),
  password: z.string().min(8, "validation.passwordLength"),
});
const fields = ["firmName", "language", "adminName", "adminEmail", "password"] as const;

/** First-run setup: creates the firm and its first admin, signs the admin in and opens the staff area. */
export function SetupPage() {
  const { t } = useTranslation();
  const uiLanguage = useUiLanguage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<{ message: string; alreadyDone: boolean }>();
  useDocumentTitle(t("setup.title"));

  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, dirtyFields },
  } = useForm<SetupRequest>({
    resolver: zodResolver(setupFormSchema),
    defaultValues: { firmName: "", language: uiLanguage, adminName: "", adminEmail: "", password: "" },
  });

  // Until the firm language is chosen explicitly, it follows the language the person reads in.
  useEffect(() => {
    if (!dirtyFields.language) setValue("language", uiLanguage);
  }, [uiLanguage, dirtyFields.language, setValue]);

  const setup = useMutation({
    mutationFn: submitSetup,
    onSuccess: async () => {
      queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false });
      // The admin is now signed in: load the new `Me` before the staff area renders.
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      await navigate({ to: "/app" });
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      await setup.mutateAsync(values);
    } catch (error) {
      const alreadyDone = error instanceof ApiError && error.code === "conflict";
      if (alreadyDone) queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false });
      const message = applyApiError(error, setError, fields);
      if (message) setAlert({ message, alreadyDone });
    }
  });

  return (
    <PublicLayout wide>
      <Card>
        <PageHeading>{t("setup.title")}</PageHeading>
        <p className="mt-2 text-slate-700">{t("setup.intro")}</p>

        <form noValidate onSubmit={onSubmit} className="mt-6 flex flex-col gap-8">
          {alert ? (
            <Alert>
              <p>{alert.message}</p>
              {alert.alreadyDone ? (
                <Link to="/app" className="mt-2 inline-block font-medium underline underline-offset-2">
                  {t("setup.toSignIn")}
                </Link>
              ) : null}
            </Alert>
          ) : null}

          <fieldset className="flex flex-col gap-5">
            <legend className="mb-4 text-base font-semibold text-slate-900">{t("setup.firmSection")}</legend>
            <TextField
              label={t("setup.firmName")}
              autoComplete="organization"
              error={fieldErrorText(t, errors.firmName)}
              {...register("firmName")}
            />
            <Select
              label={t("setup.firmLanguage")}
              hint={t("setup.firmLanguageHint")}
              error={fieldErrorText(t, errors.language)}
              {...register("language")}
            >
              {languages.map((language) => (
                <option key={language} value={language} lang={language}>
                  {languageNames[language]}
                </option>
              ))}
            </Select>
          </fieldset>

          <fieldset className="flex flex-col gap-5">
            <legend className="mb-4 text-base font-semibold text-slate-900">{t("setup.adminSection")}</legend>
            <TextField
              label={t("setup.adminName")}
              autoComplete="name"
              error={fieldErrorText(t, errors.adminName)}
              {...register("adminName")}
            />
            <TextField
              label={t("setup.adminEmail")}
              type="email"
              inputMode="email"
              autoComplete="username"
              error={fieldErrorText(t, errors.adminEmail)}
              {...register("adminEmail")}
            />
            <PasswordField
              label={t("setup.password")}
              hint={t("setup.passwordHint")}
              autoComplete="new-password"
              error={fieldErrorText(t, errors.password)}
              {...register("password")}
            />
          </fieldset>

          <Button type="submit" busy={setup.isPending} className="w-full sm:w-auto sm:self-end">
            {setup.isPending ? t("setup.submitting") : t("setup.submit")}
          </Button>
        </form>
      </Card>
    </PublicLayout>
  );
}
