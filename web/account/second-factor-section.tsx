import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SecondFactorState, TotpSetup } from "../../contracts/second-factor";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { QueryView } from "../ui/query-view";
import { AuthenticatorSetup } from "./authenticator-setup";
import { accountPhoneQuery, isPhoneConfirmed } from "./phone-api";
import {
  secondFactorKey,
  secondFactorQuery,
  startAuthenticatorApp,
  switchSecondFactorOff,
  switchToSmsCodes,
} from "./second-factor-api";
import { SecondFactorPasswordForm } from "./second-factor-password";

type Editing = "sms" | "app" | "off" | { setup: TotpSetup } | null;
type Saved = "sms" | "app" | "off" | null;

/**
 * The account page's "Sign-in protection" (PORTAL-1): what each sign-in asks for besides the password,
 * in words, and the ways to change it — SMS codes (to the confirmed number), an authenticator app, or
 * off. Every change asks for the password again; wrong passwords and codes show under their fields.
 */
export function SecondFactorSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const state = useQuery(secondFactorQuery);
  const phone = useQuery(accountPhoneQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<Saved>(null);

  const done = (next: SecondFactorState, what: Saved) => {
    queryClient.setQueryData(secondFactorKey, next);
    setEditing(null);
    setSaved(what);
  };
  const begin = (what: Editing) => {
    setSaved(null);
    setEditing(what);
  };

  return (
    <Card role="region" aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t("account.secondFactor.title")}
      </h2>
      {saved ? (
        <Alert tone="success">
          <p className="text-base">{t(`account.secondFactor.saved.${saved}`)}</p>
        </Alert>
      ) : null}
      <QueryView query={state} heading="h2">
        {(current) => {
          // The number SMS codes would go to: the state's, else the confirmed number on the account.
          const number =
            current.phoneMasked ?? (isPhoneConfirmed(phone.data) ? phone.data?.phoneMasked : null);
          const hasNumber = Boolean(number);
          return (
            <>
              <Current state={current} />
              {editing === "sms" ? (
                <SecondFactorPasswordForm
                  intro={t("account.secondFactor.smsIntro", { phone: number ?? "" })}
                  submitLabel={t("account.secondFactor.useSms")}
                  onSubmit={async (password) => done(await switchToSmsCodes(password), "sms")}
                  onCancel={() => setEditing(null)}
                />
              ) : editing === "app" ? (
                <SecondFactorPasswordForm
                  intro={t("account.secondFactor.appIntro")}
                  submitLabel={t("account.secondFactor.continue")}
                  onSubmit={async (password) => setEditing({ setup: await startAuthenticatorApp(password) })}
                  onCancel={() => setEditing(null)}
                />
              ) : editing === "off" ? (
                <SecondFactorPasswordForm
                  intro={t("account.secondFactor.offIntro")}
                  submitLabel={t("account.secondFactor.switchOffConfirm")}
                  onSubmit={async (password) => done(await switchSecondFactorOff(password), "off")}
                  onCancel={() => setEditing(null)}
                />
              ) : editing ? (
                <div className="border-t border-slate-200 pt-4">
                  <AuthenticatorSetup
                    setup={editing.setup}
                    onConfirmed={(next) => done(next, "app")}
                    onCancel={() => setEditing(null)}
                  />
                </div>
              ) : (
                <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
                  {current.method !== "sms" ? (
                    <Button
                      variant={current.method || current.passkeys > 0 ? "secondary" : "primary"}
                      disabled={!hasNumber}
                      onClick={() => begin("sms")}
                      className="w-full sm:w-auto"
                    >
                      {t("account.secondFactor.useSms")}
                    </Button>
                  ) : null}
                  {current.method !== "totp" ? (
                    <Button variant="secondary" onClick={() => begin("app")} className="w-full sm:w-auto">
                      {t("account.secondFactor.useApp")}
                    </Button>
                  ) : null}
                  {current.method ? (
                    <Button variant="secondary" onClick={() => begin("off")} className="w-full sm:w-auto">
                      {t("account.secondFactor.switchOff")}
                    </Button>
                  ) : null}
                </div>
              )}
              {!hasNumber && current.method !== "sms" && !editing ? (
                <p className="text-sm text-slate-600">{t("account.secondFactor.needsNumber")}</p>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Card>
  );
}

/** The current protection in words; with none, a gentle recommendation. */
function Current({ state }: { state: SecondFactorState }) {
  const { t } = useTranslation();
  if (state.method === "sms")
    return (
      <p data-testid="second-factor-state" className="text-lg text-slate-900">
        {t("account.secondFactor.stateSms", { phone: state.phoneMasked ?? "" })}
      </p>
    );
  if (state.method === "totp")
    return (
      <p data-testid="second-factor-state" className="text-lg text-slate-900">
        {t("account.secondFactor.stateApp")}
      </p>
    );
  if (state.passkeys > 0)
    return (
      <p data-testid="second-factor-state" className="text-lg text-slate-900">
        {t("account.secondFactor.statePasskey", { count: state.passkeys })}
      </p>
    );
  return (
    <div className="flex flex-col gap-1">
      <p data-testid="second-factor-state" className="text-lg font-semibold text-slate-900">
        {t("account.secondFactor.stateNone")}
      </p>
      <p className="text-base text-slate-700">{t("account.secondFactor.recommend")}</p>
    </div>
  );
}
