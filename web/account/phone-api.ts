import { queryOptions } from "@tanstack/react-query";
import type { Language } from "../../contracts/common";
import type { AccountPhone, PhoneCodeSent, SendPhoneCode, VerifyPhoneCode } from "../../contracts/phone";
import { api } from "../ui/api";

/** The cache key of the account's confirmed mobile number. */
export const accountPhoneKey = ["account", "phone"] as const;

/** The signed-in account's confirmed mobile number (masked), or none yet. */
export function fetchAccountPhone(signal?: AbortSignal): Promise<AccountPhone> {
  return api<AccountPhone>("/api/account/phone", { signal });
}

export const accountPhoneQuery = queryOptions({
  queryKey: accountPhoneKey,
  queryFn: ({ signal }) => fetchAccountPhone(signal),
});

/** Whether the account has a confirmed mobile number. */
export function isPhoneConfirmed(phone: AccountPhone | null | undefined): boolean {
  return Boolean(phone?.phoneMasked && phone.verifiedAt);
}

/** Sends a six-digit code by SMS to the number (400 field "phone", 429 past the hourly limit). */
export function sendPhoneCode(body: SendPhoneCode): Promise<PhoneCodeSent> {
  return api<PhoneCodeSent>("/api/account/phone/send-code", { method: "POST", body });
}

/** Confirms the number with the code of its attempt (400 field "code"; 404 when the attempt is gone). */
export function verifyPhoneCode(body: VerifyPhoneCode): Promise<AccountPhone> {
  return api<AccountPhone>("/api/account/phone/verify", { method: "POST", body });
}

/** The countries offered for numbers typed without a country code (as in the person dialog). */
export const phoneCountries = ["DE", "AT", "CH", "FR", "BE", "LU", "NL", "IT", "ES", "GB"] as const;
export type PhoneCountry = (typeof phoneCountries)[number];

const callingCodes: Record<PhoneCountry, string> = {
  DE: "+49",
  AT: "+43",
  CH: "+41",
  FR: "+33",
  BE: "+32",
  LU: "+352",
  NL: "+31",
  IT: "+39",
  ES: "+34",
  GB: "+44",
};

/** The country a number most likely belongs to, from a language: de → DE, fr → FR, en → GB. */
export function defaultPhoneCountry(language: Language): PhoneCountry {
  return language === "fr" ? "FR" : language === "en" ? "GB" : "DE";
}

/** "Deutschland (+49)": the country named in the UI language, with its calling code. */
export function phoneCountryLabel(country: PhoneCountry, language: string): string {
  let name: string = country;
  try {
    name = new Intl.DisplayNames([language], { type: "region" }).of(country) ?? country;
  } catch {
    // An engine without region names: the ISO code still says it.
  }
  return `${name} (${callingCodes[country]})`;
}
