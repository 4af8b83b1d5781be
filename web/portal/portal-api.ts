import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  FamilyAccess,
  FamilyAccessInput,
  PortalAddressList,
  PortalAssetList,
  PortalClaimList,
  PortalContractList,
  PortalDocumentList,
  PortalDonationList,
  PortalLineOfBusinessList,
  PortalMe,
  PortalOverview,
  PortalPersonList,
} from "../../contracts/portal";
import { portalApi } from "./portal-fetch";
import { usePreviewId } from "./preview";

// Every portal query key starts with the viewer ("account" or the previewed grantee), so a preview
// and the account's own portal never share cached answers.

/** The lists of a file the portal reads, each answering only what the viewer's grants show; and choices. */
export interface PortalLists {
  contracts: PortalContractList;
  assets: PortalAssetList;
  claims: PortalClaimList;
  addresses: PortalAddressList;
  persons: PortalPersonList;
  donations: PortalDonationList;
  documents: PortalDocumentList;
  /** The firm's active lines of business, for the contract form. */
  "lines-of-business": PortalLineOfBusinessList;
}
/** The name of one list endpoint of a file. */
export type PortalListName = keyof PortalLists;

/** `/api/portal/firms/<firm>/files/<file>`: the base of every per-file portal endpoint. */
export function fileBase(firmId: string, fileId: string): string {
  return `/api/portal/firms/${encodeURIComponent(firmId)}/files/${encodeURIComponent(fileId)}`;
}

function useViewerKey(): string {
  return usePreviewId() ?? "account";
}

/** The viewer's firms and files (PORTAL-2): the switcher and the branding. */
export function usePortalMe() {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: ["portal", viewer, "me"],
    queryFn: () => portalApi<PortalMe>("/api/portal/me"),
    staleTime: 60_000,
  });
}

/** The file's overview in its grant's presentation (PORTAL-3). */
export function useOverview(firmId: string, fileId: string) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: ["portal", viewer, firmId, fileId, "overview"],
    queryFn: () => portalApi<PortalOverview>(`${fileBase(firmId, fileId)}/overview`),
  });
}

/** One list of the file (PORTAL-4). */
export function usePortalList<N extends PortalListName>(firmId: string, fileId: string, name: N) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: ["portal", viewer, firmId, fileId, name],
    queryFn: () => portalApi<PortalLists[N]>(`${fileBase(firmId, fileId)}/${name}`),
  });
}

/** The family members and the access the holder gives them (PORTAL-9); only asked when allowed. */
export function useFamilyAccess(firmId: string, fileId: string, enabled: boolean) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: ["portal", viewer, firmId, fileId, "family-access"],
    queryFn: () => portalApi<FamilyAccess>(`${fileBase(firmId, fileId)}/family-access`),
    enabled,
  });
}

/** One change from the portal: the path below the file's base, the method and the JSON body. */
export interface PortalChange {
  path: string;
  method: "POST" | "PATCH" | "DELETE";
  body?: unknown;
}

/** Saves a change to the file (PORTAL-8); afterwards every list and the overview of the file reload. */
export function usePortalChange(firmId: string, fileId: string) {
  const queryClient = useQueryClient();
  const viewer = useViewerKey();
  return useMutation({
    mutationFn: ({ path, method, body }: PortalChange) =>
      portalApi<unknown>(`${fileBase(firmId, fileId)}/${path}`, { method, body }),
    // Totals, counts and cover all derive from the records, so the whole file is read again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["portal", viewer, firmId, fileId] }),
  });
}

/** Gives, changes or takes back a family member's access (PORTAL-9). */
export function useSetFamilyAccess(firmId: string, fileId: string) {
  const queryClient = useQueryClient();
  const viewer = useViewerKey();
  return useMutation({
    mutationFn: (input: FamilyAccessInput) =>
      portalApi<FamilyAccess>(`${fileBase(firmId, fileId)}/family-access`, { method: "PUT", body: input }),
    onSuccess: (data) => queryClient.setQueryData(["portal", viewer, firmId, fileId, "family-access"], data),
  });
}
