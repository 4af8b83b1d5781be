import { queryOptions } from "@tanstack/react-query";
import i18next from "i18next";
import type {
  ImportKind,
  ImportOptions,
  ImportPreview,
  ImportRun,
  ImportRunDetail,
  ImportRunList,
} from "../../../contracts/imports";
import { currentLanguage } from "../../i18n/i18n";
import { ApiError, api } from "../../ui/api";

/**
 * Uploads the CSV file itself as the request body (the server detects its encoding, so the bytes
 * must arrive untouched) and returns the preview; nothing is imported yet.
 */
export async function uploadImport(
  file: File,
  kind: ImportKind,
  options: ImportOptions,
): Promise<ImportPreview> {
  const params = new URLSearchParams({ kind, fileName: file.name });
  for (const [key, value] of Object.entries(options)) if (value) params.set(key, value);
  let response: Response;
  try {
    response = await fetch(`/api/imports?${params}`, {
      method: "POST",
      headers: {
        Accept: "application/json",
        "Accept-Language": currentLanguage(),
        "Content-Type": "text/csv",
        "x-atrium-csrf": "1",
      },
      body: file,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", i18next.t("errors.network"));
  }
  const parsed = (await response.json().catch(() => undefined)) as
    | (ImportPreview & { error?: { code: string; message: string; details?: unknown } })
    | undefined;
  if (!response.ok) {
    if (parsed?.error)
      throw new ApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.details);
    throw new ApiError(response.status, "unexpected", i18next.t("errors.unexpected"));
  }
  return parsed as ImportPreview;
}

/** Reads the uploaded file again with other options. */
export function repreviewImport(id: string, options: ImportOptions): Promise<ImportPreview> {
  return api<ImportPreview>(`/api/imports/${id}/preview`, { method: "POST", body: options });
}

/** Starts a previewed import. */
export function runImport(id: string): Promise<ImportRun> {
  return api<ImportRun>(`/api/imports/${id}/run`, { method: "POST", body: {} });
}

/** One import with progress and errors; polled every second while it runs. */
export function importRunQuery(id: string) {
  return queryOptions({
    queryKey: ["imports", id] as const,
    queryFn: () => api<ImportRunDetail>(`/api/imports/${id}`),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1000 : false),
  });
}

/** The firm's recent imports. */
export const importRunsQuery = queryOptions({
  queryKey: ["imports"] as const,
  queryFn: async () => (await api<ImportRunList>("/api/imports")).items,
});
