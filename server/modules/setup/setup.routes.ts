import { z } from "zod";
import { setupRequestSchema, setupStatusSchema } from "../../../contracts/setup.js";
import type { App, AppDeps } from "../../deps.js";
import { forwardCookies } from "../identity/session.js";
import { completeSetup, isSetupNeeded } from "./setup.service.js";

/** First-run setup: the status, and the one-time creation of the firm and its first admin. */
export async function setupRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/setup",
    {
      schema: {
        tags: ["setup"],
        summary: "Whether the first-run setup is still to be done",
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({ needsSetup: await isSetupNeeded(deps) }),
  );

  app.post(
    "/api/setup",
    {
      schema: {
        tags: ["setup"],
        summary: "Create the firm and its first administrator (once)",
        body: setupRequestSchema,
        response: { 201: z.object({ firmId: z.string(), userId: z.string() }) },
      },
    },
    async (request, reply) => {
      const { firmId, userId, headers } = await completeSetup(deps, request, request.body);
      forwardCookies(headers, reply);
      return reply.code(201).send({ firmId, userId });
    },
  );
}
