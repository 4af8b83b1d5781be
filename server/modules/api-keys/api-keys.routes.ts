import {
  apiKeyIdParamsSchema,
  apiKeyListSchema,
  apiKeySchema,
  createApiKeySchema,
  createdApiKeySchema,
} from "../../../contracts/api-keys.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.service.js";

const tags = ["settings"];

/** API-1: the firm's API keys, managed by administrators in the settings. */
export async function apiKeysRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/settings/api-keys",
    {
      schema: {
        tags,
        summary: "The firm's API keys with scopes and last use, never their secrets (admins)",
        response: { 200: apiKeyListSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => listApiKeys(work)),
  );

  app.post(
    "/api/settings/api-keys",
    {
      schema: {
        tags,
        summary: "Create an API key; its secret is in this answer only and cannot be shown again (admins)",
        body: createApiKeySchema,
        response: { 201: createdApiKeySchema },
      },
    },
    async (request, reply) => {
      const created = await inStaffScope(deps, request, (work) => createApiKey(work, request.body));
      // The secret must not linger in any cache between here and the admin's screen.
      return reply.code(201).header("cache-control", "no-store").send(created);
    },
  );

  app.post(
    "/api/settings/api-keys/:id/revoke",
    {
      schema: {
        tags,
        summary: "Revoke an API key; it is refused from the next request on (admins)",
        params: apiKeyIdParamsSchema,
        response: { 200: apiKeySchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => revokeApiKey(work, request.params.id)),
  );
}
