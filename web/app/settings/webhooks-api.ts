import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CreateWebhookEndpoint,
  UpdateWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
} from "../../../contracts/webhooks";
import { api } from "../../ui/api";

const base = "/api/settings/webhooks";

/** The firm's webhook endpoints (never their secrets). */
export const webhooksQuery = queryOptions({
  queryKey: ["settings", "webhooks"] as const,
  queryFn: () => api<WebhookEndpointList>(base),
});

/** One endpoint's delivery log, read again every few seconds while it is open (retries move on their own). */
export function deliveriesQuery(endpointId: string) {
  return queryOptions({
    queryKey: ["settings", "webhooks", endpointId, "deliveries"] as const,
    queryFn: () => api<WebhookDeliveryList>(`${base}/${endpointId}/deliveries`),
    refetchInterval: 2000,
  });
}

/** Creating, changing, deleting endpoints, rotating secrets, test events and resends; lists refresh after each. */
export function useWebhookMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhooksQuery.queryKey });
  return {
    create: useMutation({
      mutationFn: (body: CreateWebhookEndpoint) =>
        api<WebhookEndpointWithSecret>(base, { method: "POST", body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateWebhookEndpoint }) =>
        api<WebhookEndpoint>(`${base}/${id}`, { method: "PATCH", body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<null>(`${base}/${id}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
    rotate: useMutation({
      mutationFn: (id: string) =>
        api<WebhookEndpointWithSecret>(`${base}/${id}/rotate-secret`, { method: "POST" }),
      onSuccess: refresh,
    }),
    test: useMutation({
      mutationFn: (id: string) => api<WebhookDelivery>(`${base}/${id}/test`, { method: "POST" }),
      onSuccess: refresh,
    }),
    resend: useMutation({
      mutationFn: ({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) =>
        api<WebhookDelivery>(`${base}/${endpointId}/deliveries/${deliveryId}/resend`, { method: "POST" }),
      onSuccess: refresh,
    }),
  };
}
