import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  Address,
  AddressInput,
  AddressList,
  Asset,
  AssetInput,
  AssetList,
  Claim,
  ClaimInput,
  ClaimList,
  Contract,
  ContractInput,
  ContractList,
  ContractStatus,
  Donation,
  DonationInput,
  DonationList,
  LineOfBusinessList,
} from "../../../contracts/records";
import { api } from "../../ui/api";

/** The records a file holds, each under its own path below /api/client-files/:fileId. */
export type RecordKind = "contracts" | "assets" | "claims" | "reference-addresses" | "donations";

const fileUrl = (fileId: string) => `/api/client-files/${encodeURIComponent(fileId)}`;
/** Every records query of a file starts with this key, so one change can refresh them all. */
export const recordsKey = (fileId: string) => ["records", fileId] as const;

/** The file's contracts, optionally of one status. */
export function contractsQuery(fileId: string, status?: ContractStatus) {
  return queryOptions({
    queryKey: [...recordsKey(fileId), "contracts", status ?? "all"] as const,
    queryFn: async () =>
      (await api<ContractList>(`${fileUrl(fileId)}/contracts${status ? `?status=${status}` : ""}`)).contracts,
  });
}

/** The firm's active lines of business a contract of this file may take. */
export function linesOfBusinessQuery(fileId: string) {
  return queryOptions({
    queryKey: [...recordsKey(fileId), "lines-of-business"] as const,
    queryFn: async () =>
      (await api<LineOfBusinessList>(`${fileUrl(fileId)}/lines-of-business`)).linesOfBusiness,
    staleTime: 5 * 60_000,
  });
}

/** The file's assets and their totals per currency. */
export function assetsQuery(fileId: string) {
  return queryOptions({
    queryKey: [...recordsKey(fileId), "assets"] as const,
    queryFn: () => api<AssetList>(`${fileUrl(fileId)}/assets`),
  });
}

/** The file's claims, newest first. */
export function claimsQuery(fileId: string) {
  return queryOptions({
    queryKey: [...recordsKey(fileId), "claims"] as const,
    queryFn: async () => (await api<ClaimList>(`${fileUrl(fileId)}/claims`)).claims,
  });
}

/** The file's reference addresses with their linked contracts. */
export function addressesQuery(fileId: string) {
  return queryOptions({
    queryKey: [...recordsKey(fileId), "reference-addresses"] as const,
    queryFn: async () => (await api<AddressList>(`${fileUrl(fileId)}/reference-addresses`)).addresses,
  });
}

/** The file's donations and the persons the form offers. */
export function donationsQuery(fileId: string) {
  return queryOptions({
    queryKey: [...recordsKey(fileId), "donations"] as const,
    queryFn: () => api<DonationList>(`${fileUrl(fileId)}/donations`),
  });
}

interface Saved {
  contracts: Contract;
  assets: Asset;
  claims: Claim;
  "reference-addresses": Address;
  donations: Donation;
}
interface Inputs {
  contracts: ContractInput;
  assets: AssetInput;
  claims: ClaimInput;
  "reference-addresses": AddressInput;
  donations: DonationInput;
}
/** The body a create or update of one kind of record sends. */
export type RecordInput<K extends RecordKind> = Inputs[K];

/**
 * Create, update and delete for one kind of record. Every change refreshes all records of the file
 * (a contract shows in claims and addresses) and the file's history.
 */
export function useRecordMutations<K extends RecordKind>(fileId: string, kind: K) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: recordsKey(fileId) });
    await queryClient.invalidateQueries({ queryKey: ["client-files", fileId] });
  };
  const base = `${fileUrl(fileId)}/${kind}`;
  const save = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Inputs[K] }) =>
      id
        ? api<Saved[K]>(`${base}/${encodeURIComponent(id)}`, { method: "PATCH", body })
        : api<Saved[K]>(base, { method: "POST", body }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<null>(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  return { save, remove };
}
