import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { languageSchema, languages } from "../../../contracts/common";
import type { FirmProfile } from "../../../contracts/settings";
import { languageNames } from "../../i18n/i18n";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { applyApiError, fieldErrorText } from "../../ui/form";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { ColorField } from "./color-field";
import { FirmLogoCard } from "./firm-logo-card";
import { PublicCodeCard } from "./public-code-card";
import { firmProfileQuery, useFirmProfileMutations } from "./settings-api";

// Mirrors the server's rules so most mistakes show before a round trip; messages are catalog keys.
const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, "settings.profile.colorInvalid");
const profileFormSchema = z.object({
  name: z.string().trim().min(2, "validation.tooShort"),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "settings.profile.countryInvalid"),
  phone: z.string(),
  email: z
    .string()
    .trim()
    .pipe(z.union([z.literal(""), z.email("validation.email")])),
  website: z.string(),
  primaryColor: hex,
  accentColor: hex,
  defaultLanguage: languageSchema,
});
type ProfileForm = z.infer<typeof profileFormSchema>;
const fields = Object.keys(profileFormSchema.shape) as (keyof ProfileForm)[];

function toForm(profile: FirmProfile): ProfileForm {
  return {
    name: profile.name,
    street: profile.street ?? "",
    postalCode: profile.postalCode ?? "",
    city: profile.city ?? "",
    country: profile.country,
    phone: profile.phone ?? "",
    email: profile.email ?? "",
    website: profile.website ?? "",
    primaryColor: profile.primaryColor,
    accentColor: profile.accentColor,
    defaultLanguage: profile.defaultLanguage,
  };
}

/** `/app/settings/profile`: the firm's profile, logo and public code (FIRM-1). */
export function FirmProfilePage() {
  const profile = useQuery(firmProfileQuery);
  if (profile.isPending) return <Loading />;
  if (profile.isError) {
    return <LoadError heading="h2" error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <ProfileFormCard profile={profile.data} />
      <div className="flex flex-col gap-6">
        <FirmLogoCard profile={profile.data} />
        <PublicCodeCard publicCode={profile.data.publicCode} />
      </div>
    </div>
  );
}

function ProfileFormCard({ profile }: { profile: FirmProfile }) {
  const { t } = useTranslation();
  const { update } = useFirmProfileMutations();
  const [alert, setAlert] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<ProfileForm>({ resolver: zodResolver(profileFormSchema), defaultValues: toForm(profile) });

  // After saving, show what the server stored (E.164 phone, lower-case email, full web address).
  useEffect(() => reset(toForm(profile)), [profile, reset]);

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    setSaved(false);
    try {
      await update.mutateAsync(values);
      setSaved(true);
    } catch (error) {
      setAlert(applyApiError(error, setError, fields));
    }
  });

  const text = (name: keyof ProfileForm, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={t(`settings.profile.${name}` as never)}
      error={fieldErrorText(t, errors[name])}
      {...extra}
      {...register(name)}
    />
  );

  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">{t("settings.profile.title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("settings.profile.intro")}</p>
      <form noValidate onSubmit={onSubmit} className="mt-6 flex flex-col gap-6">
        {alert ? <Alert>{alert}</Alert> : null}
        {saved && !isDirty ? <Alert tone="success">{t("settings.saved")}</Alert> : null}
        {text("name", { autoComplete: "organization" })}
        <fieldset className="grid gap-4 sm:grid-cols-6">
          <legend className="mb-3 text-sm font-semibold text-slate-900">
            {t("settings.profile.address")}
          </legend>
          {text("street", { autoComplete: "street-address", className: "sm:col-span-6" })}
          {text("postalCode", { autoComplete: "postal-code", className: "sm:col-span-2" })}
          {text("city", { autoComplete: "address-level2", className: "sm:col-span-2" })}
          {text("country", {
            autoComplete: "country",
            maxLength: 2,
            hint: t("settings.profile.countryHint"),
            className: "sm:col-span-2",
          })}
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-3 text-sm font-semibold text-slate-900">
            {t("settings.profile.contact")}
          </legend>
          {text("phone", { type: "tel", autoComplete: "tel", hint: t("settings.profile.phoneHint") })}
          {text("email", { type: "email", inputMode: "email", autoComplete: "email" })}
          {text("website", { type: "url", inputMode: "url", className: "sm:col-span-2" })}
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-3 text-sm font-semibold text-slate-900">
            {t("settings.profile.branding")}
          </legend>
          {(["primaryColor", "accentColor"] as const).map((name) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => (
                <ColorField
                  name={field.name}
                  label={t(`settings.profile.${name}`)}
                  pickerLabel={t(`settings.profile.${name}Picker`)}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldErrorText(t, errors[name])}
                />
              )}
            />
          ))}
          <Select
            label={t("settings.profile.defaultLanguage")}
            hint={t("settings.profile.defaultLanguageHint")}
            error={fieldErrorText(t, errors.defaultLanguage)}
            {...register("defaultLanguage")}
          >
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {languageNames[language]}
              </option>
            ))}
          </Select>
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" busy={update.isPending}>
            {update.isPending ? t("settings.saving") : t("settings.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
