import {
  accessLogPageSchema,
  accessLogQuerySchema,
  downloadLanguageQuerySchema,
  profileSchema,
  updateProfileSchema,
  updateSalutationSchema,
} from "../../../contracts/profile.js";
import type { App, AppDeps } from "../../deps.js";
import { requireActor } from "../access/actor.js";
import { ownAccessLog } from "./access-log.service.js";
import { exportOwnData } from "./export.service.js";
import { getProfile, updateOwnSalutation, updateProfile } from "./profile.service.js";

const tags = ["account"];

/** The account's own data (PORTAL-10): profile, salutation per firm, own access log, export. */
export async function profileRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/account/profile",
    {
      schema: {
        tags,
        summary: "The signed-in account's name, language, and how each firm addresses it",
        response: { 200: profileSchema },
      },
    },
    async (request) => getProfile(deps, requireActor(request)),
  );

  app.patch(
    "/api/account/profile",
    {
      schema: {
        tags,
        summary: "Change the account's own name and/or language (audited)",
        body: updateProfileSchema,
        response: { 200: profileSchema },
      },
    },
    async (request) => updateProfile(deps, request, requireActor(request), request.body),
  );

  app.patch(
    "/api/account/profile/salutation",
    {
      schema: {
        tags,
        summary:
          "Choose how one firm addresses the account (formal or informal), on a person record the account reaches that firm as; 404 for any other",
        body: updateSalutationSchema,
        response: { 200: profileSchema },
      },
    },
    async (request) => {
      const { firmId, personId, salutation } = request.body;
      return updateOwnSalutation(deps, request, requireActor(request), { firmId, personId }, salutation);
    },
  );

  app.get(
    "/api/account/access-log",
    {
      schema: {
        tags,
        summary:
          "The account's own events at every firm it belongs to, newest first, in the request's language",
        querystring: accessLogQuerySchema,
        response: { 200: accessLogPageSchema },
      },
    },
    async (request) => ownAccessLog(deps, requireActor(request).user.id, request.query, request.language),
  );

  app.get(
    "/api/account/export",
    {
      schema: {
        tags,
        summary:
          "Everything the account is and sees in the portal, as a ZIP of JSON files and documents (GDPR Art. 15/20; audited per firm)",
        querystring: downloadLanguageQuerySchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const language = request.query.lang ?? actor.user.language;
      const { stream, fileName } = await exportOwnData(deps, request, actor, language);
      return reply
        .header("Content-Type", "application/zip")
        .header("Content-Disposition", `attachment; filename="${fileName}"`)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .send(stream);
    },
  );
}
