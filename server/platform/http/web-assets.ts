import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const spaAreas = /^\/(setup|app|portal|invite|account|reset-password|forgot-password)(\/|$)|^\/$/;

/** Serves the built web app from `dir` with an SPA fallback for its areas; false when it is not built. */
export async function registerWebAssets(app: FastifyInstance, dir: string): Promise<boolean> {
  if (!existsSync(path.join(dir, "index.html"))) return false;
  await app.register(fastifyStatic, { root: dir, wildcard: false, index: false, cacheControl: false });
  app.addHook("onSend", async (request, reply, payload) => {
    // Hashed assets never change; the HTML shell must always be fresh.
    if (request.url.startsWith("/assets/"))
      reply.header("cache-control", "public, max-age=31536000, immutable");
    return payload;
  });
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    if (!spaAreas.test(pathname)) return reply.callNotFound();
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
  return true;
}
