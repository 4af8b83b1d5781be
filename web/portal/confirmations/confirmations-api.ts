import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PortalConfirmationList, PortalConfirmReceipt } from "../../../contracts/confirmations";
import { fileBase } from "../portal-api";
import { portalApi } from "../portal-fetch";
import { usePreviewId } from "../preview";

/** The viewer's confirmation requests on the file (PORTAL-5): open ones first. */
export function usePortalConfirmations(firmId: string, fileId: string) {
  const viewer = usePreviewId() ?? "account";
  return useQuery({
    queryKey: ["portal", viewer, firmId, fileId, "confirmations"],
    queryFn: () => portalApi<PortalConfirmationList>(`${fileBase(firmId, fileId)}/confirmations`),
  });
}

/** "I confirm": records the confirmation and answers the receipt; the list reloads. */
export function useConfirmReceipt(firmId: string, fileId: string) {
  const queryClient = useQueryClient();
  const viewer = usePreviewId() ?? "account";
  return useMutation({
    mutationFn: (id: string) =>
      portalApi<PortalConfirmReceipt>(
        `${fileBase(firmId, fileId)}/confirmations/${encodeURIComponent(id)}/confirm`,
        {
          method: "POST",
          body: { confirmed: true },
        },
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ["portal", viewer, firmId, fileId, "confirmations"] }),
  });
}
