import {
  accountPhoneSchema,
  phoneCodeSentSchema,
  sendPhoneCodeSchema,
  verifyPhoneCodeSchema,
} from "../../../contracts/phone.js";
import type { App, AppDeps } from "../../deps.js";
import { requireActor } from "../access/actor.js";
import { accountPhone, sendPhoneCode, verifyPhoneCode } from "./phone-verification.service.js";

const tags = ["account"];

/** The account's mobile number, confirmed by an SMS code (PORTAL-1, SEC-8). */
export async function phoneRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/account/phone",
    {
      schema: {
        tags,
        summary: "The account's confirmed mobile number (masked)",
        response: { 200: accountPhoneSchema },
      },
    },
    async (request) => accountPhone(deps, requireActor(request)),
  );

  app.post(
    "/api/account/phone/send-code",
    {
      schema: {
        tags,
        summary: "Send a six-digit code by SMS to confirm a mobile number (valid 10 minutes)",
        body: sendPhoneCodeSchema,
        response: { 200: phoneCodeSentSchema },
      },
    },
    async (request) => sendPhoneCode(deps, requireActor(request), request.body),
  );

  app.post(
    "/api/account/phone/verify",
    {
      schema: {
        tags,
        summary: "Confirm the mobile number with the code of its attempt",
        body: verifyPhoneCodeSchema,
        response: { 200: accountPhoneSchema },
      },
    },
    async (request) => verifyPhoneCode(deps, requireActor(request), request.body),
  );
}
