import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type {
  ClientFile,
  ClientFileFilter,
  ClientFilePage,
  ClientFileSelection,
  CreateClientFile,
  Person,
  PersonInput,
  PersonList,
  PersonPatch,
  StaffChoices,
  UpdateClientFile,
} from "../../../contracts/clients";
import { api } from "../../ui/api";

/** The list's filter and sort as the page keeps them. */
export interface ListParams extends ClientFileFilter {
  sort: "name" | "number" | "updated";
  dir: "asc" | "desc";
}

export const PAGE_SIZE = 50;

function listUrl(params: ListParams, cursor: string | null): string {
  const search = new URLSearchParams({ sort: params.sort, dir: params.dir, limit: String(PAGE_SIZE) });
  if (params.q) search.set("q", params.q);
  if (params.kind) search.set("kind", params.kind);
  if (params.caseOwnerId) search.set("caseOwnerId", params.caseOwnerId);
  if (cursor) search.set("cursor", cursor);
  return `/api/client-files?${search}`;
}

/** Cache keys of the clients feature; every change invalidates the whole "clients" key. */
export const clientKeys = {
  all: ["clients"] as const,
  list: (params: ListParams) => ["clients", "list", params] as const,
  file: (id: string) => ["clients", "file", id] as const,
  persons: (id: string) => ["clients", "persons", id] as const,
  staff: ["clients", "staff-choices"] as const,
};

/** The client list, one keyset page after another ("load more"). */
export function clientListQuery(params: ListParams) {
  return infiniteQueryOptions({
    queryKey: clientKeys.list(params),
    queryFn: ({ pageParam, signal }) => api<ClientFilePage>(listUrl(params, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One client file. */
export function clientFileQuery(id: string) {
  return queryOptions({
    queryKey: clientKeys.file(id),
    queryFn: () => api<ClientFile>(`/api/client-files/${id}`),
  });
}

/** The persons of a file. */
export function personsQuery(id: string) {
  return queryOptions({
    queryKey: clientKeys.persons(id),
    queryFn: () => api<PersonList>(`/api/client-files/${id}/persons`),
  });
}

/** Staff who can own files or join teams; changes rarely. */
export const staffChoicesQuery = queryOptions({
  queryKey: clientKeys.staff,
  queryFn: () => api<StaffChoices>("/api/client-files/staff-choices"),
  staleTime: 5 * 60_000,
});

/** Every id matching the filter (for "select all matching"). */
export function selectAllMatching(filter: ClientFileFilter) {
  return api<ClientFileSelection>("/api/client-files/select", { method: "POST", body: filter });
}

export function createClientFile(body: CreateClientFile) {
  return api<ClientFile>("/api/client-files", { method: "POST", body });
}

export function updateClientFile(id: string, body: UpdateClientFile) {
  return api<ClientFile>(`/api/client-files/${id}`, { method: "PATCH", body });
}

export function setTeam(id: string, userIds: string[]) {
  return api<ClientFile>(`/api/client-files/${id}/team`, { method: "PUT", body: { userIds } });
}

export function reassignCaseOwner(id: string, userId: string) {
  return api<ClientFile>(`/api/client-files/${id}/case-owner`, { method: "POST", body: { userId } });
}

export function deleteClientFile(id: string) {
  return api<null>(`/api/client-files/${id}`, { method: "DELETE" });
}

export function addPerson(fileId: string, body: PersonInput) {
  return api<Person>(`/api/client-files/${fileId}/persons`, { method: "POST", body });
}

export function updatePerson(fileId: string, personId: string, body: PersonPatch) {
  return api<Person>(`/api/client-files/${fileId}/persons/${personId}`, { method: "PATCH", body });
}

export function removePerson(fileId: string, personId: string) {
  return api<null>(`/api/client-files/${fileId}/persons/${personId}`, { method: "DELETE" });
}
