import { expect } from "vitest";
import type { ApiKeyScope, CreatedApiKey } from "../../contracts/api-keys.js";
import type { App } from "../../server/deps.js";
import type { TestClient } from "./http.js";

/** An answer of the sync API with its JSON body. */
export interface SyncResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Creates a key through the settings API as `admin` (fails the test when refused). */
export async function createKey(
  admin: TestClient,
  scopes: ApiKeyScope[] = ["read", "write", "import"],
  name = "Management system",
): Promise<CreatedApiKey> {
  const res = await admin.post<CreatedApiKey>("/api/settings/api-keys", { name, scopes });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A machine client of the sync API: a bearer key, no cookie, no CSRF header. */
export function syncClient(app: App, key: string, language = "en") {
  async function request<T = unknown>(
    method: "GET" | "PUT" | "POST",
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<SyncResponse<T>> {
    const response = await app.inject({
      method,
      url,
      payload: payload as string | object | Buffer | undefined,
      headers: { authorization: `Bearer ${key}`, "accept-language": language, ...headers },
    });
    const text = response.body;
    const body = (
      text && String(response.headers["content-type"] ?? "").includes("json") ? JSON.parse(text) : text
    ) as T;
    return { status: response.statusCode, body, headers: response.headers };
  }
  return {
    get: <T = unknown>(url: string) => request<T>("GET", url),
    put: <T = unknown>(url: string, body: unknown) => request<T>("PUT", url, body),
    post: <T = unknown>(url: string, body: unknown, headers?: Record<string, string>) =>
      request<T>("POST", url, body, headers),
  };
}

/** A batch answer as the tests read it. */
export interface BatchBody {
  results: Array<{
    index: number;
    externalId: string | null;
    status: string;
    id: string | null;
    problems: Array<{ field: string; message: string }>;
  }>;
  counts: Record<string, number>;
  error?: { code: string; message: string; details?: { fields?: Array<{ field: string }> } };
}
