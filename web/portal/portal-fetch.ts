import { PREVIEW_HEADER } from "../../contracts/portal";
import { type ApiOptions, api, apiResponse } from "../ui/api";
import { previewGranteeId } from "./preview";

// The portal's calls to the API: the shared helper plus the preview header (GRANT-8) while this tab
// previews a grantee. Errors are the same ApiError, so forms and alerts treat both alike.

function previewHeaders(): Record<string, string> {
  const preview = previewGranteeId();
  return preview ? { [PREVIEW_HEADER]: preview } : {};
}

/** Calls the portal API (JSON in and out), with the preview header while this tab previews. */
export function portalApi<T>(path: string, options: Pick<ApiOptions, "method" | "body"> = {}): Promise<T> {
  return api<T>(path, { ...options, headers: previewHeaders() });
}

/**
 * Fetches a file (document, logo) with the preview header, for previews only: a plain link cannot send
 * the header. Resolves to the bytes with the content type the server gave.
 */
export async function portalBlob(path: string): Promise<Blob> {
  return (await apiResponse(path, { headers: previewHeaders(), accept: "*/*" })).blob();
}
