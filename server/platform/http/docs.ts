import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** OpenAPI 3.1 from the routes' zod schemas, at /api/openapi.json, browsable at /api/docs. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Atrium API",
        description:
          "The client portal for advisory firms. Every error is `{ error: { code, message, details } }`.",
        version: "0.1.0",
      },
      // The sync API (/api/sync/v1) takes a firm API key as a bearer token; everything else a session.
      components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    // The UI's own bundle needs inline styles; it still may not be framed and may run no foreign script.
    transformStaticCSP: (header) =>
      header
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .concat("; frame-ancestors 'none'"),
    uiConfig: { url: "/api/openapi.json", deepLinking: true },
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
