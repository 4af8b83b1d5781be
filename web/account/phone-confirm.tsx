import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Salutation } from "../../contracts/clients";
import type { AccountPhone } from "../../contracts/phone";
import { useUiLanguage } from "../i18n/use-ui-language";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { applyApiError } from "../ui/form";
import { Select } from "../ui/select";
import { PasswordField, TextField } from "../ui/text-field";
import { type PhoneCountry, phoneCountries, phoneCountryLabel, sendPhoneCode } from "./phone-api";
import { PhoneCodeForm, type SentCode } from "./phone-code-form";
import { largePhoneControls, phoneFieldError } from "./phone-form-parts";

/** Props of PhoneConfirm, the same two steps at registration and on the account page. */
export interface PhoneConfirmProps {
  /** The country preselected for numbers typed without a country code. */
  defaultCountry: PhoneCountry;
  /** How the person is addressed (Sie/Du, vous/tu); formal when not given. */
  context?: Salutation;
  /** Runs after the number is confirmed; the "Confirm" button stays busy until it settles. */
  onConfirmed: (phone: AccountPhone) => Promise<void> | void;
  /** When given, a "Cancel" button ends the flow without a change. */
  onCancel?: () => void;
  /** Replacing a confirmed number: the first step also asks for the account's password. */
  askPassword?: boolean;
}

/**
 * Confirms the account's mobile number in two steps (PORTAL-1, seed 003: email and phone are both
 * needed to sign in): the number with its country → "Send code"; then the six-digit code from the
 * SMS → "Confirm", with where the code went (masked), until when it works, and "Send a new code"
 * after 30 seconds. Server messages land under their fields.
 */
export function PhoneConfirm({
  defaultCountry,
  context,
  onConfirmed,
  onCancel,
  askPassword,
}: PhoneConfirmProps) {
  const [number, setNumber] = useState({ phone: "", country: defaultCountry });
  const [sent, setSent] = useState<SentCode>();
  if (sent)
    return (
      <PhoneCodeForm
        sent={sent}
        context={context}
        onResent={setSent}
        onOtherNumber={() => setSent(undefined)}
        onConfirmed={onConfirmed}
        onCancel={onCancel}
      />
    );
  return (
    <PhoneNumberForm
      initial={number}
      context={context}
      askPassword={askPassword ?? false}
      onCancel={onCancel}
      onSent={(code) => {
        setNumber({ phone: code.phone, country: code.country });
        setSent(code);
      }}
    />
  );
}

interface NumberValues {
  country: PhoneCountry;
  phone: string;
  password: string;
}

const numberSchema = z.object({
  country: z.enum(phoneCountries),
  phone: z.string().trim().min(1, "account.phone.numberRequired").max(40, "account.phone.numberRequired"),
  password: z.string(),
});

function PhoneNumberForm({
  initial,
  context,
  askPassword,
  onSent,
  onCancel,
}: {
  initial: Omit<NumberValues, "password">;
  context: Salutation | undefined;
  askPassword: boolean;
  onSent: (code: SentCode) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [alert, setAlert] = useState<string>();
  const send = useMutation({ mutationFn: sendPhoneCode });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<NumberValues>({
    resolver: zodResolver(numberSchema),
    defaultValues: { ...initial, password: "" },
  });

  const onSubmit = handleSubmit(async ({ country, phone, password: typed }) => {
    setAlert(undefined);
    const password = askPassword ? typed : undefined;
    try {
      const code = await send.mutateAsync({ phone: phone.trim(), country, password });
      onSent({ ...code, phone: phone.trim(), country, password, sentAt: Date.now(), again: false });
    } catch (error) {
      setAlert(applyApiError(error, setError, ["phone", "country", "password"]));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className={`flex flex-col gap-5 ${largePhoneControls}`}>
      {alert ? (
        <Alert>
          <p>{alert}</p>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Select
          label={t("account.phone.country")}
          error={phoneFieldError(t, errors.country, context)}
          {...register("country")}
        >
          {phoneCountries.map((country) => (
            <option key={country} value={country}>
              {phoneCountryLabel(country, language)}
            </option>
          ))}
        </Select>
        <TextField
          label={t("account.phone.number", { context })}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          error={phoneFieldError(t, errors.phone, context)}
          {...register("phone")}
        />
      </div>
      <p className="text-slate-700">{t("account.phone.numberHint", { context })}</p>
      {askPassword ? (
        <PasswordField
          label={t("account.phone.password")}
          hint={t("account.phone.passwordHint")}
          autoComplete="current-password"
          error={errors.password?.message}
          {...register("password")}
        />
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" busy={send.isPending} className="min-h-12! w-full text-lg! sm:w-auto">
          {send.isPending ? t("account.phone.sending") : t("account.phone.send")}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} className="min-h-12! w-full text-lg! sm:w-auto">
            {t("account.phone.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
