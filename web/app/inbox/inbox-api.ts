import { infiniteQueryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CaseAttachment,
  CaseDetail,
  CaseInbox,
  CaseStatus,
  InboxCaseKind,
  StaffCaseReply,
  UpdateCase,
} from "../../../contracts/cases";
import { api } from "../../ui/api";
import { sendCaseWrite } from "./case-send";

/** The inbox's filters as the URL keeps them; absent means "any". */
export interface InboxFilters {
  status?: CaseStatus;
  kind?: InboxCaseKind;
  /** "me", "unassigned" or a staff user id; absent: everyone. */
  assignee?: string;
  clientFileId?: string;
  q?: string;
}

/** Query keys of the inbox. */
export const inboxKeys = {
  all: ["cases"] as const,
  list: (filters: InboxFilters) => ["cases", "list", filters] as const,
  one: (id: string) => ["cases", "one", id] as const,
  badge: ["cases", "badge"] as const,
};

function inboxUrl(filters: InboxFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  const query = params.toString();
  return `/api/cases${query ? `?${query}` : ""}`;
}

/** The inbox, a page at a time, latest activity first, with the counts by status. */
export function inboxQuery(filters: InboxFilters) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<CaseInbox>(inboxUrl(filters, pageParam ? { cursor: pageParam } : {}), { signal }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One case with its thread; opening it marks the client's messages read, so lists reload after. */
export function useStaffCase(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: inboxKeys.one(id),
    queryFn: async ({ signal }) => {
      const detail = await api<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, { signal });
      void queryClient.invalidateQueries({ queryKey: ["cases", "list"] });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.badge });
      return detail;
    },
  });
}

/** Where an attachment of a case is downloaded from. */
export function staffAttachmentUrl(caseId: string, attachment: CaseAttachment): string {
  return `/api/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachment.id)}`;
}

/** After a change: the case shows the server's answer, lists and the badge reload. */
function useSettle(id: string) {
  const queryClient = useQueryClient();
  return (detail: CaseDetail) => {
    queryClient.setQueryData(inboxKeys.one(id), detail);
    void queryClient.invalidateQueries({ queryKey: ["cases", "list"] });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.badge });
  };
}

/** Replies to the client, with files; the status goes along (waiting for the client by default). */
export function useStaffReply(id: string) {
  const settle = useSettle(id);
  return useMutation({
    mutationFn: (input: { data: StaffCaseReply; files: readonly File[]; onProgress?: (f: number) => void }) =>
      sendCaseWrite<CaseDetail>({
        url: `/api/cases/${encodeURIComponent(id)}/messages`,
        data: input.data,
        files: input.files,
        onProgress: input.onProgress,
      }),
    onSuccess: settle,
  });
}

/** Changes the status and/or the assignee. */
export function useUpdateCase(id: string) {
  const settle = useSettle(id);
  return useMutation({
    mutationFn: (changes: UpdateCase) =>
      api<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, { method: "PATCH", body: changes }),
    onSuccess: settle,
  });
}

/**
 * The navigation's badge: open cases waiting for this staff member — assigned to them, and for admins
 * also the unassigned ones, which fall to the admins (CASE-1). Checked every minute.
 */
export function useOpenCount(isAdmin: boolean) {
  return useQuery({
    queryKey: [...inboxKeys.badge, isAdmin],
    queryFn: async ({ signal }) => {
      const mine = api<CaseInbox>(inboxUrl({ status: "open", assignee: "me" }, { limit: "1" }), { signal });
      const unassigned = isAdmin
        ? api<CaseInbox>(inboxUrl({ status: "open", assignee: "unassigned" }, { limit: "1" }), { signal })
        : Promise.resolve(undefined);
      const [a, b] = await Promise.all([mine, unassigned]);
      return a.counts.open + (b?.counts.open ?? 0);
    },
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}
