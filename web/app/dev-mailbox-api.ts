import { queryOptions } from "@tanstack/react-query";
import type { CaughtMail, CaughtMailSummary } from "../../contracts/dev-mailbox";
import { api } from "../ui/api";

/** Mails caught by the development SMTP sink, newest first. */
export const caughtMailsQuery = queryOptions({
  queryKey: ["dev-mailbox"] as const,
  queryFn: async () => (await api<{ mails: CaughtMailSummary[] }>("/api/dev/mailbox")).mails,
});

/** One caught mail with its HTML and plain text. */
export function caughtMailQuery(id: string) {
  return queryOptions({
    queryKey: ["dev-mailbox", id] as const,
    queryFn: () => api<CaughtMail>(`/api/dev/mailbox/${encodeURIComponent(id)}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Where the mail's HTML is served for the sandboxed preview frame. */
export function caughtMailHtmlUrl(id: string): string {
  return `/api/dev/mailbox/${encodeURIComponent(id)}/html`;
}
