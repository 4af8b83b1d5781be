import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Language } from "../../contracts/common";
import { api } from "../ui/api";

// The API's shapes, mirrored from server/modules/identity/password-reset.schemas.ts and
// server/modules/account/account.schemas.ts (they move to contracts/ together).

/** What a reset link is for: the account's masked address and until when the link works. */
export interface PasswordResetPreview {
  email: string;
  expiresAt: string;
}

/** One of the signed-in account's sessions (never its token). */
export interface AccountSession {
  id: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  ipAddress: string | null;
  /** Browser and system in words, in the UI's language ("Chrome on Android"). */
  userAgent: string | null;
  current: boolean;
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function requestPasswordReset(email: string): Promise<unknown> {
  return api<unknown>("/api/password-reset/request", { method: "POST", body: { email } });
}

/** Reads what a reset link is for without using it. */
export function peekPasswordReset(token: string, signal?: AbortSignal): Promise<PasswordResetPreview> {
  return api<PasswordResetPreview>("/api/password-reset/peek", { method: "POST", body: { token }, signal });
}

/** Sets the new password; every session of the account ends and nobody is signed in. */
export function completePasswordReset(body: { token: string; password: string }): Promise<null> {
  return api<null>("/api/password-reset/complete", { method: "POST", body });
}

const sessionsKey = ["account", "sessions"] as const;

/**
 * The signed-in account's live sessions, the current one first. Keyed by the UI language: the server
 * words each device in it ("Chrome on Android"), so a language switch loads them in the new one.
 */
export function accountSessionsQuery(language: Language) {
  return queryOptions({
    queryKey: [...sessionsKey, language],
    queryFn: async ({ signal }) =>
      (await api<{ sessions: AccountSession[] }>("/api/account/sessions", { signal })).sessions,
  });
}

/** Ends one of the account's other sessions. */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<null>(`/api/account/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Ends every session of the account except this one; answers how many ended. */
export function useSignOutEverywhereElse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ ended: number }>("/api/account/sessions/sign-out-everywhere", {
        method: "POST",
        body: { includeCurrent: false },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
