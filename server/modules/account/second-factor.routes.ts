import {
  secondFactorPasswordSchema,
  secondFactorStateSchema,
  totpConfirmSchema,
  totpSetupSchema,
} from "../../../contracts/second-factor.js";
import type { App, AppDeps } from "../../deps.js";
import { requireActor } from "../access/actor.js";
import { passkeyRoutes } from "./passkeys.routes.js";
import {
  confirmTotp,
  disableSecondFactor,
  enableSmsFactor,
  getSecondFactor,
  startTotp,
} from "./second-factor.service.js";

const tags = ["account"];
const state = { 200: secondFactorStateSchema };

/** The account's second factor (PORTAL-1, SEC-8): SMS codes or an authenticator app, and passkeys. */
export async function secondFactorRoutes(app: App, deps: AppDeps): Promise<void> {
  await passkeyRoutes(app, deps);
  app.get(
    "/api/account/second-factor",
    { schema: { tags, summary: "The account's second factor", response: state } },
    async (request) => getSecondFactor(deps, requireActor(request)),
  );
  app.post(
    "/api/account/second-factor/sms",
    {
      schema: {
        tags,
        summary: "Ask for an SMS code at every sign-in (the mobile number must be confirmed)",
        body: secondFactorPasswordSchema,
        response: state,
      },
    },
    async (request) => enableSmsFactor(deps, requireActor(request), request.body.password),
  );
  app.post(
    "/api/account/second-factor/totp",
    {
      schema: {
        tags,
        summary: "Start setting up an authenticator app: its secret and otpauth address",
        body: secondFactorPasswordSchema,
        response: { 200: totpSetupSchema },
      },
    },
    async (request) => startTotp(deps, requireActor(request), request.body.password),
  );
  app.post(
    "/api/account/second-factor/totp/confirm",
    {
      schema: {
        tags,
        summary: "Confirm the authenticator app with its first code",
        body: totpConfirmSchema,
        response: state,
      },
    },
    async (request) => confirmTotp(deps, requireActor(request), request.body.code),
  );
  app.post(
    "/api/account/second-factor/off",
    {
      schema: {
        tags,
        summary: "Switch the second factor off",
        body: secondFactorPasswordSchema,
        response: state,
      },
    },
    async (request) => disableSecondFactor(deps, requireActor(request), request.body.password),
  );
}
