import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { ClientInvitationPreview } from "../../contracts/invitations";
import type { UpdateMe } from "../../contracts/session";
import { currentLanguage } from "../i18n/i18n";
import { meQuery, useSignOut } from "../session/session";
import { Alert } from "../ui/alert";
import { ApiError, api } from "../ui/api";
import { Button } from "../ui/button";
import { applyApiError, fieldErrorText } from "../ui/form";
import { PasswordField, TextField } from "../ui/text-field";
import { acceptClientInvitation } from "./client-invite-api";
import type { InvitedPerson } from "./client-invite-person";
import { ClientInviteSignInStep, type SecondFactorAsked } from "./client-invite-protect";

interface Values {
  name: string;
  email: string;
  password: string;
}
const fields = ["name", "email", "password"] as const;

/** Mirrors the server's rules so most mistakes show at once; messages are catalog keys. */
function schemaFor(preview: ClientInvitationPreview) {
  const existing = preview.existingAccount;
  return z.object({
    name: existing ? z.string() : z.string().trim().min(2, "validation.tooShort"),
    email:
      preview.email === null
        ? z.string().trim().min(1, "validation.required").pipe(z.email("validation.email"))
        : z.string(),
    password: existing
      ? z.string().min(1, "validation.required")
      : z.string().min(8, "validation.passwordLength"),
  });
}

// Large, calm controls for every reader: bigger text in fields, labels and hints; tall tap targets.
const largeControls =
  "[&_input]:min-h-12 [&_input]:text-lg [&_label]:text-base [&_label]:font-semibold [&_p]:text-base";

/**
 * The registration form: name (prefilled) and a password with its rules in words, the email only
 * when the invitation has none; for an email that already has an account, that account's password.
 * Field errors land under their field; another account signed in here gets its message and a
 * "Sign out" button. On success the person is signed in, and `onAccepted` takes over (the button stays
 * busy until it settles): the mobile number step, or the portal.
 */
export function ClientInviteForm({
  token,
  preview,
  person,
  onAccepted,
}: {
  token: string;
  preview: ClientInvitationPreview;
  /** Over a shared address, the person chosen before (PORTAL-1): their name, and the access linked to them. */
  person?: InvitedPerson;
  /** Gets the password just typed, for the sign-in protection step only (kept in memory, never stored). */
  onAccepted: (password: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const headingId = useId();
  const [alert, setAlert] = useState<string>();
  const [otherAccount, setOtherAccount] = useState<string>();
  const [signedOut, setSignedOut] = useState(false);
  // An existing account with a second factor: asked for it on the sign-in challenge (SEC-8).
  const [challenge, setChallenge] = useState<{ factor: SecondFactorAsked; password: string }>();
  const existing = preview.existingAccount;
  const context = preview.salutation;
  const firm = preview.firm.name;
  const schema = useMemo(() => schemaFor(preview), [preview]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: person?.name ?? preview.name, email: "", password: "" },
  });

  const accept = useMutation({
    mutationFn: acceptClientInvitation,
    onSuccess: async (accepted, body) => {
      if (accepted.secondFactor)
        return setChallenge({ factor: accepted.secondFactor, password: body.password });
      // A new account starts in the language the page was read in (the person may have switched).
      const language = currentLanguage();
      if (accepted.newAccount && language !== preview.language) {
        await api<unknown>("/api/me", { method: "PATCH", body: { language } satisfies UpdateMe }).catch(
          () => undefined,
        );
      }
      // Signed in now: load the new `Me` before what follows renders (the phone step, then the portal).
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      await onAccepted(body.password);
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    setOtherAccount(undefined);
    setSignedOut(false);
    try {
      await accept.mutateAsync({
        token,
        password: values.password,
        ...(existing ? {} : { name: values.name.trim() }),
        ...(preview.email === null ? { email: values.email.trim().toLowerCase() } : {}),
        ...(person ? { personId: person.id } : {}),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        setOtherAccount(error.message);
        return;
      }
      const message = applyApiError(error, setError, fields);
      if (message) setAlert(message);
    }
  });

  const leaveOtherAccount = async () => {
    try {
      await signOut.mutateAsync();
      setOtherAccount(undefined);
      setSignedOut(true);
    } catch (error) {
      setAlert(error instanceof ApiError ? error.message : t("errors.unexpected"));
    }
  };

  if (challenge)
    return (
      <ClientInviteSignInStep
        challenge={challenge.factor}
        onSignedIn={() => onAccepted(challenge.password)}
      />
    );

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} className="text-2xl font-semibold text-slate-900">
        {existing
          ? t("invite.client.existingTitle", { context })
          : t("invite.client.setUpTitle", { context })}
      </h2>
      {existing ? (
        <p>{t("invite.client.existingBody", { context, email: preview.email ?? "", firm })}</p>
      ) : (
        <p>{t("invite.client.setUpIntro", { context })}</p>
      )}
      <form noValidate onSubmit={onSubmit} className={`flex flex-col gap-6 ${largeControls}`}>
        {alert ? <Alert>{alert}</Alert> : null}
        {otherAccount ? (
          <Alert>
            <div className="flex flex-col gap-3">
              <span>{otherAccount}</span>
              <Button
                variant="secondary"
                className="min-h-12! self-start text-base!"
                busy={signOut.isPending}
                onClick={() => void leaveOtherAccount()}
              >
                {t("invite.client.signOut")}
              </Button>
            </div>
          </Alert>
        ) : null}
        {signedOut ? <Alert tone="info">{t("invite.client.signedOut", { context })}</Alert> : null}
        {existing ? null : (
          <TextField
            label={t("invite.client.name", { context })}
            autoComplete="name"
            error={fieldErrorText(t, errors.name)}
            {...register("name")}
          />
        )}
        {preview.email === null ? (
          <TextField
            label={t("invite.client.email", { context })}
            hint={t("invite.client.emailHint", { context })}
            type="email"
            inputMode="email"
            autoComplete="email"
            error={fieldErrorText(t, errors.email)}
            {...register("email")}
          />
        ) : (
          <div className="flex flex-col gap-1">
            {existing ? null : (
              <>
                <p className="text-slate-700">{t("invite.client.signInWith", { context })}</p>
                <p className="font-semibold break-all text-slate-900">{preview.email}</p>
              </>
            )}
            {/* For password managers: the account's name, beside the password. */}
            <input
              type="email"
              value={preview.email}
              autoComplete="username"
              readOnly
              tabIndex={-1}
              aria-hidden="true"
              className="sr-only"
            />
          </div>
        )}
        <PasswordField
          label={existing ? t("invite.client.existingPassword", { context }) : t("invite.client.password")}
          hint={existing ? undefined : t("invite.client.passwordRules", { context })}
          autoComplete={existing ? "current-password" : "new-password"}
          error={fieldErrorText(t, errors.password)}
          {...register("password")}
        />
        {existing ? null : (
          <p className="text-slate-700">{t("invite.client.passwordPrivate", { context, firm })}</p>
        )}
        <Button type="submit" busy={accept.isPending} className="min-h-12! w-full text-lg!">
          {accept.isPending
            ? existing
              ? t("invite.client.existingSubmitting")
              : t("invite.client.submitting")
            : existing
              ? t("invite.client.existingSubmit")
              : t("invite.client.submit")}
        </Button>
      </form>
    </section>
  );
}
