import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Passkey } from "../../contracts/passkeys";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { applyApiError, fieldErrorText } from "../ui/form";
import { QueryView } from "../ui/query-view";
import { PasswordField, TextField } from "../ui/text-field";
import {
  addPasskey,
  passkeyDialogClosed,
  passkeyRefusal,
  passkeysKey,
  passkeysQuery,
  passkeysSupported,
  removePasskey,
  suggestedPasskeyName,
} from "./passkey-api";
import { secondFactorKey } from "./second-factor-api";
import { SecondFactorPasswordForm } from "./second-factor-password";

type Editing = "add" | { remove: Passkey } | null;

/**
 * The account page's passkeys (PORTAL-1): each passkey by name with when it was added and last used,
 * "Add a passkey" (a name and the password, then the browser's own dialog) and "Remove" (the
 * password). A passkey completes a sign-in instead of a code.
 */
export function PasskeysSection() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const passkeys = useQuery(passkeysQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<"added" | "removed" | null>(null);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium" }).format(new Date(iso));
  const changed = async (what: "added" | "removed") => {
    await queryClient.invalidateQueries({ queryKey: passkeysKey });
    // The sign-in protection's summary counts the passkeys too.
    await queryClient.invalidateQueries({ queryKey: secondFactorKey });
    setEditing(null);
    setSaved(what);
  };

  return (
    <Card role="region" aria-labelledby={headingId} className="flex flex-col gap-4" data-testid="passkeys">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t("account.passkeys.title")}
      </h2>
      <p className="text-base text-slate-700">{t("account.passkeys.intro")}</p>
      {saved ? (
        <Alert tone="success">
          <p className="text-base">{t(`account.passkeys.saved.${saved}`)}</p>
        </Alert>
      ) : null}
      <QueryView query={passkeys} heading="h2">
        {(list) => (
          <>
            {list.length === 0 ? (
              <p className="text-base text-slate-800">{t("account.passkeys.none")}</p>
            ) : (
              <ul className="flex flex-col divide-y divide-slate-200">
                {list.map((passkey) => (
                  <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <span className="min-w-0">
                      <span className="block font-semibold break-words text-slate-900">{passkey.name}</span>
                      <span className="block text-sm text-slate-600">
                        {passkey.lastUsedAt
                          ? t("account.passkeys.addedUsed", {
                              added: date(passkey.createdAt),
                              used: date(passkey.lastUsedAt),
                            })
                          : t("account.passkeys.addedOn", { added: date(passkey.createdAt) })}
                      </span>
                    </span>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setSaved(null);
                        setEditing({ remove: passkey });
                      }}
                    >
                      {t("account.passkeys.remove")}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            {editing === "add" ? (
              <AddPasskeyForm onAdded={() => changed("added")} onCancel={() => setEditing(null)} />
            ) : editing ? (
              <SecondFactorPasswordForm
                intro={t("account.passkeys.removeIntro", { name: editing.remove.name })}
                submitLabel={t("account.passkeys.removeConfirm")}
                onSubmit={async (password) => {
                  queryClient.setQueryData(passkeysKey, await removePasskey(editing.remove.id, password));
                  await changed("removed");
                }}
                onCancel={() => setEditing(null)}
              />
            ) : passkeysSupported() ? (
              <Button
                variant={list.length === 0 ? "primary" : "secondary"}
                onClick={() => {
                  setSaved(null);
                  setEditing("add");
                }}
                className="w-full sm:w-auto sm:self-start"
              >
                {t("account.passkeys.add")}
              </Button>
            ) : (
              <p className="text-sm text-slate-600">{t("account.passkeys.unsupported")}</p>
            )}
          </>
        )}
      </QueryView>
    </Card>
  );
}

const addSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(60, "account.passkeys.nameTooLong"),
  password: z.string().min(1, "validation.required"),
});
type AddValues = z.infer<typeof addSchema>;

/** A name for the passkey and the password; then the browser asks to create the passkey (account page, portal gate). */
export function AddPasskeyForm({
  onAdded,
  onCancel,
}: {
  onAdded: () => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<{ tone: "error" | "info"; text: string }>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AddValues>({
    resolver: zodResolver(addSchema),
    defaultValues: { name: suggestedPasskeyName(), password: "" },
  });
  const submit = handleSubmit(async ({ name, password }) => {
    setAlert(undefined);
    try {
      await addPasskey(password, name.trim());
      await onAdded();
    } catch (error) {
      if (passkeyDialogClosed(error))
        return setAlert({ tone: "info", text: t("account.passkeys.cancelled") });
      const message = passkeyRefusal(error) ?? applyApiError(error, setError, ["name", "password"]);
      if (message) setAlert({ tone: "error", text: message });
    }
  });
  return (
    <form
      noValidate
      onSubmit={submit}
      className="flex flex-col gap-4 border-t border-slate-200 pt-4"
      data-testid="passkey-add"
    >
      <p className="text-base text-slate-700">{t("account.passkeys.addIntro")}</p>
      {alert ? <Alert tone={alert.tone}>{alert.text}</Alert> : null}
      <TextField
        label={t("account.passkeys.name")}
        hint={t("account.passkeys.nameHint")}
        autoComplete="off"
        error={fieldErrorText(t, errors.name)}
        {...register("name")}
      />
      <PasswordField
        label={t("account.secondFactor.password")}
        autoComplete="current-password"
        error={fieldErrorText(t, errors.password)}
        {...register("password")}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" busy={isSubmitting} className="w-full sm:w-auto">
          {t("account.passkeys.create")}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} className="w-full sm:w-auto">
            {t("account.secondFactor.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
