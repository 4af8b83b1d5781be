import type { App, AppDeps } from "../../deps.js";
import { AppError } from "../../platform/errors.js";
import { toFetchHeaders } from "./session.js";

/**
 * better-auth's own endpoints that the web app may call directly. Sign-in goes through /api/session
 * (our validation, our error body); open sign-up is never reachable.
 */
const exposedAuthPaths = new Set([
  "/api/auth/get-session",
  "/api/auth/list-sessions",
  "/api/auth/revoke-session",
  "/api/auth/revoke-other-sessions",
  "/api/auth/revoke-sessions",
]);

/** Mounts better-auth under /api/auth for the allow-listed endpoints. */
export async function authRoutes(app: App, deps: AppDeps): Promise<void> {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    handler: async (request, reply) => {
      const pathname = request.url.split("?")[0] ?? "";
      if (!exposedAuthPaths.has(pathname)) throw new AppError("not_found");
      const headers = toFetchHeaders(request);
      const response = await deps.auth.handler(
        new Request(`${deps.config.publicUrl}${request.url}`, {
          method: request.method,
          headers,
          body: request.method === "POST" ? JSON.stringify(request.body ?? {}) : undefined,
        }),
      );
      reply.code(response.status);
      response.headers.forEach((value, name) => {
        if (name !== "set-cookie") reply.header(name, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      const body = await response.text();
      if (response.status >= 400) {
        throw new AppError(
          response.status === 429 ? "rate_limited" : response.status === 401 ? "unauthorized" : "invalid",
        );
      }
      return reply.send(body || null);
    },
  });
}
