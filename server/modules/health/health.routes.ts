import { z } from "zod";
import type { App, AppDeps } from "../../deps.js";
import { isDatabaseReady } from "../../platform/db/health.js";
import { AppError } from "../../platform/errors.js";

/** GET /api/health: ok only when the database answers and is fully migrated. */
export async function healthRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["operations"],
        summary: "Health: the database is reachable and migrated",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => {
      if (!(await isDatabaseReady(deps.database))) throw new AppError("unavailable");
      return { status: "ok" as const };
    },
  );
}
