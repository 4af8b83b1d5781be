import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import type { FieldError } from "react-hook-form";
import type { Salutation } from "../../contracts/clients";

/** Large, calm controls: bigger text in fields, labels and hints; tall tap targets. */
export const largePhoneControls =
  "[&_input]:min-h-12 [&_input]:text-lg [&_select]:min-h-12 [&_select]:text-lg [&_label]:text-base [&_label]:font-semibold [&_p]:text-base";

/** The client-side messages of the phone forms (both have a Du/tu variant). */
type PhoneMessageKey = "account.phone.numberRequired" | "account.phone.codeFormat";

/** The text under a field: server messages as they are; client messages are catalog keys, in the salutation. */
export function phoneFieldError(
  t: TFunction,
  error: FieldError | undefined,
  context: Salutation | undefined,
): string | undefined {
  if (!error?.message) return undefined;
  if (error.type === "server") return error.message;
  return t(error.message as PhoneMessageKey, { context });
}

/** The current time in milliseconds, refreshed every second (for a countdown and an expiry). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
