import i18next from "i18next";
import type { ErrorBody, FieldError } from "../../contracts/common";
import { currentLanguage } from "../i18n/i18n";

/** An API failure with the server's code, translated message and optional details. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** For `invalid` errors: the per-field messages from `details.fields`, else an empty list. */
  get fieldErrors(): FieldError[] {
    if (this.code !== "invalid" || !isRecord(this.details) || !Array.isArray(this.details.fields)) return [];
    return this.details.fields.filter(
      (item): item is FieldError =>
        isRecord(item) && typeof item.field === "string" && typeof item.message === "string",
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    isRecord(value) &&
    isRecord(value.error) &&
    typeof value.error.code === "string" &&
    typeof value.error.message === "string"
  );
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Options of one API call; `body` is sent as JSON; `headers` are added (e.g. the portal's preview). */
export interface ApiOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** What to accept instead of JSON (a download). */
  accept?: string;
}

async function errorOf(response: Response): Promise<ApiError> {
  let parsed: unknown;
  try {
    const text = await response.text();
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (isErrorBody(parsed)) {
    const { code, message, details } = parsed.error;
    return new ApiError(response.status, code, message, details);
  }
  // A proxy or crash page instead of our error body: say something useful anyway.
  return new ApiError(response.status, "unexpected", i18next.t("errors.unexpected"));
}

/** Calls the Atrium API on the same origin and returns the successful response; throws ApiError on failure. */
export async function apiResponse(
  path: string,
  { method = "GET", body, signal, headers: extra, accept }: ApiOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: accept ?? "application/json",
    // Server messages (validation, errors) come back in the language the UI shows.
    "Accept-Language": currentLanguage(),
    ...extra,
  };
  // The server refuses writes without this header: a cross-site form cannot set it.
  if (method !== "GET") headers["x-atrium-csrf"] = "1";
  if (body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, "network", i18next.t("errors.network"));
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** Calls the Atrium API on the same origin and returns the parsed JSON body; throws ApiError on failure. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  const text = await response.text();
  try {
    return (text === "" ? undefined : JSON.parse(text)) as T;
  } catch {
    // As before: a successful answer that is not JSON carries nothing the caller reads.
    return undefined as T;
  }
}

/** The message to show for any thrown value: the server's translated text, or a generic one. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : i18next.t("errors.unexpected");
}
