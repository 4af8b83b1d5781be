import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClientInvitationPreview } from "../../contracts/invitations";
import type { TotpSetup } from "../../contracts/second-factor";
import { AuthenticatorSetup } from "../account/authenticator-setup";
import {
  secondFactorKey,
  secondFactorQuery,
  startAuthenticatorApp,
  switchToSmsCodes,
} from "../account/second-factor-api";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { PageHeading } from "../ui/page-heading";

/**
 * Registration, step 3 (PORTAL-1, FIRM-3: the firm asks for a second factor): "Protect your sign-in".
 * Unless the firm asks for an authenticator app, the main choice is one button — a code by SMS at each
 * sign-in, to the number just confirmed — with "Use an authenticator app instead" beside it (the same
 * app flow as on the account page). Both use the password typed in the registration form, held in
 * memory by the page for this step only. Passkeys are not available yet: that policy is treated as "any".
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
  const appOnly = preview.secondFactorPolicy === "totp";
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
  const failure = sms.error ?? app.error;
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
              : t("invite.client.protectIntro", { context, firm: preview.firm.name })}
          </p>
          {failure ? <Alert>{errorMessage(failure)}</Alert> : null}
          {appOnly ? (
            <Button busy={app.isPending} onClick={() => app.mutate()} className="min-h-12! w-full text-lg!">
              {t("invite.client.protectStartApp")}
            </Button>
          ) : (
            <>
              <div className="flex flex-col gap-2">
                <Button
                  busy={sms.isPending}
                  disabled={app.isPending}
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
              <Button
                variant="secondary"
                busy={app.isPending}
                disabled={sms.isPending}
                onClick={() => app.mutate()}
                className="min-h-12! w-full text-base!"
              >
                {t("invite.client.protectAppInstead")}
              </Button>
            </>
          )}
        </>
      )}
    </Card>
  );
}
