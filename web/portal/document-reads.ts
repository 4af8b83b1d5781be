import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PortalDocumentList, PortalOverview } from "../../contracts/portal";
import { fileBase } from "./portal-api";
import { portalApi } from "./portal-fetch";
import { usePreviewId } from "./preview";

// PORTAL-4's mailbox: marking shared documents read. The lists change at once (the badge goes as the
// document opens), then the file's documents and overview are read again for the server's answer.

/** Marks one document (`documentId`) or, without one, every document of the file as read. */
export function useMarkDocumentsRead(firmId: string, fileId: string) {
  const queryClient = useQueryClient();
  const viewer = usePreviewId() ?? "account";
  const listKey = ["portal", viewer, firmId, fileId, "documents"];
  const overviewKey = ["portal", viewer, firmId, fileId, "overview"];
  return useMutation({
    mutationFn: (documentId: string | undefined) =>
      portalApi<void>(`${fileBase(firmId, fileId)}/documents/${documentId ? `${documentId}/read` : "read"}`, {
        method: "POST",
      }),
    onMutate: async (documentId) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const read = (id: string) => documentId === undefined || id === documentId;
      let marked = 0;
      const listed = queryClient.getQueryData<PortalDocumentList>(listKey) !== undefined;
      queryClient.setQueryData<PortalDocumentList>(listKey, (list) =>
        list
          ? {
              documents: list.documents.map((doc) => {
                if (!doc.unread || !read(doc.id)) return doc;
                marked += 1;
                return { ...doc, unread: false };
              }),
            }
          : list,
      );
      queryClient.setQueryData<PortalOverview>(overviewKey, (overview) => {
        if (!overview) return overview;
        // Without the list loaded (marked from the overview's news), the news says whether it was new.
        const news = overview.news.filter((item) => item.kind !== "document" || !read(item.id));
        const gone = listed ? marked : overview.news.length - news.length;
        return {
          ...overview,
          unreadDocuments: documentId === undefined ? 0 : Math.max(0, overview.unreadDocuments - gone),
          news,
        };
      });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: listKey }),
        queryClient.invalidateQueries({ queryKey: overviewKey }),
      ]),
  });
}
