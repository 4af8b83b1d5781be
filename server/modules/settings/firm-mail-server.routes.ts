import {
  firmMailServerSchema,
  mailServerTestResultSchema,
  mailServerTestSchema,
  updateFirmMailServerSchema,
} from "../../../contracts/mail.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import {
  getFirmMailServer,
  prepareMailServerTest,
  removeFirmMailServer,
  sendMailServerTest,
  updateFirmMailServer,
} from "./firm-mail-server.service.js";

const tags = ["settings"];

/** FIRM-3's mail settings: the firm's own SMTP server (optional) and a test mail through it. */
export async function firmMailServerRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/firm/mail-server",
    {
      schema: {
        tags,
        summary: "The firm's own SMTP server, without its password (admins)",
        response: { 200: firmMailServerSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => getFirmMailServer(work)),
  );

  app.put(
    "/api/firm/mail-server",
    {
      schema: {
        tags,
        summary: "Set the firm's own SMTP server; the password is stored encrypted (admins)",
        body: updateFirmMailServerSchema,
        response: { 200: firmMailServerSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        updateFirmMailServer(
          work,
          { key: deps.firmSmtpKey, internalHosts: deps.config.firmSmtpInternalHosts },
          request.body,
        ),
      ),
  );

  app.delete(
    "/api/firm/mail-server",
    {
      schema: {
        tags,
        summary: "Send the firm's mails through the installation's server again (admins)",
        response: { 200: firmMailServerSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => removeFirmMailServer(work)),
  );

  app.post(
    "/api/firm/mail-server/test",
    {
      schema: {
        tags,
        summary: "Send a test mail through the firm's server and report its answer in plain words (admins)",
        body: mailServerTestSchema,
        response: { 200: mailServerTestResultSchema },
      },
    },
    async (request) => {
      const test = await inStaffScope(deps, request, (work) =>
        prepareMailServerTest(work, deps.firmSmtpKey, request.body.to),
      );
      // After the transaction: an SMTP exchange may take seconds and holds no database connection.
      return sendMailServerTest(test, {
        transport: deps.mailTransports.installation,
        from: deps.config.mailFrom,
      });
    },
  );
}
