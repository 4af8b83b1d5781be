import { z } from "zod";
import {
  claimInputSchema,
  claimListSchema,
  claimSchema,
  claimUpdateSchema,
  fileParamsSchema,
  recordParamsSchema,
} from "../../../contracts/records.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { createClaim, deleteClaim, getClaim, listClaims, updateClaim } from "./claims.service.js";

const tags = ["records"];

/** Claims of a client file. */
export async function claimRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files/:fileId/claims",
    {
      schema: {
        tags,
        summary: "The file's claims, newest first, each with its contract",
        params: fileParamsSchema,
        response: { 200: claimListSchema },
      },
    },
    async (request) => ({
      claims: await inStaffScope(deps, request, (work) => listClaims(work, request.params.fileId)),
    }),
  );

  app.post(
    "/api/client-files/:fileId/claims",
    {
      schema: {
        tags,
        summary: "Add a claim to the file, with or without one of its contracts",
        params: fileParamsSchema,
        body: claimInputSchema,
        response: { 201: claimSchema },
      },
    },
    async (request, reply) => {
      const claim = await inStaffScope(deps, request, (work) =>
        createClaim(work, request.params.fileId, request.body),
      );
      return reply.code(201).send(claim);
    },
  );

  app.get(
    "/api/client-files/:fileId/claims/:id",
    {
      schema: {
        tags,
        summary: "One claim of the file",
        params: recordParamsSchema,
        response: { 200: claimSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => getClaim(work, request.params.fileId, request.params.id)),
  );

  app.patch(
    "/api/client-files/:fileId/claims/:id",
    {
      schema: {
        tags,
        summary: "Change a claim (only the fields sent; null clears)",
        params: recordParamsSchema,
        body: claimUpdateSchema,
        response: { 200: claimSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        updateClaim(work, request.params.fileId, request.params.id, request.body),
      ),
  );

  app.delete(
    "/api/client-files/:fileId/claims/:id",
    {
      schema: { tags, summary: "Delete a claim", params: recordParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await inStaffScope(deps, request, (work) =>
        deleteClaim(work, request.params.fileId, request.params.id),
      );
      return reply.code(204).send(null);
    },
  );
}
