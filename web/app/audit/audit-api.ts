import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { AuditActor, AuditPage } from "../../../contracts/audit";
import { api } from "../../ui/api";

/** Filters of the firm log as the page holds them (dates as yyyy-mm-dd in the reader's time zone). */
export interface FirmLogFilters {
  action: string;
  actorUserId: string;
  from: string;
  to: string;
}

/** The query string of the firm log's filters; the end date counts in full (up to its midnight). */
export function firmLogSearch(filters: FirmLogFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.action) search.set("action", filters.action);
  if (filters.actorUserId) search.set("actorUserId", filters.actorUserId);
  if (filters.from) search.set("from", new Date(`${filters.from}T00:00:00`).toISOString());
  if (filters.to) {
    const end = new Date(`${filters.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    search.set("to", end.toISOString());
  }
  return search;
}

/** A client file's history, page by page (newest first). */
export function fileHistoryQuery(clientFileId: string, action: string) {
  return infiniteQueryOptions({
    queryKey: ["client-files", clientFileId, "history", action] as const,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: "30" });
      if (action) search.set("action", action);
      if (pageParam) search.set("cursor", pageParam);
      return api<AuditPage>(`/api/client-files/${encodeURIComponent(clientFileId)}/history?${search}`);
    },
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The firm-wide log, page by page (newest first). */
export function firmLogQuery(filters: FirmLogFilters) {
  return infiniteQueryOptions({
    queryKey: ["audit", filters] as const,
    queryFn: ({ pageParam }) => {
      const search = firmLogSearch(filters);
      search.set("limit", "50");
      if (pageParam) search.set("cursor", pageParam);
      return api<AuditPage>(`/api/audit?${search}`);
    },
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The firm's staff, for the "who" filter. */
export const auditActorsQuery = queryOptions({
  queryKey: ["audit", "actors"] as const,
  queryFn: () => api<AuditActor[]>("/api/audit/actors"),
  staleTime: 5 * 60_000,
});

/** Where the CSV export of the filtered log downloads from. */
export function firmLogExportUrl(filters: FirmLogFilters): string {
  const search = firmLogSearch(filters).toString();
  return `/api/audit/export.csv${search ? `?${search}` : ""}`;
}
