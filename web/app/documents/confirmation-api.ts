import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Language } from "../../../contracts/common";
import type {
  ConfirmationList,
  ConfirmationPreview,
  ConfirmationPreviewBody,
  ConfirmationRequest,
  CreateConfirmations,
} from "../../../contracts/confirmations";
import { api } from "../../ui/api";
import { documentKeys } from "./documents-api";

const documentBase = (fileId: string, documentId: string) =>
  `/api/client-files/${fileId}/documents/${documentId}/confirmations`;

/** Query keys of a document's confirmation requests. */
export const confirmationKeys = {
  list: (fileId: string, documentId: string) =>
    [...documentKeys.one(fileId, documentId), "confirmations"] as const,
};

/** A document's confirmation requests and whom one may ask. */
export function useConfirmations(fileId: string, documentId: string) {
  return useQuery({
    queryKey: confirmationKeys.list(fileId, documentId),
    queryFn: ({ signal }) => api<ConfirmationList>(documentBase(fileId, documentId), { signal }),
  });
}

/** The request mail one grantee would get, with the standard texts to start from. */
export function confirmationPreviewQuery(fileId: string, documentId: string, body: ConfirmationPreviewBody) {
  return {
    queryKey: [...confirmationKeys.list(fileId, documentId), "preview", body] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api<ConfirmationPreview>(`${documentBase(fileId, documentId)}/preview`, {
        method: "POST",
        body,
        signal,
      }),
  };
}

/** Asking, cancelling and resending; each refreshes the document (sharing may change) and its requests. */
export function useConfirmationMutations(fileId: string, documentId: string) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: documentKeys.list(fileId) }),
      client.invalidateQueries({ queryKey: documentKeys.one(fileId, documentId) }),
    ]);
  const request = useMutation({
    mutationFn: (body: CreateConfirmations) =>
      api<{ items: ConfirmationRequest[] }>(documentBase(fileId, documentId), { method: "POST", body }),
    onSuccess: refresh,
  });
  const change = useMutation({
    mutationFn: ({ id, action }: { id: string; action: "cancel" | "resend" }) =>
      api<ConfirmationRequest>(`/api/client-files/${fileId}/confirmations/${id}/${action}`, {
        method: "POST",
      }),
    onSuccess: refresh,
  });
  return { request, change };
}

/** Where a confirmed request's certificate downloads, in the chosen language. */
export function certificateUrl(fileId: string, id: string, language: Language): string {
  return `/api/client-files/${fileId}/confirmations/${id}/certificate?language=${language}`;
}
