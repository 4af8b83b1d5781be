import { z } from "zod";
import { caughtMailSchema, caughtMailSummarySchema } from "../../../contracts/dev-mailbox.js";
import type { App, AppDeps } from "../../deps.js";
import { AppError } from "../../platform/errors.js";
import { listCaughtMails, readCaughtMail } from "../../platform/mail/mailbox.js";
import { assertStaffCan } from "../access/staff.policy.js";

// A caught mail's HTML is shown in a sandboxed frame; it may style itself, and nothing else.
const mailHtmlCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";

/** The development mailbox: every mail the local SMTP sink caught, for staff admins in development. */
export async function devMailboxRoutes(app: App, deps: AppDeps): Promise<void> {
  const dir = deps.devMailboxDir;
  if (!dir) return;
  const env = { devMailbox: true };
  const idParams = z.object({ id: z.string().regex(/^[\w-]{1,80}$/) });

  app.get(
    "/api/dev/mailbox",
    {
      schema: {
        tags: ["development"],
        summary: "Mails caught by the development SMTP sink (newest first)",
        response: { 200: z.object({ mails: z.array(caughtMailSummarySchema) }) },
      },
    },
    async (request) => {
      assertStaffCan(request.actor, "dev_mailbox.read", env);
      return { mails: await listCaughtMails(dir) };
    },
  );

  app.get(
    "/api/dev/mailbox/:id",
    {
      schema: {
        tags: ["development"],
        summary: "One caught mail",
        params: idParams,
        response: { 200: caughtMailSchema },
      },
    },
    async (request) => {
      assertStaffCan(request.actor, "dev_mailbox.read", env);
      const mail = await readCaughtMail(dir, request.params.id);
      if (!mail) throw new AppError("not_found");
      return mail;
    },
  );

  app.get(
    "/api/dev/mailbox/:id/html",
    {
      schema: {
        tags: ["development"],
        summary: "A caught mail's HTML, for a sandboxed frame",
        params: idParams,
      },
    },
    async (request, reply) => {
      assertStaffCan(request.actor, "dev_mailbox.read", env);
      const mail = await readCaughtMail(dir, request.params.id);
      if (!mail) throw new AppError("not_found");
      return reply
        .header("content-security-policy", mailHtmlCsp)
        .header("x-frame-options", "SAMEORIGIN")
        .type("text/html; charset=utf-8")
        .send(mail.html);
    },
  );
}
