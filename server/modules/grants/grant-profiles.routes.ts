import { z } from "zod";
import {
  createGrantProfileSchema,
  grantIdParamsSchema,
  grantProfileListSchema,
  grantProfileSchema,
  updateGrantProfileSchema,
} from "../../../contracts/grants.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { createProfile, deleteProfile, listProfiles, updateProfile } from "./grant-profiles.service.js";

const tags = ["grants"];

/** Grant profiles (GRANT-10): templates new grants start from. */
export async function grantProfileRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/grant-profiles",
    {
      schema: {
        tags,
        summary: "The firm's grant profiles (the starting ones first)",
        response: { 200: grantProfileListSchema },
      },
    },
    async (request) => ({ items: await inStaffScope(deps, request, (work) => listProfiles(work)) }),
  );

  app.post(
    "/api/grant-profiles",
    {
      schema: {
        tags,
        summary: "Add a grant profile (administrators)",
        body: createGrantProfileSchema,
        response: { 201: grantProfileSchema },
      },
    },
    async (request, reply) => {
      const profile = await inStaffScope(deps, request, (work) => createProfile(work, request.body));
      return reply.code(201).send(profile);
    },
  );

  app.patch(
    "/api/grant-profiles/:id",
    {
      schema: {
        tags,
        summary: "Change a grant profile (administrators; grants made from it keep their settings)",
        params: grantIdParamsSchema,
        body: updateGrantProfileSchema,
        response: { 200: grantProfileSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => updateProfile(work, request.params.id, request.body)),
  );

  app.delete(
    "/api/grant-profiles/:id",
    {
      schema: {
        tags,
        summary: "Delete one of the firm's own grant profiles (administrators)",
        params: grantIdParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inStaffScope(deps, request, (work) => deleteProfile(work, request.params.id));
      return reply.code(204).send(null);
    },
  );
}
