import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import type {
  DocumentDetail,
  DocumentList,
  DocumentSummary,
  UpdateDocument,
} from "../../../contracts/documents";
import type { ContractList } from "../../../contracts/records";
import { currentLanguage } from "../../i18n/i18n";
import { ApiError, api } from "../../ui/api";

const base = (fileId: string) => `/api/client-files/${fileId}/documents`;

/** Query keys of the documents feature. */
export const documentKeys = {
  list: (fileId: string) => ["client-files", fileId, "documents"] as const,
  one: (fileId: string, id: string) => ["client-files", fileId, "documents", id] as const,
};

/** The file's documents and the firm's categories. */
export function useDocuments(fileId: string) {
  return useQuery({
    queryKey: documentKeys.list(fileId),
    queryFn: ({ signal }) => api<DocumentList>(base(fileId), { signal }),
  });
}

/** One document with its versions (loaded when a row is opened). */
export function useDocument(fileId: string, id: string | null) {
  return useQuery({
    queryKey: documentKeys.one(fileId, id ?? ""),
    queryFn: ({ signal }) => api<DocumentDetail>(`${base(fileId)}/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** The file's contracts, to link a document to one (empty when they cannot be loaded). */
export function useContractsForLinking(fileId: string) {
  return useQuery({
    queryKey: ["client-files", fileId, "contracts", "for-documents"],
    queryFn: async ({ signal }) => {
      try {
        return (await api<ContractList>(`/api/client-files/${fileId}/contracts`, { signal })).contracts;
      } catch {
        return [];
      }
    },
  });
}

/** Where a document's bytes are: as an attachment, or inline for the sandboxed preview. */
export function downloadUrl(
  fileId: string,
  id: string,
  options: { version?: number; inline?: boolean } = {},
) {
  const params = new URLSearchParams();
  if (options.version !== undefined) params.set("version", String(options.version));
  if (options.inline) params.set("inline", "1");
  const query = params.toString();
  return `${base(fileId)}/${id}/download${query ? `?${query}` : ""}`;
}

/** Changes that list and detail must both show. */
function useRefresh(fileId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: documentKeys.list(fileId) });
}

/**
 * The one-click share toggle: the list shows the new state at once and goes back if the server refuses.
 */
export function useShareToggle(fileId: string) {
  const client = useQueryClient();
  const key = documentKeys.list(fileId);
  return useMutation({
    mutationFn: ({ id, shared }: { id: string; shared: boolean }) =>
      api<DocumentSummary>(`${base(fileId)}/${id}/share`, { method: "POST", body: { shared } }),
    onMutate: async ({ id, shared }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<DocumentList>(key);
      client.setQueryData<DocumentList>(key, (list) =>
        list
          ? { ...list, items: list.items.map((d) => (d.id === id ? { ...d, sharedToPortal: shared } : d)) }
          : list,
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
    },
    onSettled: (_data, _error, { id }) => {
      void client.invalidateQueries({ queryKey: key, exact: true });
      void client.invalidateQueries({ queryKey: documentKeys.one(fileId, id) });
    },
  });
}

/** Changes title, category, contract or date. */
export function useUpdateDocument(fileId: string, id: string) {
  const client = useQueryClient();
  const refresh = useRefresh(fileId);
  return useMutation({
    mutationFn: (changes: UpdateDocument) =>
      api<DocumentDetail>(`${base(fileId)}/${id}`, { method: "PATCH", body: changes }),
    onSuccess: (detail) => {
      client.setQueryData(documentKeys.one(fileId, id), detail);
      void refresh();
    },
  });
}

/** Deletes a document with all its versions. */
export function useDeleteDocument(fileId: string) {
  const refresh = useRefresh(fileId);
  return useMutation({
    mutationFn: (id: string) => api<null>(`${base(fileId)}/${id}`, { method: "DELETE" }),
    onSuccess: () => void refresh(),
  });
}

/** What an upload sends besides the file. */
export interface UploadFields {
  title: string;
  categoryId: string;
  contractId?: string;
  documentDate?: string;
  sharedToPortal?: boolean;
}

/**
 * Sends a multipart upload with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * `fields` absent means a new version of document `versionOf`.
 */
export function sendUpload(
  fileId: string,
  file: File,
  options: { fields?: UploadFields; versionOf?: string; onProgress?: (fraction: number) => void },
): { done: Promise<DocumentDetail>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const form = new FormData();
  const { fields } = options;
  if (fields) {
    form.set("title", fields.title);
    form.set("categoryId", fields.categoryId);
    if (fields.contractId) form.set("contractId", fields.contractId);
    if (fields.documentDate) form.set("documentDate", fields.documentDate);
    form.set("sharedToPortal", fields.sharedToPortal ? "true" : "false");
  }
  // The file goes last so the server has the fields before the bytes arrive.
  form.set("file", file);
  const url = options.versionOf ? `${base(fileId)}/${options.versionOf}/versions` : base(fileId);
  const done = new Promise<DocumentDetail>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", currentLanguage());
    xhr.setRequestHeader("x-atrium-csrf", "1");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "network", i18next.t("errors.network")));
    xhr.onabort = () => reject(new ApiError(0, "aborted", i18next.t("documents.upload.aborted")));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as DocumentDetail);
        return;
      }
      const error = (body as { error?: { code: string; message: string; details?: unknown } })?.error;
      reject(
        error
          ? new ApiError(xhr.status, error.code, error.message, error.details)
          : new ApiError(xhr.status, "unexpected", i18next.t("errors.unexpected")),
      );
    };
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** Human file size in the UI language: "2.4 MB", "812 KB". */
export function formatSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A date (YYYY-MM-DD or ISO instant) in the UI language. */
export function formatDate(value: string): string {
  const date = value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "medium" }).format(date);
}

/** The title proposed for a chosen file: its name without the extension. */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot > 0 ? name.slice(0, dot) : name).slice(0, 200);
}
