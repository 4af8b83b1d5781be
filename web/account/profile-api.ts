import { queryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Salutation } from "../../contracts/clients";
import type { Language } from "../../contracts/common";
import type {
  AccessLogPage,
  DeleteAccount,
  Profile,
  RemovedAccount,
  UpdateProfile,
} from "../../contracts/profile";
import { setUiLanguage } from "../i18n/i18n";
import { meQuery } from "../session/session";
import { api } from "../ui/api";

const profileKey = ["account", "profile"] as const;
const accessLogKey = ["account", "access-log"] as const;

/** The signed-in account's profile: its name, language, and how each firm addresses it. */
export const profileQuery = queryOptions({
  queryKey: profileKey,
  queryFn: ({ signal }) => api<Profile>("/api/account/profile", { signal }),
});

/** Saves name and language; a new language switches the UI at once. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfile) => api<Profile>("/api/account/profile", { method: "PATCH", body }),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKey, profile);
      setUiLanguage(profile.language);
      queryClient.setQueryData(meQuery.queryKey, (me) =>
        me ? { ...me, user: { ...me.user, name: profile.name, language: profile.language } } : me,
      );
      void queryClient.invalidateQueries({ queryKey: accessLogKey });
    },
  });
}

/** Chooses how one firm addresses the account. */
export function useUpdateSalutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { firmId: string; personId: string; salutation: Salutation }) =>
      api<Profile>("/api/account/profile/salutation", { method: "PATCH", body: input }),
    onSuccess: (profile) => queryClient.setQueryData(profileKey, profile),
  });
}

/** The account's own access log, page by page, in the UI's language (the server words each event). */
export function useAccessLog(language: Language) {
  return useInfiniteQuery({
    queryKey: [...accessLogKey, language],
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) =>
      api<AccessLogPage>(
        `/api/account/access-log?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The address of the account's data export, in the UI's language (a plain link cannot send a header). */
export function exportUrl(language: Language): string {
  return `/api/account/export?lang=${language}`;
}

/** Deletes the signed-in account; afterwards nothing cached belongs to anyone. */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeleteAccount) => api<null>("/api/account", { method: "DELETE", body }),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQuery.queryKey[0] });
      queryClient.setQueryData(meQuery.queryKey, null);
    },
  });
}

/** Staff take a grantee's portal account out of their firm (all its access here). */
export function removePortalAccount(grantId: string, granteeId: string): Promise<RemovedAccount> {
  return api<RemovedAccount>(
    `/api/grants/${encodeURIComponent(grantId)}/grantees/${encodeURIComponent(granteeId)}/remove-account`,
    { method: "POST" },
  );
}
