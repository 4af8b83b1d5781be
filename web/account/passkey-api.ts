import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
  WebAuthnError,
} from "@simplewebauthn/browser";
import { queryOptions } from "@tanstack/react-query";
import type { Passkey, PasskeyList } from "../../contracts/passkeys";
import type { Me } from "../../contracts/session";
import { ApiError, api } from "../ui/api";

/** The cache key of the account's passkeys. */
export const passkeysKey = ["account", "passkeys"] as const;

/** The signed-in account's passkeys, oldest first. */
export const passkeysQuery = queryOptions({
  queryKey: passkeysKey,
  queryFn: async ({ signal }) => (await api<PasskeyList>("/api/account/passkeys", { signal })).passkeys,
});

/** Whether this browser can create and use passkeys at all. */
export function passkeysSupported(): boolean {
  return browserSupportsWebAuthn();
}

/**
 * Whether the person closed the browser's passkey dialog or it timed out: nothing to report, they
 * may simply try again (the browser does not say which).
 */
export function passkeyDialogClosed(error: unknown): boolean {
  return (
    (error instanceof WebAuthnError && error.code === "ERROR_CEREMONY_ABORTED") ||
    (error instanceof Error && error.name === "NotAllowedError")
  );
}

/** The server's words for a refused passkey (the message on its field), or null for any other failure. */
export function passkeyRefusal(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  return error.fieldErrors.find((f) => f.field === "response" || f.field === "passkey")?.message ?? null;
}

/**
 * Adds a passkey to the account: asks the server for options (with the password), lets the browser
 * create the passkey, then stores it under `name`. 400 field "password" when the password is wrong.
 */
export async function addPasskey(password: string, name: string): Promise<Passkey> {
  const options = await api<PublicKeyCredentialCreationOptionsJSON>("/api/account/passkeys/options", {
    method: "POST",
    body: { password },
  });
  const response = await startRegistration({ optionsJSON: options });
  return api<Passkey>("/api/account/passkeys", { method: "POST", body: { name, response } });
}

/** Removes one passkey (with the password); answers the passkeys left. */
export async function removePasskey(id: string, password: string): Promise<Passkey[]> {
  const left = await api<PasskeyList>(`/api/account/passkeys/${encodeURIComponent(id)}/remove`, {
    method: "POST",
    body: { password },
  });
  return left.passkeys;
}

/** Finishes the sign-in waiting in this browser with one of the account's passkeys; answers the new `Me`. */
export async function signInWithPasskey(): Promise<Me> {
  const options = await api<PublicKeyCredentialRequestOptionsJSON>("/api/session/passkey/options", {
    method: "POST",
    body: {},
  });
  const response = await startAuthentication({ optionsJSON: options });
  return api<Me>("/api/session/passkey", { method: "POST", body: { response } });
}

/** A name for a new passkey that says where it was made, e.g. "Chrome on Android". */
export function suggestedPasskeyName(userAgent = navigator.userAgent): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\/|CriOS\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /iPhone|iPad/.test(userAgent)
    ? "iOS"
    : /Android/.test(userAgent)
      ? "Android"
      : /Mac OS X/.test(userAgent)
        ? "macOS"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return [browser, system].filter(Boolean).join(" · ") || "Passkey";
}
