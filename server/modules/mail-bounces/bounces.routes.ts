import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { bounceReportSchema, bounceResultSchema } from "../../../contracts/mail.js";
import type { App, AppDeps } from "../../deps.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { bounceFromReport, parseDeliveryStatus, recordBounce } from "../../platform/mail/bounces.js";

const tags = ["mail"];
// A returned message may carry the whole original mail with its parts.
const bounceBodyLimit = 5 * 1024 * 1024;

/** Whether the request carries the installation's bounce token (compared in constant time). */
function hasBounceToken(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? "";
  const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return given !== "" && timingSafeEqual(digest(given), digest(token));
}

/**
 * INV-6's bounce intake: the mail system posts each delivery status notification it receives for
 * Atrium's sending address, as the raw message (RFC 3464 multipart/report) or as JSON. Authenticated
 * by the installation's MAIL_BOUNCE_TOKEN; without one configured the intake refuses every request.
 */
export async function bounceRoutes(app: App, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    // Raw messages arrive as whatever type the mail system gives them; JSON keeps its parser.
    scope.addContentTypeParser(
      ["message/rfc822", "multipart/report", "text/plain", "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: bounceBodyLimit },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      "/api/mail/bounces",
      {
        bodyLimit: bounceBodyLimit,
        // Authenticated by a bearer token, never by a cookie: a cross-site form cannot forge it.
        config: { bearerOnly: true },
        schema: {
          tags,
          summary:
            "Report a bounced mail: a raw DSN (message/rfc822) or JSON {messageId, status, diagnostic}",
          response: { 200: bounceResultSchema },
        },
      },
      async (request) => {
        const token = deps.config.mailBounceToken;
        if (!token) throw new AppError("unavailable", "mail.bounces_disabled");
        if (!hasBounceToken(request, token)) throw new AppError("unauthorized");
        const body = request.body;
        let bounce: Awaited<ReturnType<typeof parseDeliveryStatus>>;
        if (Buffer.isBuffer(body)) {
          bounce = await parseDeliveryStatus(body);
          if (!bounce) throw invalidField("body", "mail.bounce_unreadable");
        } else {
          const parsed = bounceReportSchema.safeParse(body);
          if (!parsed.success) {
            const field = String(parsed.error.issues[0]?.path[0] ?? "messageId");
            throw invalidField(field, "mail.bounce_field");
          }
          bounce = bounceFromReport(parsed.data);
        }
        return recordBounce(deps, bounce);
      },
    );
  });
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route is authenticated by a bearer token only (no session cookie), so no CSRF check applies. */
    bearerOnly?: boolean;
  }
}
