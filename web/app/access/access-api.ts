import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ClientFilePage } from "../../../contracts/clients";
import type {
  AccessLevel,
  AddGrantee,
  CreateGrant,
  CreateGrantProfile,
  Explain,
  FileAccessView,
  GrantDetail,
  Grantee,
  GrantList,
  GrantProfile,
  GrantProfileList,
  Impact,
  ImpactRequest,
  RecordKind,
  UpdateGrant,
  UpdateGrantee,
  UpdateGrantProfile,
} from "../../../contracts/grants";
import { api } from "../../ui/api";

const enc = encodeURIComponent;

/** Cache keys of the access feature; every grant or grantee change invalidates all of "access". */
export const accessKeys = {
  all: ["access"] as const,
  file: (fileId: string) => ["access", "file", fileId] as const,
  grant: (grantId: string) => ["access", "grant", grantId] as const,
  grants: ["access", "grants"] as const,
  profiles: ["access", "profiles"] as const,
  explain: (granteeId: string, kind: RecordKind, recordId: string) =>
    ["access", "explain", granteeId, kind, recordId] as const,
};

/** The client file's Access tab: persons with their grant entries, advisors, outsiders, grants. */
export function fileAccessQuery(fileId: string) {
  return queryOptions({
    queryKey: accessKeys.file(fileId),
    queryFn: ({ signal }) => api<FileAccessView>(`/api/client-files/${enc(fileId)}/access`, { signal }),
  });
}

/** One grant with everything the editor shows. */
export function grantQuery(grantId: string) {
  return queryOptions({
    queryKey: accessKeys.grant(grantId),
    queryFn: ({ signal }) => api<GrantDetail>(`/api/grants/${enc(grantId)}`, { signal }),
  });
}

/** Every grant the staff member can open. */
export const grantsQuery = queryOptions({
  queryKey: accessKeys.grants,
  queryFn: ({ signal }) => api<GrantList>("/api/grants", { signal }),
});

/** The firm's grant profiles (templates of new grants). */
export const grantProfilesQuery = queryOptions({
  queryKey: accessKeys.profiles,
  queryFn: async ({ signal }) => (await api<GrantProfileList>("/api/grant-profiles", { signal })).items,
  staleTime: 60_000,
});

/** Whether a grantee sees a record through their grant, and why. */
export function explainQuery(granteeId: string, kind: RecordKind, recordId: string) {
  return queryOptions({
    queryKey: accessKeys.explain(granteeId, kind, recordId),
    queryFn: ({ signal }) =>
      api<Explain>(`/api/grantees/${enc(granteeId)}/explain?${new URLSearchParams({ kind, recordId })}`, {
        signal,
      }),
    // The answer depends on records and grants changed elsewhere: ask again each time the dialog opens.
    staleTime: 0,
    gcTime: 0,
  });
}

/** Client files matching a search, for adding files to a grant. */
export function searchClientFiles(q: string, signal?: AbortSignal) {
  const search = new URLSearchParams({ q, limit: "10", sort: "name", dir: "asc" });
  return api<ClientFilePage>(`/api/client-files?${search}`, { signal });
}

/** What each grantee would gain and lose with an unsaved change of the grant. */
export function grantImpact(grantId: string, body: ImpactRequest) {
  return api<Impact>(`/api/grants/${enc(grantId)}/impact`, { method: "POST", body });
}

/** Creates a grant (from a profile) over some client files. */
export function createGrant(body: CreateGrant) {
  return api<GrantDetail>("/api/grants", { method: "POST", body });
}

/** Saves a grant: the changed parts only, files first (manual contracts must be of bundled files). */
export async function saveGrant(
  grantId: string,
  change: { fileIds?: string[]; contractIds?: string[]; patch?: UpdateGrant },
): Promise<GrantDetail | undefined> {
  const url = `/api/grants/${enc(grantId)}`;
  let saved: GrantDetail | undefined;
  if (change.fileIds)
    saved = await api<GrantDetail>(`${url}/files`, { method: "PUT", body: { fileIds: change.fileIds } });
  if (change.contractIds)
    saved = await api<GrantDetail>(`${url}/contracts`, {
      method: "PUT",
      body: { contractIds: change.contractIds },
    });
  if (change.patch) saved = await api<GrantDetail>(url, { method: "PATCH", body: change.patch });
  return saved;
}

/** Changes the access new grantees of a grant get unless another is chosen; refreshes what access shows. */
export function useDefaultAccessMutation(grantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (defaultAccess: AccessLevel) =>
      api<GrantDetail>(`/api/grants/${enc(grantId)}`, { method: "PATCH", body: { defaultAccess } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessKeys.all }),
  });
}

/** Deletes a grant with its grantees. */
export function deleteGrant(grantId: string) {
  return api<null>(`/api/grants/${enc(grantId)}`, { method: "DELETE" });
}

/** A status change of a grantee (GRANT-7). */
export type GranteeAction = "lock" | "unlock" | "revoke" | "reinstate";

/**
 * Grantee changes — add, change, lock/unlock/revoke/reinstate — each refreshing everything access
 * shows (the file's Access tab, the grant, explain answers).
 */
export function useGranteeMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: accessKeys.all });
  const base = (grantId: string) => `/api/grants/${enc(grantId)}/grantees`;
  return {
    add: useMutation({
      mutationFn: ({ grantId, body }: { grantId: string; body: AddGrantee }) =>
        api<Grantee>(base(grantId), { method: "POST", body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ grantee, body }: { grantee: Grantee; body: UpdateGrantee }) =>
        api<Grantee>(`${base(grantee.grantId)}/${enc(grantee.id)}`, { method: "PATCH", body }),
      onSuccess: refresh,
    }),
    status: useMutation({
      mutationFn: ({ grantee, action }: { grantee: Grantee; action: GranteeAction }) =>
        api<Grantee>(`${base(grantee.grantId)}/${enc(grantee.id)}/${action}`, { method: "POST" }),
      onSuccess: refresh,
    }),
  };
}

/** Starts a read-only preview of the portal as the grantee sees it; answers where to open it. */
export function startPreview(granteeId: string) {
  return api<{ granteeId: string; url: string }>(`/api/grantees/${enc(granteeId)}/preview`, {
    method: "POST",
  });
}

/** Adds, changes and deletes grant profiles (administrators). */
export function useProfileMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: accessKeys.profiles });
  return {
    create: useMutation({
      mutationFn: (body: CreateGrantProfile) =>
        api<GrantProfile>("/api/grant-profiles", { method: "POST", body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateGrantProfile }) =>
        api<GrantProfile>(`/api/grant-profiles/${enc(id)}`, { method: "PATCH", body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<null>(`/api/grant-profiles/${enc(id)}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
