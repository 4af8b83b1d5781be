import {
  passkeyCreationOptionsSchema,
  passkeyListSchema,
  passkeyOptionsRequestSchema,
  passkeyParamsSchema,
  passkeyRegistrationSchema,
  passkeySchema,
} from "../../../contracts/passkeys.js";
import type { App, AppDeps } from "../../deps.js";
import { requireActor } from "../access/actor.js";
import {
  finishPasskeyRegistration,
  listPasskeys,
  removePasskey,
  startPasskeyRegistration,
} from "./passkeys.service.js";

const tags = ["account"];

/** The account's passkeys (PORTAL-1): list, add (options, then the authenticator's answer), remove. */
export async function passkeyRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/account/passkeys",
    { schema: { tags, summary: "The account's passkeys", response: { 200: passkeyListSchema } } },
    async (request) => ({ passkeys: await listPasskeys(deps, requireActor(request)) }),
  );
  app.post(
    "/api/account/passkeys/options",
    {
      schema: {
        tags,
        summary: "Start adding a passkey: the options for navigator.credentials.create (asks the password)",
        body: passkeyOptionsRequestSchema,
        response: { 200: passkeyCreationOptionsSchema },
      },
    },
    async (request) => startPasskeyRegistration(deps, requireActor(request), request.body.password),
  );
  app.post(
    "/api/account/passkeys",
    {
      schema: {
        tags,
        summary: "Add the passkey the authenticator created for those options, under a name",
        body: passkeyRegistrationSchema,
        response: { 201: passkeySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await finishPasskeyRegistration(deps, requireActor(request), request.body)),
  );
  app.post(
    "/api/account/passkeys/:id/remove",
    {
      schema: {
        tags,
        summary: "Remove one of the account's passkeys (asks the password)",
        params: passkeyParamsSchema,
        body: passkeyOptionsRequestSchema,
        response: { 200: passkeyListSchema },
      },
    },
    async (request) => ({
      passkeys: await removePasskey(deps, requireActor(request), request.params.id, request.body.password),
    }),
  );
}
