import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Salutation } from "../../contracts/clients";
import type { AccountPhone, PhoneCodeSent } from "../../contracts/phone";
import { Alert } from "../ui/alert";
import { ApiError, errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { applyApiError } from "../ui/form";
import { TextField } from "../ui/text-field";
import { type PhoneCountry, sendPhoneCode, verifyPhoneCode } from "./phone-api";
import { largePhoneControls, phoneFieldError, useNow } from "./phone-form-parts";

/** How long after a code "Send a new code" waits, so a slow SMS is not replaced at once. */
export const RESEND_AFTER_MS = 30_000;

/** A code on its way: the server's answer, the number as typed with its country, and when it was asked for. */
export interface SentCode extends PhoneCodeSent {
  phone: string;
  country: PhoneCountry;
  sentAt: number;
  /** A repeated code (says "a new code" instead of "a code"). */
  again: boolean;
  /** The password that allowed replacing a confirmed number; a new code asks with it again. */
  password?: string;
}

// Spaces and dashes as pasted from an SMS ("123 456") are fine; six digits remain.
const codeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "account.phone.codeFormat")),
});

// The code: large digits, spaced, centred; wide enough for six digits on a 375 px phone.
const codeInput =
  "max-w-xs [&_input]:min-h-14! [&_input]:text-center [&_input]:font-mono [&_input]:text-3xl! [&_input]:tracking-[0.3em]";

/**
 * The second step: the six-digit code from the SMS. Says where the code went (masked) and until when it
 * works; a wrong code or a used-up attempt shows the server's message under the field; "Send a new code"
 * waits 30 seconds (and says so), unless the code can no longer work.
 */
export function PhoneCodeForm({
  sent,
  context,
  onResent,
  onOtherNumber,
  onConfirmed,
  onCancel,
}: {
  sent: SentCode;
  context: Salutation | undefined;
  onResent: (code: SentCode) => void;
  onOtherNumber: () => void;
  onConfirmed: (phone: AccountPhone) => Promise<void> | void;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const [alert, setAlert] = useState<string>();
  const [gone, setGone] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const verify = useMutation({ mutationFn: verifyPhoneCode });
  const resend = useMutation({ mutationFn: sendPhoneCode });
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors },
  } = useForm<{ code: string }, unknown, { code: string }>({
    resolver: zodResolver(codeSchema),
    defaultValues: { code: "" },
  });

  // Each code (the first and every new one) starts with an empty field, focused, ready for the digits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again for each new attempt.
  useEffect(() => {
    reset({ code: "" });
    setGone(false);
    setFocus("code");
  }, [sent.attemptId, reset, setFocus]);

  const expiresAt = Date.parse(sent.expiresAt);
  const expired = now >= expiresAt;
  const waitSeconds = Math.max(0, Math.ceil((sent.sentAt + RESEND_AFTER_MS - now) / 1000));
  const canResend = waitSeconds === 0 || gone || expired;
  const until = new Intl.DateTimeFormat(i18n.resolvedLanguage, { timeStyle: "short" }).format(expiresAt);

  const onSubmit = handleSubmit(async ({ code }) => {
    setAlert(undefined);
    try {
      const phone = await verify.mutateAsync({ attemptId: sent.attemptId, code });
      setFinishing(true);
      try {
        await onConfirmed(phone);
      } finally {
        setFinishing(false);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        // The attempt is used up (expired, replaced, too many tries): its message says to ask again.
        setGone(true);
        setError("code", { type: "server", message: error.message }, { shouldFocus: true });
        return;
      }
      setAlert(applyApiError(error, setError, ["code"]));
    }
  });

  const sendAgain = async () => {
    setAlert(undefined);
    try {
      const { phone, country, password } = sent;
      const code = await resend.mutateAsync({ phone, country, password });
      onResent({ ...code, phone, country, password, sentAt: Date.now(), again: true });
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} className={`flex flex-col gap-5 ${largePhoneControls}`}>
      <Alert tone="info" className="text-base">
        <div className="flex flex-col gap-1">
          <p>
            {sent.again ? t("account.phone.sentAgain", { context }) : t("account.phone.sent", { context })}
          </p>
          <p data-testid="phone-code-target" className="text-xl! font-semibold whitespace-nowrap">
            {sent.phoneMasked}
          </p>
          <p>
            {expired
              ? t("account.phone.expired", { context })
              : t("account.phone.validUntil", { time: until })}
          </p>
        </div>
      </Alert>
      {alert ? (
        <Alert>
          <p>{alert}</p>
        </Alert>
      ) : null}
      <TextField
        label={t("account.phone.code")}
        hint={t("account.phone.codeHint", { context })}
        inputMode="numeric"
        autoComplete="one-time-code"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        className={codeInput}
        error={phoneFieldError(t, errors.code, context)}
        {...register("code")}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button
          type="submit"
          busy={verify.isPending || finishing}
          className="min-h-12! w-full text-lg! sm:w-auto"
        >
          {verify.isPending || finishing ? t("account.phone.confirming") : t("account.phone.confirm")}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} className="min-h-12! w-full text-lg! sm:w-auto">
            {t("account.phone.cancel")}
          </Button>
        ) : null}
      </div>
      <div className="flex flex-col gap-3 border-t border-slate-200 pt-5">
        <p className="text-slate-700">
          {canResend
            ? t("account.phone.resendReady", { context })
            : t("account.phone.resendHint", { context })}
        </p>
        <Button
          variant="secondary"
          busy={resend.isPending}
          disabled={!canResend}
          onClick={() => void sendAgain()}
          className="min-h-12! w-full text-lg! sm:w-auto sm:self-start"
        >
          {canResend ? t("account.phone.resend") : t("account.phone.resendWait", { seconds: waitSeconds })}
        </Button>
        <Button
          variant="ghost"
          onClick={onOtherNumber}
          className="min-h-12! w-full text-lg! underline underline-offset-2 sm:w-auto sm:self-start"
        >
          {t("account.phone.otherNumber")}
        </Button>
      </div>
    </form>
  );
}
