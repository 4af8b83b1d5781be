import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { NotificationSettings, UpdateNotificationSettings } from "../../contracts/notifications";
import { api } from "../ui/api";

const notificationsKey = ["account", "notifications"] as const;

/** Which notification topics the signed-in account gets by email. */
export const notificationSettingsQuery = queryOptions({
  queryKey: notificationsKey,
  queryFn: ({ signal }) => api<NotificationSettings>("/api/account/notifications", { signal }),
});

/** Saves the topics switched on or off; the answer is the settings as they now are. */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettings) =>
      api<NotificationSettings>("/api/account/notifications", { method: "PUT", body }),
    onSuccess: (settings) => queryClient.setQueryData(notificationsKey, settings),
  });
}
