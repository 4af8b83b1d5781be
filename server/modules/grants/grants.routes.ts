import { z } from "zod";
import {
  createGrantSchema,
  grantDetailSchema,
  grantIdParamsSchema,
  grantListQuerySchema,
  grantListSchema,
  setGrantContractsSchema,
  setGrantFilesSchema,
  updateGrantSchema,
} from "../../../contracts/grants.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { grantInsightRoutes } from "./grant-insight.routes.js";
import { grantProfileRoutes } from "./grant-profiles.routes.js";
import { endSessionsWithoutAccess } from "./grantee-sessions.js";
import { granteeRoutes } from "./grantees.routes.js";
import {
  createGrant,
  deleteGrant,
  getGrant,
  listGrants,
  setGrantContracts,
  setGrantFiles,
  updateGrant,
} from "./grants.service.js";

const tags = ["grants"];

/** Grants, grantees, grant profiles, a file's access, explain, impact and preview (GRANT-1 … GRANT-10). */
export async function grantsRoutes(app: App, deps: AppDeps): Promise<void> {
  await grantProfileRoutes(app, deps);
  await granteeRoutes(app, deps);
  await grantInsightRoutes(app, deps);

  app.get(
    "/api/grants",
    {
      schema: {
        tags,
        summary: "Grants the staff member can open, optionally only those bundling one client file",
        querystring: grantListQuerySchema,
        response: { 200: grantListSchema },
      },
    },
    async (request) => ({
      items: await inStaffScope(deps, request, (work) => listGrants(work, request.query.clientFileId)),
    }),
  );

  app.post(
    "/api/grants",
    {
      schema: {
        tags,
        summary: "Create a grant over client files, from a profile or the defaults",
        body: createGrantSchema,
        response: { 201: grantDetailSchema },
      },
    },
    async (request, reply) => {
      const grant = await inStaffScope(deps, request, (work) =>
        createGrant(work, request.body, request.language),
      );
      return reply.code(201).send(grant);
    },
  );

  app.get(
    "/api/grants/:id",
    {
      schema: {
        tags,
        summary:
          "One grant: settings, files, manual contracts, grantees now, and whether the caller may manage it",
        params: grantIdParamsSchema,
        response: { 200: grantDetailSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => getGrant(work, request.params.id, request.language)),
  );

  app.patch(
    "/api/grants/:id",
    {
      schema: {
        tags,
        summary: "Rename a grant or change its settings (only the fields sent)",
        params: grantIdParamsSchema,
        body: updateGrantSchema,
        response: { 200: grantDetailSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        updateGrant(work, request.params.id, request.body, request.language),
      ),
  );

  app.delete(
    "/api/grants/:id",
    {
      schema: {
        tags,
        summary: "Delete a grant and its grantees",
        params: grantIdParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const outcome = await inStaffScope(deps, request, (work) => deleteGrant(work, deps, request.params.id));
      await endSessionsWithoutAccess(deps.database, outcome.accountsLosingAccess, deps.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/api/grants/:id/files",
    {
      schema: {
        tags,
        summary: "Set the client files the grant bundles",
        params: grantIdParamsSchema,
        body: setGrantFilesSchema,
        response: { 200: grantDetailSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        setGrantFiles(work, request.params.id, request.body.fileIds, request.language),
      ),
  );

  app.put(
    "/api/grants/:id/contracts",
    {
      schema: {
        tags,
        summary: "Set the grant's manual contract list (contracts of bundled files)",
        params: grantIdParamsSchema,
        body: setGrantContractsSchema,
        response: { 200: grantDetailSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        setGrantContracts(work, request.params.id, request.body.contractIds, request.language),
      ),
  );
}
