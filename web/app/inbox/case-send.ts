import i18next from "i18next";
import { currentLanguage } from "../../i18n/i18n";
import { ApiError, api } from "../../ui/api";

// Creating a case and answering in its thread send a JSON body, and with files a multipart form whose
// `data` part holds the same JSON (contracts/cases.ts). Files go with XMLHttpRequest, which (unlike
// fetch) reports how far the upload is — on a phone's slow line a photo can take a while.

/** What one write sends: the JSON body and the chosen files (none: a plain JSON request). */
export interface CaseWrite {
  url: string;
  data: unknown;
  files: readonly File[];
  headers?: Record<string, string>;
  /** Called with 0…1 while files are on their way. */
  onProgress?: (fraction: number) => void;
}

/** Sends a case write; resolves to the server's answer, rejects with ApiError as `api` does. */
export function sendCaseWrite<T>({ url, data, files, headers, onProgress }: CaseWrite): Promise<T> {
  if (files.length === 0) return api<T>(url, { method: "POST", body: data, headers });
  const form = new FormData();
  // The JSON first, so the server knows what the files belong to before their bytes arrive.
  form.set("data", JSON.stringify(data));
  for (const file of files) form.append("files", file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", currentLanguage());
    xhr.setRequestHeader("x-atrium-csrf", "1");
    for (const [name, value] of Object.entries(headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "network", i18next.t("errors.network")));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const error = (body as { error?: { code: string; message: string; details?: unknown } } | undefined)
        ?.error;
      reject(
        error
          ? new ApiError(xhr.status, error.code, error.message, error.details)
          : new ApiError(xhr.status, "unexpected", i18next.t("errors.unexpected")),
      );
    };
    xhr.send(form);
  });
}

/** Human file size in the UI language: "2.4 MB", "812 KB". */
export function fileSize(bytes: number): string {
  const language = currentLanguage();
  if (bytes < 1024 * 1024)
    return new Intl.NumberFormat(language, {
      style: "unit",
      unit: "kilobyte",
      maximumFractionDigits: 0,
    }).format(Math.max(1, bytes / 1024));
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit: "megabyte",
    maximumFractionDigits: 1,
  }).format(bytes / (1024 * 1024));
}

/** A moment (ISO instant) in the UI language: "26 Nov 2026, 14:05". */
export function formatMoment(value: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(value),
  );
}

/** A calendar date (YYYY-MM-DD) in the UI language. */
export function formatDay(value: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "medium" }).format(
    new Date(`${value}T00:00:00`),
  );
}
