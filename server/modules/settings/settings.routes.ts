import { z } from "zod";
import {
  firmPoliciesSchema,
  firmProfileSchema,
  LOGO_MAX_BYTES,
  publicCodeSchema,
  updateFirmPoliciesSchema,
  updateFirmProfileSchema,
} from "../../../contracts/settings.js";
import type { App, AppDeps } from "../../deps.js";
import { AppError } from "../../platform/errors.js";
import { FileNotFoundError } from "../../platform/storage/storage.js";
import { inStaffScope } from "../access/staff-scope.js";
import { firmListsRoutes } from "./firm-lists.routes.js";
import { findFirmLogo, type LogoChange, removeFirmLogo, replaceFirmLogo } from "./firm-logo.service.js";
import { firmMailServerRoutes } from "./firm-mail-server.routes.js";
import { getFirmPolicies, updateFirmPolicies } from "./firm-policies.service.js";
import { getFirmProfile, regeneratePublicCode, updateFirmProfile } from "./firm-profile.service.js";

const tags = ["settings"];

/** The firm's settings: profile and logo (FIRM-1), policies (FIRM-3), editable lists. */
export async function settingsRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/firm",
    { schema: { tags, summary: "The firm's profile", response: { 200: firmProfileSchema } } },
    (request) => inStaffScope(deps, request, (work) => getFirmProfile(work)),
  );

  app.patch(
    "/api/firm",
    {
      schema: {
        tags,
        summary: "Change the firm's profile (admins)",
        body: updateFirmProfileSchema,
        response: { 200: firmProfileSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => updateFirmProfile(work, request.body)),
  );

  app.post(
    "/api/firm/public-code",
    {
      schema: {
        tags,
        summary: "Give the firm a new public code; the old one stops working (admins)",
        response: { 200: publicCodeSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => regeneratePublicCode(work)),
  );

  app.get(
    "/api/firm/policies",
    { schema: { tags, summary: "The firm's policies", response: { 200: firmPoliciesSchema } } },
    (request) => inStaffScope(deps, request, (work) => getFirmPolicies(work)),
  );

  app.patch(
    "/api/firm/policies",
    {
      schema: {
        tags,
        summary: "Change the firm's policies (admins)",
        body: updateFirmPoliciesSchema,
        response: { 200: firmPoliciesSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => updateFirmPolicies(work, request.body)),
  );

  await app.register(async (scope) => logoRoutes(scope as unknown as App, deps));
  await firmListsRoutes(app, deps);
  await firmMailServerRoutes(app, deps);
}

/**
 * The logo travels as the raw request body (whatever type the browser claims): the server sniffs the
 * bytes. Its own parsers live in this encapsulated scope only, so no other route accepts raw bodies.
 */
async function logoRoutes(scope: App, deps: AppDeps): Promise<void> {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  // After the commit, the replaced file goes; failing to delete it leaves an unreferenced file, no harm.
  const dropObsolete = async ({ profile, obsoleteKey }: LogoChange) => {
    if (obsoleteKey) await deps.files.delete(obsoleteKey).catch(() => undefined);
    return profile;
  };

  scope.put(
    "/api/firm/logo",
    {
      // A little over the limit reaches the handler, which answers 413 with the logo's own hint.
      bodyLimit: LOGO_MAX_BYTES * 2,
      schema: {
        tags,
        summary: "Upload the firm's logo: PNG, JPEG or WebP, at most 1 MB, sent as the raw body (admins)",
        response: { 200: firmProfileSchema },
      },
    },
    async (request) =>
      dropObsolete(
        await inStaffScope(deps, request, (work) => replaceFirmLogo(work, deps.files, request.body)),
      ),
  );

  scope.delete(
    "/api/firm/logo",
    { schema: { tags, summary: "Remove the firm's logo (admins)", response: { 200: firmProfileSchema } } },
    async (request) => dropObsolete(await inStaffScope(deps, request, (work) => removeFirmLogo(work))),
  );

  scope.get(
    "/api/firm/logo",
    {
      schema: {
        tags,
        summary: "The firm's logo image",
        querystring: z.object({ v: z.string().max(100).optional() }),
      },
    },
    async (request, reply) => {
      const logo = await inStaffScope(deps, request, (work) => findFirmLogo(work));
      let stream: Awaited<ReturnType<typeof deps.files.get>>;
      try {
        stream = await deps.files.get(logo.key);
      } catch (error) {
        if (error instanceof FileNotFoundError) throw new AppError("not_found");
        throw error;
      }
      // A versioned address never changes content, so it may be cached for long; the bare one not.
      const current = request.query.v !== undefined && logo.key.endsWith(`/${request.query.v}`);
      return reply
        .header("content-type", logo.contentType)
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", "inline")
        .header("cache-control", current ? "private, max-age=31536000, immutable" : "private, no-cache")
        .send(stream);
    },
  );
}
