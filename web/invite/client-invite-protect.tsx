import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClientInvitationPreview } from "../../contracts/invitations";
import type { TotpSetup } from "../../contracts/second-factor";
import type { SecondFactorChallengeAnswer } from "../../contracts/session";
import { AuthenticatorSetup } from "../account/authenticator-setup";
import {
  addPasskey,
  passkeyDialogClosed,
  passkeyRefusal,
  passkeysKey,
  passkeysSupported,
  suggestedPasskeyName,
} from "../account/passkey-api";
import {
  secondFactorKey,
  secondFactorQuery,
  startAuthenticatorApp,
  switchToSmsCodes,
} from "../account/second-factor-api";
import { SecondFactorStep } from "../session/second-factor-step";
import { meQuery } from "../session/session";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { PageHeading } from "../ui/page-heading";

/**
 * Registration, step 3 (PORTAL-1, FIRM-3: the firm asks for a second factor): "Protect your sign-in".
 * What the firm accepts is offered: with "any", the main choice is one button — a code by SMS at each
 * sign-in, to the number just confirmed — with "Use an authenticator app instead" (the same app flow
 * as on the account page) and "Use a passkey instead" beside it; "sms", "totp" or "passkey" offer that
 * kind alone. All use the password typed in the registration form, held in memory by the page for this
 * step only.
 */
export function ClientInviteProtectStep({
  preview,
  password,
  onDone,
}: {
  preview: ClientInvitationPreview;
  password: string;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const context = preview.salutation;
  const policy = preview.secondFactorPolicy;
  const appOnly = policy === "totp";
  const passkeyOnly = policy === "passkey";
  const offersApp = policy === "any" || appOnly;
  const offersPasskey = (policy === "any" || passkeyOnly) && passkeysSupported();
  const [passkeyNotice, setPasskeyNotice] = useState<string>();
  const state = useQuery(secondFactorQuery);
  const [setup, setSetup] = useState<TotpSetup>();
  const sms = useMutation({
    mutationFn: () => switchToSmsCodes(password),
    onSuccess: async (next) => {
      queryClient.setQueryData(secondFactorKey, next);
      await onDone();
    },
  });
  const app = useMutation({ mutationFn: () => startAuthenticatorApp(password), onSuccess: setSetup });
  const passkey = useMutation({
    mutationFn: () => addPasskey(password, suggestedPasskeyName()),
    onMutate: () => setPasskeyNotice(undefined),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: passkeysKey });
      await queryClient.invalidateQueries({ queryKey: secondFactorKey });
      await onDone();
    },
    onError: (error) => {
      if (passkeyDialogClosed(error))
        setPasskeyNotice(t("invite.client.protectPasskeyCancelled", { context }));
    },
  });
  const failure = sms.error ?? app.error ?? (passkeyDialogClosed(passkey.error) ? null : passkey.error);
  const busy = sms.isPending || app.isPending || passkey.isPending;
  const phone = state.data?.phoneMasked ?? "";

  return (
    <Card className="flex flex-col gap-5" data-testid="protect-step">
      <PageHeading className="text-3xl break-words">
        {t("invite.client.protectTitle", { context })}
      </PageHeading>
      {setup ? (
        <>
          <p>{t("invite.client.protectAppIntro", { context })}</p>
          <AuthenticatorSetup
            setup={setup}
            context={context}
            onConfirmed={async (next) => {
              queryClient.setQueryData(secondFactorKey, next);
              await onDone();
            }}
            onCancel={appOnly ? undefined : () => setSetup(undefined)}
            cancelLabel={t("invite.client.protectBackToSms")}
          />
        </>
      ) : (
        <>
          <p>
            {appOnly
              ? t("invite.client.protectIntroApp", { context, firm: preview.firm.name })
              : passkeyOnly
                ? t("invite.client.protectIntroPasskey", { context, firm: preview.firm.name })
                : t("invite.client.protectIntro", { context, firm: preview.firm.name })}
          </p>
          {failure ? <Alert>{passkeyRefusal(failure) ?? errorMessage(failure)}</Alert> : null}
          {passkeyNotice ? <Alert tone="info">{passkeyNotice}</Alert> : null}
          {passkeyOnly ? (
            <Button
              busy={passkey.isPending}
              onClick={() => passkey.mutate()}
              className="min-h-12! w-full text-lg!"
            >
              {t("invite.client.protectPasskey")}
            </Button>
          ) : appOnly ? (
            <Button busy={app.isPending} onClick={() => app.mutate()} className="min-h-12! w-full text-lg!">
              {t("invite.client.protectStartApp")}
            </Button>
          ) : (
            <>
              <div className="flex flex-col gap-2">
                <Button
                  busy={sms.isPending}
                  disabled={busy && !sms.isPending}
                  onClick={() => sms.mutate()}
                  className="min-h-12! w-full text-lg!"
                >
                  {t("invite.client.protectSms")}
                </Button>
                {phone ? (
                  <p className="text-base text-slate-700">
                    {t("invite.client.protectSmsTo", { context, phone })}
                  </p>
                ) : null}
              </div>
              {offersApp ? (
                <Button
                  variant="secondary"
                  busy={app.isPending}
                  disabled={busy && !app.isPending}
                  onClick={() => app.mutate()}
                  className="min-h-12! w-full text-base!"
                >
                  {t("invite.client.protectAppInstead")}
                </Button>
              ) : null}
              {offersPasskey ? (
                <Button
                  variant="secondary"
                  busy={passkey.isPending}
                  disabled={busy && !passkey.isPending}
                  onClick={() => passkey.mutate()}
                  className="min-h-12! w-full text-base!"
                >
                  {t("invite.client.protectPasskeyInstead")}
                </Button>
              ) : null}
            </>
          )}
        </>
      )}
    </Card>
  );
}

/** The second factor a sign-in waits for. */
export type SecondFactorAsked = SecondFactorChallengeAnswer["secondFactor"];

/**
 * After accepting with an existing account that has a second factor (PORTAL-1, SEC-8): the sign-in
 * is not complete yet, so the page asks for the code or passkey on the same sign-in challenge, then
 * goes on as after any accept. A sign-in that ran out sends the person to the portal's sign-in (the
 * invitation is accepted already).
 */
export function ClientInviteSignInStep({
  challenge,
  onSignedIn,
}: {
  challenge: SecondFactorAsked;
  onSignedIn: () => Promise<void>;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <SecondFactorStep
      challenge={challenge}
      onRestart={() => void navigate({ to: "/portal", replace: true })}
      onSignedIn={async () => {
        await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
        await onSignedIn();
      }}
    />
  );
}
