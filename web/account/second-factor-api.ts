import { queryOptions } from "@tanstack/react-query";
import type { SecondFactorState, TotpSetup } from "../../contracts/second-factor";
import { api } from "../ui/api";

/** The cache key of the account's second factor. */
export const secondFactorKey = ["account", "second-factor"] as const;

/** The signed-in account's second factor: the method in use (or none) and the number SMS codes go to. */
export const secondFactorQuery = queryOptions({
  queryKey: secondFactorKey,
  queryFn: ({ signal }) => api<SecondFactorState>("/api/account/second-factor", { signal }),
});

/** Switches SMS codes on (400 field "password" when wrong; 409 when no number is confirmed yet). */
export function switchToSmsCodes(password: string): Promise<SecondFactorState> {
  return api<SecondFactorState>("/api/account/second-factor/sms", { method: "POST", body: { password } });
}

/** Starts setting up an authenticator app: the secret to type and its otpauth address. */
export function startAuthenticatorApp(password: string): Promise<TotpSetup> {
  return api<TotpSetup>("/api/account/second-factor/totp", { method: "POST", body: { password } });
}

/** Confirms the app with its first code (400 field "code" when wrong); the app is in use from then on. */
export function confirmAuthenticatorApp(code: string): Promise<SecondFactorState> {
  return api<SecondFactorState>("/api/account/second-factor/totp/confirm", {
    method: "POST",
    body: { code: code.trim() },
  });
}

/** Switches the second factor off: the password alone protects the account again. */
export function switchSecondFactorOff(password: string): Promise<SecondFactorState> {
  return api<SecondFactorState>("/api/account/second-factor/off", { method: "POST", body: { password } });
}

/** "ABCD EFGH IJKL …": the secret in blocks of four, easier to type and to compare. */
export function secretInBlocks(secret: string): string[] {
  return secret.replace(/\s+/g, "").match(/.{1,4}/g) ?? [];
}

/** A firm's rule for its portal accounts' second factor (FIRM-3). */
export type SecondFactorPolicy = "none" | "any" | "sms" | "totp" | "passkey";

/** Whether the account's factors satisfy the firm's policy (the server decides the same way). */
export function meetsPolicy(policy: SecondFactorPolicy, state: SecondFactorState): boolean {
  if (policy === "none") return true;
  if (policy === "passkey") return state.passkeys > 0;
  if (policy === "any") return state.method !== null || state.passkeys > 0;
  return state.method === policy;
}
