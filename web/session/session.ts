import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Language } from "../../contracts/common";
import type { Me, SignIn, SignInResult, UpdateMe } from "../../contracts/session";
import { currentLanguage, setUiLanguage } from "../i18n/i18n";
import { ApiError, api } from "../ui/api";

const meKey = ["me"] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>("/api/me");
    // The account's language wins over any choice made before sign-in; switching here avoids a flash.
    setUiLanguage(me.user.language);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Who is signed in: `Me`, or null when nobody is (the API answered 401). */
export const meQuery = queryOptions({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });

/** The signed-in account, loading state and errors, shared by staff area and portal. */
export function useMe() {
  return useQuery(meQuery);
}

/** Signs in with email and password; resolves once the new `Me` is loaded, or with the second factor to ask. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignIn) => api<SignInResult>("/api/session", { method: "POST", body }),
    // A second factor to give first: nobody is signed in yet (the sign-in form asks for the code).
    onSuccess: (result) =>
      "secondFactor" in result ? undefined : queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

/** Signs out and forgets everything cached for the previous account. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api<unknown>("/api/session", { method: "DELETE" });
      } catch (error) {
        // Already signed out (expired session): the goal is reached anyway.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meQuery.queryKey, null);
    },
  });
}

/** Changes the account's language: the UI switches at once and reverts if the server refuses. */
export function useUpdateLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) =>
      api<unknown>("/api/me", { method: "PATCH", body: { language } satisfies UpdateMe }),
    onMutate: (language) => {
      const previous = currentLanguage();
      setUiLanguage(language);
      queryClient.setQueryData(meQuery.queryKey, (me) =>
        me ? { ...me, user: { ...me.user, language } } : me,
      );
      return { previous };
    },
    onError: (_error, _language, context) => {
      if (!context) return;
      setUiLanguage(context.previous);
      queryClient.setQueryData(meQuery.queryKey, (me) =>
        me ? { ...me, user: { ...me.user, language: context.previous } } : me,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
