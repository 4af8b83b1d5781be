import type { App } from "../../server/deps.js";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A response from app.inject with its JSON body parsed. */
export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: string[];
}

/** A browser-like client for app.inject: keeps the session cookie and sends the CSRF header on writes. */
export class TestClient {
  cookie = "";

  constructor(
    private readonly app: App,
    private readonly language = "en",
  ) {}

  /** Sends one request and parses the JSON answer; Set-Cookie updates the client's cookie. */
  async request<T = unknown>(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await this.app.inject({
      method,
      url,
      payload: payload === undefined ? undefined : (payload as object),
      headers: {
        "accept-language": this.language,
        ...(method === "GET" ? {} : { "x-atrium-csrf": "1" }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
    });
    const setCookie = response.headers["set-cookie"];
    const cookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)];
    for (const c of cookies) {
      const [pair = ""] = c.split(";");
      if (pair.startsWith("__Host-atrium_session=")) this.cookie = /=$/.test(pair) ? "" : pair;
    }
    const text = response.body;
    const body = (
      text && response.headers["content-type"]?.toString().includes("json") ? JSON.parse(text) : text
    ) as T;
    return {
      status: response.statusCode,
      body,
      headers: response.headers,
      cookies,
    } satisfies JsonResponse<T>;
  }

  get<T = unknown>(url: string, headers?: Record<string, string>) {
    return this.request<T>("GET", url, undefined, headers);
  }
  post<T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request<T>("POST", url, payload ?? {}, headers);
  }
  patch<T = unknown>(url: string, payload?: unknown) {
    return this.request<T>("PATCH", url, payload ?? {});
  }
  put<T = unknown>(url: string, payload?: unknown) {
    return this.request<T>("PUT", url, payload ?? {});
  }
  delete<T = unknown>(url: string) {
    return this.request<T>("DELETE", url);
  }
}
