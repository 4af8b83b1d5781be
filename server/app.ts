import path from "node:path";
import Fastify, { type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { App, AppDeps } from "./deps.js";
import { adoptActor, readRequestActor, routeReadsSession } from "./modules/access/actor.js";
import { registerModules } from "./modules/index.js";
import { registerApiDocs } from "./platform/http/docs.js";
import { frameworkErrorHandler, registerErrorHandling } from "./platform/http/error-handler.js";
import { registerSecurity } from "./platform/http/security.js";
import { registerWebAssets } from "./platform/http/web-assets.js";
import { registerHttpMetrics } from "./platform/metrics/http-metrics.js";
import { projectRoot } from "./platform/paths.js";

/** Log fields that must never reach a log line. */
const redactedLogPaths = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.password",
  "*.token",
  "*.secret",
  "body.password",
];

/** The pino options of the server's log: JSON lines at `level`, secrets censored. */
export function loggerOptions(level: string, stream?: { write(line: string): void }) {
  return { level, redact: { paths: redactedLogPaths, censor: "[redacted]" }, ...(stream ? { stream } : {}) };
}

/** Builds the HTTP app on the given dependencies: plugins, then modules, then the error handler. */
export async function buildApp(
  deps: AppDeps,
  options: { logger?: FastifyServerOptions["logger"]; webDir?: string } = {},
): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1_048_576,
    // X-Forwarded-For is believed only from ATRIUM_TRUSTED_PROXIES; request.ip is then the right-most
    // address no trusted proxy vouches for, so a client cannot pick its own IP (SEC-17).
    trustProxy: deps.config.trustedProxies.length > 0 ? deps.config.trustedProxies : false,
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // First: it counts the requests of every route registered after it (GET /metrics).
  registerHttpMetrics(app);
  registerErrorHandling(app);
  await registerSecurity(app);
  await registerApiDocs(app);

  app.decorateRequest("actor", null);
  app.decorateRequest("readActor", null);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/auth/")) return;
    if (routeReadsSession(request)) {
      request.readActor = () => readRequestActor(deps, request, reply);
      return;
    }
    adoptActor(request, await readRequestActor(deps, request, reply));
  });

  await registerModules(app, deps);
  if (deps.config.runsWeb) {
    await registerWebAssets(app, options.webDir ?? path.join(projectRoot, "dist/web"));
  }
  return app;
}
