import { z } from "zod";
import type { App, AppDeps } from "../../deps.js";
import { translate } from "../../platform/i18n/translate.js";
import {
  passwordResetCompleteSchema,
  passwordResetPreviewSchema,
  passwordResetRequestedSchema,
  passwordResetRequestSchema,
  passwordResetTokenSchema,
} from "./password-reset.schemas.js";
import {
  assertResetAllowed,
  completePasswordReset,
  peekPasswordReset,
  sendPasswordResetLink,
} from "./password-reset.service.js";

const tags = ["session"];

/**
 * The password reset (PORTAL-1), for every account, without a session. The token travels in POST
 * bodies only: never in a URL, so it stays out of logs and history, and opening the link consumes
 * nothing (SEC-6).
 */
export async function passwordResetRoutes(app: App, deps: AppDeps): Promise<void> {
  app.post(
    "/api/password-reset/request",
    {
      schema: {
        tags,
        summary: "Ask for a reset link; the same answer whether or not the address has an account",
        body: passwordResetRequestSchema,
        response: { 202: passwordResetRequestedSchema },
      },
    },
    async (request, reply) => {
      await assertResetAllowed(deps, request.body.email, request.ip);
      reply.code(202).send({ message: translate(request.language, "password_reset.requested") });
      // SEC-3: the answer is on its way before the address is even looked up. A known address costs a
      // token, a rendered mail and several writes (~25 ms more than an unknown one), which would
      // otherwise tell anyone timing the answer whether the address has an account.
      await sendPasswordResetLink(deps, request.body.email, (error) =>
        request.log.error({ err: error }, "password reset mail could not be queued"),
      );
      return reply;
    },
  );

  app.post(
    "/api/password-reset/peek",
    {
      schema: {
        tags,
        summary: "What a reset link is for (consumes nothing); 404 when it no longer works",
        body: passwordResetTokenSchema,
        response: { 200: passwordResetPreviewSchema },
      },
    },
    async (request) => peekPasswordReset(deps, request.body.token),
  );

  app.post(
    "/api/password-reset/complete",
    {
      schema: {
        tags,
        summary: "Set a new password from a reset link; ends every session and does not sign in",
        body: passwordResetCompleteSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await completePasswordReset(deps, request, request.body);
      return reply.code(204).send(null);
    },
  );
}
