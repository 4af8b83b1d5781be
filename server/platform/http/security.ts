import type { FastifyInstance } from "fastify";
import helmet from "helmet";
import { AppError } from "../errors.js";

/** The header the web app sends on every write; a cross-site form or fetch cannot set it without CORS. */
export const CSRF_HEADER = "x-atrium-csrf";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** SEC-16: strict CSP, HSTS and friends on every answer; writes must prove they come from Atrium. */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  // Built once: the Fastify plugin rebuilt these headers on every request, ~3% of a short request.
  const setSecurityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", (request, reply, done) => {
    setSecurityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });

  app.addHook("onRequest", async (request) => {
    if (safeMethods.has(request.method) || !request.url.startsWith("/api/")) return;
    // Routes authenticated only by a bearer token (the bounce intake) carry no cookie to forge.
    if (request.routeOptions.config?.bearerOnly === true) return;
    const site = request.headers["sec-fetch-site"];
    const crossSite = site !== undefined && site !== "same-origin" && site !== "none";
    if (crossSite || request.headers[CSRF_HEADER] === undefined) {
      throw new AppError("forbidden", "errors.csrf");
    }
  });
}
