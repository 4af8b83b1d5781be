import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CaseAttachment,
  CreatePortalCase,
  PortalCaseDetail,
  PortalCaseList,
  PortalCaseReply,
} from "../../../contracts/cases";
import { sendCaseWrite } from "../../app/inbox/case-send";
import { fileBase } from "../portal-api";
import { portalApi } from "../portal-fetch";
import { usePreviewId } from "../preview";

// The portal's cases (PORTAL-6, PORTAL-7). Query keys start like every portal key (viewer, firm, file),
// so a preview never shares answers with the account and a file's refresh reaches its cases too.

function useCaseKeys(firmId: string, fileId: string) {
  const viewer = usePreviewId() ?? "account";
  return {
    all: ["portal", viewer, firmId, fileId, "cases"] as const,
    one: (caseId: string) => ["portal", viewer, firmId, fileId, "cases", caseId] as const,
  };
}

/** `…/cases` of a file in the portal API. */
export function casesBase(firmId: string, fileId: string): string {
  return `${fileBase(firmId, fileId)}/cases`;
}

/** Where an attachment of a case is downloaded from. */
export function attachmentUrl(firmId: string, fileId: string, caseId: string, attachment: CaseAttachment) {
  return `${casesBase(firmId, fileId)}/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachment.id)}`;
}

/** The viewer's cases of the file, latest activity first, and what they may start here. */
export function usePortalCases(firmId: string, fileId: string) {
  const keys = useCaseKeys(firmId, fileId);
  return useQuery({
    queryKey: keys.all,
    queryFn: () => portalApi<PortalCaseList>(casesBase(firmId, fileId)),
  });
}

/** One case with its thread; opening it marks the firm's messages read, so the list reloads after. */
export function usePortalCase(firmId: string, fileId: string, caseId: string) {
  const keys = useCaseKeys(firmId, fileId);
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.one(caseId),
    queryFn: async () => {
      const detail = await portalApi<PortalCaseDetail>(
        `${casesBase(firmId, fileId)}/${encodeURIComponent(caseId)}`,
      );
      void queryClient.invalidateQueries({ queryKey: keys.all, exact: true });
      return detail;
    },
  });
}

/** Sends a new case with its files; answers the created case. */
export function useCreateCase(firmId: string, fileId: string) {
  const keys = useCaseKeys(firmId, fileId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      data: CreatePortalCase;
      files: readonly File[];
      onProgress?: (f: number) => void;
    }) =>
      sendCaseWrite<{ id: string }>({
        url: casesBase(firmId, fileId),
        data: input.data,
        files: input.files,
        onProgress: input.onProgress,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Answers in a case's thread with files; the thread shows the answer at once. */
export function useReplyToCase(firmId: string, fileId: string, caseId: string) {
  const keys = useCaseKeys(firmId, fileId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      data: PortalCaseReply;
      files: readonly File[];
      onProgress?: (f: number) => void;
    }) =>
      sendCaseWrite<unknown>({
        url: `${casesBase(firmId, fileId)}/${encodeURIComponent(caseId)}/messages`,
        data: input.data,
        files: input.files,
        onProgress: input.onProgress,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
