import { z } from "zod";
import type { App, AppDeps } from "../../deps.js";
import { isDatabaseReady } from "../../platform/db/health.js";
import { AppError } from "../../platform/errors.js";
import { isDraining, markDraining } from "./draining.js";

const tags = ["operations"];
const okSchema = z.object({ status: z.literal("ok") });

/**
 * Liveness and readiness for load balancers and orchestrators. Live: the process answers (restart it
 * if not). Ready: it may take traffic — the database answers, every migration is applied and the
 * process is not shutting down. GET /api/health is readiness, as it always was.
 */
export async function healthRoutes(app: App, deps: AppDeps): Promise<void> {
  // app.close() alone (without a signal) also stops readiness before the listener goes.
  app.addHook("preClose", (done) => {
    markDraining(app);
    done();
  });

  const ready = async () => {
    if (isDraining(app)) throw new AppError("unavailable", "errors.unavailable", {}, { reason: "draining" });
    if (!(await isDatabaseReady(deps.database))) {
      throw new AppError("unavailable", "errors.unavailable", {}, { reason: "database" });
    }
    return { status: "ok" as const };
  };

  app.get(
    "/api/health",
    {
      schema: {
        tags,
        summary: "Readiness (same as /api/health/ready): the database is reachable and migrated",
        response: { 200: okSchema },
      },
    },
    ready,
  );
  app.get(
    "/api/health/ready",
    {
      schema: {
        tags,
        summary: "Readiness: the database is reachable and migrated and the process is not shutting down",
        description:
          "503 `unavailable` with `details.reason` `database` or `draining`: send this process no new requests.",
        response: { 200: okSchema },
      },
    },
    ready,
  );
  app.get(
    "/api/health/live",
    {
      schema: {
        tags,
        summary: "Liveness: the process runs and answers (no database call)",
        response: { 200: okSchema },
      },
    },
    async () => ({ status: "ok" as const }),
  );
}
