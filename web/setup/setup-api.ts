import { queryOptions } from "@tanstack/react-query";
import type { SetupRequest, SetupStatus } from "../../contracts/setup";
import { api } from "../ui/api";

/** Whether the first-run setup is still to be done; it changes once in a server's life. */
export const setupStatusQuery = queryOptions({
  queryKey: ["setup"] as const,
  queryFn: () => api<SetupStatus>("/api/setup"),
  staleTime: 5 * 60_000,
});

/** Creates the firm and its first admin; the server signs the admin in with a session cookie. */
export function submitSetup(body: SetupRequest): Promise<unknown> {
  return api<unknown>("/api/setup", { method: "POST", body });
}
