import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { FirmMailServer, MailServerTestResult, UpdateFirmMailServer } from "../../../contracts/mail";
import { api } from "../../ui/api";

/** The firm's own SMTP server (never its password; only whether one is set). */
export const firmMailServerQuery = queryOptions({
  queryKey: ["firm", "mail-server"] as const,
  queryFn: () => api<FirmMailServer>("/api/firm/mail-server"),
});

/** Saving, removing and testing the firm's own SMTP server; the cache follows each answer. */
export function useMailServerMutations() {
  const queryClient = useQueryClient();
  const store = (server: FirmMailServer) => queryClient.setQueryData(firmMailServerQuery.queryKey, server);
  return {
    save: useMutation({
      mutationFn: (body: UpdateFirmMailServer) =>
        api<FirmMailServer>("/api/firm/mail-server", { method: "PUT", body }),
      onSuccess: store,
    }),
    remove: useMutation({
      mutationFn: () => api<FirmMailServer>("/api/firm/mail-server", { method: "DELETE" }),
      onSuccess: store,
    }),
    test: useMutation({
      mutationFn: (to: string) =>
        api<MailServerTestResult>("/api/firm/mail-server/test", {
          method: "POST",
          body: to ? { to } : {},
        }),
    }),
  };
}
