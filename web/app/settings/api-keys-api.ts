import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiKey, ApiKeyList, CreateApiKey, CreatedApiKey } from "../../../contracts/api-keys";
import { api } from "../../ui/api";

/** The firm's API keys (never their secrets). */
export const apiKeysQuery = queryOptions({
  queryKey: ["settings", "api-keys"] as const,
  queryFn: () => api<ApiKeyList>("/api/settings/api-keys"),
});

/** Creating and revoking keys; the list is read again after each. */
export function useApiKeyMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey });
  return {
    create: useMutation({
      mutationFn: (body: CreateApiKey) =>
        api<CreatedApiKey>("/api/settings/api-keys", { method: "POST", body }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => api<ApiKey>(`/api/settings/api-keys/${id}/revoke`, { method: "POST" }),
      onSuccess: refresh,
    }),
  };
}
