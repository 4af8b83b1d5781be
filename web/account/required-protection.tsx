import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TotpSetup } from "../../contracts/second-factor";
import { useUiLanguage } from "../i18n/use-ui-language";
import { useSignOut } from "../session/session";
import { ApiError } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { PageHeading } from "../ui/page-heading";
import { useDocumentTitle } from "../ui/use-document-title";
import { AuthenticatorSetup } from "./authenticator-setup";
import { passkeysSupported } from "./passkey-api";
import { AddPasskeyForm } from "./passkeys-section";
import { accountPhoneKey, accountPhoneQuery, defaultPhoneCountry, isPhoneConfirmed } from "./phone-api";
import { PhoneConfirm } from "./phone-confirm";
import { secondFactorKey, startAuthenticatorApp, switchToSmsCodes } from "./second-factor-api";
import { SecondFactorPasswordForm } from "./second-factor-password";

/** What a firm asks for and the account lacks: some factor, or one kind (FIRM-3). */
export type RequiredFactor = "any" | "sms" | "totp" | "passkey";

/** The factor a 403 `second_factor_required` names (the strictest first), or null for any other outcome. */
export function requiredFactorOf(error: unknown): RequiredFactor | null {
  if (!(error instanceof ApiError) || error.code !== "second_factor_required") return null;
  const required = (error.details as { required?: unknown } | undefined)?.required;
  const first = Array.isArray(required) ? required[0] : undefined;
  return first === "sms" || first === "totp" || first === "passkey" ? first : "any";
}

type Editing = "passkey" | "sms" | "phone" | "app" | { setup: TotpSetup } | null;

/**
 * Shown instead of the portal while the account lacks the second factor a firm it reaches asks for
 * (FIRM-3): what the firm asks, in words, and the ways to set it up right here — a passkey, SMS codes
 * (confirming the mobile number first when needed) or an authenticator app, as the firm accepts.
 * `onDone` runs once it is set up, and the portal opens straight on.
 */
export function RequiredProtection({
  required,
  onDone,
}: {
  required: RequiredFactor;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const queryClient = useQueryClient();
  const phone = useQuery(accountPhoneQuery);
  const signOut = useSignOut();
  const offers = (kind: "sms" | "totp" | "passkey") => required === "any" || required === kind;
  const [editing, setEditing] = useState<Editing>(required === "passkey" ? "passkey" : null);
  const finished = async () => {
    await queryClient.invalidateQueries({ queryKey: secondFactorKey });
    await onDone();
  };
  const hasNumber = isPhoneConfirmed(phone.data);
  useDocumentTitle(t("account.required.title"));

  return (
    <Card className="flex flex-col gap-5 text-base" data-testid="required-protection">
      <PageHeading className="text-3xl break-words">{t("account.required.title")}</PageHeading>
      <p className="text-lg text-slate-800">{t(`account.required.${required}`)}</p>
      {editing === "passkey" ? (
        <AddPasskeyForm
          onAdded={finished}
          onCancel={required === "passkey" ? undefined : () => setEditing(null)}
        />
      ) : editing === "sms" ? (
        <SecondFactorPasswordForm
          intro={t("account.secondFactor.smsIntro", { phone: phone.data?.phoneMasked ?? "" })}
          submitLabel={t("account.secondFactor.useSms")}
          onSubmit={async (password) => {
            queryClient.setQueryData(secondFactorKey, await switchToSmsCodes(password));
            await finished();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : editing === "phone" ? (
        <div className="flex flex-col gap-3">
          <p className="text-slate-700">{t("account.required.smsNeedsNumber")}</p>
          <PhoneConfirm
            defaultCountry={defaultPhoneCountry(language)}
            onConfirmed={(confirmed) => {
              queryClient.setQueryData(accountPhoneKey, confirmed);
              setEditing("sms");
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : editing === "app" ? (
        <SecondFactorPasswordForm
          intro={t("account.secondFactor.appIntro")}
          submitLabel={t("account.secondFactor.continue")}
          onSubmit={async (password) => setEditing({ setup: await startAuthenticatorApp(password) })}
          onCancel={() => setEditing(null)}
        />
      ) : editing ? (
        <AuthenticatorSetup setup={editing.setup} onConfirmed={finished} onCancel={() => setEditing(null)} />
      ) : (
        <div className="flex flex-col gap-3">
          {offers("passkey") && passkeysSupported() ? (
            <Button onClick={() => setEditing("passkey")} className="min-h-12! w-full">
              {t("account.required.usePasskey")}
            </Button>
          ) : null}
          {offers("sms") ? (
            <Button
              variant={required === "sms" ? "primary" : "secondary"}
              onClick={() => setEditing(hasNumber ? "sms" : "phone")}
              className="min-h-12! w-full"
            >
              {t("account.required.useSms")}
            </Button>
          ) : null}
          {offers("totp") ? (
            <Button
              variant={required === "totp" ? "primary" : "secondary"}
              onClick={() => setEditing("app")}
              className="min-h-12! w-full"
            >
              {t("account.required.useApp")}
            </Button>
          ) : null}
        </div>
      )}
      <Button
        variant="ghost"
        busy={signOut.isPending}
        onClick={() => signOut.mutate()}
        className="self-start"
      >
        {t("account.required.signOut")}
      </Button>
    </Card>
  );
}
