import { type ChangeEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FirmProfile, LOGO_MAX_BYTES } from "../../../contracts/settings";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { Field } from "../../ui/field";
import { useFirmProfileMutations } from "./settings-api";

/** The firm's logo: shown as stored, replaced by choosing a file (uploaded at once), or removed. */
export function FirmLogoCard({ profile }: { profile: FirmProfile }) {
  const { t } = useTranslation();
  const { uploadLogo, removeLogo } = useFirmProfileMutations();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [alert, setAlert] = useState<string>();

  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    setError(undefined);
    setAlert(undefined);
    if (!file) return;
    // The server decides from the content; this only spares a pointless upload of a huge file.
    if (file.size > LOGO_MAX_BYTES) {
      setError(t("settings.logo.tooLarge"));
      return;
    }
    try {
      await uploadLogo.mutateAsync(file);
    } catch (cause) {
      const fieldError =
        cause instanceof ApiError ? cause.fieldErrors.find((f) => f.field === "file") : undefined;
      if (fieldError) setError(fieldError.message);
      else setAlert(errorMessage(cause));
      input.current?.focus();
    }
  };

  const onRemove = async () => {
    setError(undefined);
    setAlert(undefined);
    try {
      await removeLogo.mutateAsync();
    } catch (cause) {
      setAlert(errorMessage(cause));
    }
  };

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold text-slate-900">{t("settings.logo.title")}</h2>
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="flex min-h-24 items-center justify-center rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4">
        {profile.logoUrl ? (
          <img
            src={profile.logoUrl}
            alt={t("settings.logo.alt", { name: profile.name })}
            className="max-h-20 max-w-full object-contain"
          />
        ) : (
          <p className="text-sm text-slate-600">{t("settings.logo.none")}</p>
        )}
      </div>
      <Field label={t("settings.logo.choose")} hint={t("settings.logo.hint")} error={error}>
        {(control) => (
          <input
            {...control}
            ref={input}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            disabled={uploadLogo.isPending}
            onChange={(event) => void onChoose(event)}
            className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
          />
        )}
      </Field>
      {uploadLogo.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          {t("settings.logo.uploading")}
        </p>
      ) : null}
      {profile.logoUrl ? (
        <Button
          variant="secondary"
          className="self-start"
          busy={removeLogo.isPending}
          onClick={() => void onRemove()}
        >
          {t("settings.logo.remove")}
        </Button>
      ) : null}
    </Card>
  );
}
