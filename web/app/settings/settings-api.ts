import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import type {
  CreateDocumentCategory,
  CreateLineOfBusiness,
  DocumentCategory,
  FirmPolicies,
  FirmProfile,
  LineOfBusiness,
  UpdateDocumentCategory,
  UpdateFirmPolicies,
  UpdateFirmProfile,
  UpdateLineOfBusiness,
} from "../../../contracts/settings";
import { currentLanguage } from "../../i18n/i18n";
import { ApiError, api } from "../../ui/api";

const firmKey = ["firm"] as const;

/** The firm's profile. */
export const firmProfileQuery = queryOptions({
  queryKey: [...firmKey, "profile"] as const,
  queryFn: () => api<FirmProfile>("/api/firm"),
});

/** The firm's policies. */
export const firmPoliciesQuery = queryOptions({
  queryKey: [...firmKey, "policies"] as const,
  queryFn: () => api<FirmPolicies>("/api/firm/policies"),
});

/** The firm's lines of business, active and inactive. */
export const linesOfBusinessQuery = queryOptions({
  queryKey: [...firmKey, "lines-of-business"] as const,
  queryFn: () => api<LineOfBusiness[]>("/api/firm/lines-of-business"),
});

/** The firm's document categories, active and inactive. */
export const documentCategoriesQuery = queryOptions({
  queryKey: [...firmKey, "document-categories"] as const,
  queryFn: () => api<DocumentCategory[]>("/api/firm/document-categories"),
});

/**
 * Sends the logo as the raw request body (the server sniffs what it is). `api()` speaks JSON only, so
 * this mirrors its headers and error handling.
 */
export async function uploadLogo(file: Blob): Promise<FirmProfile> {
  let response: Response;
  try {
    response = await fetch("/api/firm/logo", {
      method: "PUT",
      headers: {
        Accept: "application/json",
        "Accept-Language": currentLanguage(),
        "x-atrium-csrf": "1",
        "Content-Type": file.type || "application/octet-stream",
      },
      body: file,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", i18next.t("errors.network"));
  }
  const body = (await response.json().catch(() => undefined)) as
    | FirmProfile
    | { error?: { code: string; message: string; details?: unknown } }
    | undefined;
  if (!response.ok) {
    const error = body && "error" in body ? body.error : undefined;
    if (error) throw new ApiError(response.status, error.code, error.message, error.details);
    throw new ApiError(response.status, "unexpected", i18next.t("errors.unexpected"));
  }
  return body as FirmProfile;
}

/** Profile changes: the cache is updated from the answer, so every page shows the new profile at once. */
export function useFirmProfileMutations() {
  const queryClient = useQueryClient();
  const store = (profile: FirmProfile) => {
    queryClient.setQueryData(firmProfileQuery.queryKey, profile);
    // The shell shows the firm's name from `Me`.
    void queryClient.invalidateQueries({ queryKey: ["me"] });
  };
  return {
    update: useMutation({
      mutationFn: (body: UpdateFirmProfile) => api<FirmProfile>("/api/firm", { method: "PATCH", body }),
      onSuccess: store,
    }),
    uploadLogo: useMutation({ mutationFn: uploadLogo, onSuccess: store }),
    removeLogo: useMutation({
      mutationFn: () => api<FirmProfile>("/api/firm/logo", { method: "DELETE" }),
      onSuccess: store,
    }),
    regenerateCode: useMutation({
      mutationFn: () => api<{ publicCode: string }>("/api/firm/public-code", { method: "POST" }),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: firmProfileQuery.queryKey }),
    }),
  };
}

/** Changes the firm's policies. */
export function useUpdatePolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateFirmPolicies) =>
      api<FirmPolicies>("/api/firm/policies", { method: "PATCH", body }),
    onSuccess: (policies) => queryClient.setQueryData(firmPoliciesQuery.queryKey, policies),
  });
}

/** Adds and changes lines of business. */
export function useLineOfBusinessMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: linesOfBusinessQuery.queryKey });
  return {
    create: useMutation({
      mutationFn: (body: CreateLineOfBusiness) =>
        api<LineOfBusiness>("/api/firm/lines-of-business", { method: "POST", body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: UpdateLineOfBusiness & { id: string }) =>
        api<LineOfBusiness>(`/api/firm/lines-of-business/${encodeURIComponent(id)}`, {
          method: "PATCH",
          body,
        }),
      onSuccess: refresh,
    }),
  };
}

/** Adds and changes document categories (deactivating one may change the recommended categories). */
export function useDocumentCategoryMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: documentCategoriesQuery.queryKey });
    await queryClient.invalidateQueries({ queryKey: firmPoliciesQuery.queryKey });
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateDocumentCategory) =>
        api<DocumentCategory>("/api/firm/document-categories", { method: "POST", body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: UpdateDocumentCategory & { id: string }) =>
        api<DocumentCategory>(`/api/firm/document-categories/${encodeURIComponent(id)}`, {
          method: "PATCH",
          body,
        }),
      onSuccess: refresh,
    }),
  };
}
