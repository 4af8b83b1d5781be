import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccountPhone } from "../../contracts/phone";
import { useUiLanguage } from "../i18n/use-ui-language";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { QueryView } from "../ui/query-view";
import { accountPhoneKey, accountPhoneQuery, defaultPhoneCountry, isPhoneConfirmed } from "./phone-api";
import { PhoneConfirm } from "./phone-confirm";
import { secondFactorKey } from "./second-factor-api";

/**
 * The account page's "Mobile number" (PORTAL-1, seed 003): the confirmed number, masked, or "not
 * confirmed yet"; "Change number" (or "Confirm a number") runs the same two steps as registration.
 */
export function PhoneSection() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const language = useUiLanguage();
  const queryClient = useQueryClient();
  const phone = useQuery(accountPhoneQuery);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "long" }).format(new Date(iso));

  const confirmed = (next: AccountPhone) => {
    queryClient.setQueryData(accountPhoneKey, next);
    // SMS codes go to the confirmed number: the sign-in protection shows the new one.
    void queryClient.invalidateQueries({ queryKey: secondFactorKey });
    setEditing(false);
    setSaved(true);
  };

  return (
    <Card role="region" aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t("account.phone.sectionTitle")}
      </h2>
      <p className="text-base leading-relaxed text-slate-700">{t("account.phone.sectionIntro")}</p>
      {saved ? (
        <Alert tone="success">
          <p className="text-base">{t("account.phone.saved")}</p>
        </Alert>
      ) : null}
      <QueryView query={phone} heading="h2">
        {(current) => (
          <>
            {isPhoneConfirmed(current) ? (
              <div className="flex flex-col gap-1">
                <p
                  data-testid="account-phone-number"
                  className="text-xl font-semibold whitespace-nowrap text-slate-900"
                >
                  {current.phoneMasked}
                </p>
                {current.verifiedAt ? (
                  <p className="text-base text-slate-700">
                    {t("account.phone.confirmedOn", { date: date(current.verifiedAt) })}
                  </p>
                ) : null}
              </div>
            ) : (
              <div className="flex flex-col gap-1">
                <p data-testid="account-phone-number" className="text-lg font-semibold text-slate-900">
                  {t("account.phone.notConfirmed")}
                </p>
                <p className="text-base text-slate-700">{t("account.phone.notConfirmedHint")}</p>
              </div>
            )}
            {editing ? (
              <div className="border-t border-slate-200 pt-4">
                <PhoneConfirm
                  defaultCountry={defaultPhoneCountry(language)}
                  onConfirmed={confirmed}
                  onCancel={() => setEditing(false)}
                  askPassword={isPhoneConfirmed(current)}
                />
              </div>
            ) : (
              <Button
                variant="secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
                className="w-full sm:w-auto sm:self-start"
              >
                {isPhoneConfirmed(current) ? t("account.phone.change") : t("account.phone.confirmNumber")}
              </Button>
            )}
          </>
        )}
      </QueryView>
    </Card>
  );
}
