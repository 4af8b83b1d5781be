import { z } from "zod";
import {
  assetInputSchema,
  assetListSchema,
  assetSchema,
  assetUpdateSchema,
  fileParamsSchema,
  recordParamsSchema,
} from "../../../contracts/records.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { createAsset, deleteAsset, getAsset, listAssets, updateAsset } from "./assets.service.js";

const tags = ["records"];

/** Assets of a client file. */
export async function assetRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files/:fileId/assets",
    {
      schema: {
        tags,
        summary: "The file's assets with their totals per currency",
        params: fileParamsSchema,
        response: { 200: assetListSchema },
      },
    },
    async (request) => inStaffScope(deps, request, (work) => listAssets(work, request.params.fileId)),
  );

  app.post(
    "/api/client-files/:fileId/assets",
    {
      schema: {
        tags,
        summary: "Add an asset to the file",
        params: fileParamsSchema,
        body: assetInputSchema,
        response: { 201: assetSchema },
      },
    },
    async (request, reply) => {
      const asset = await inStaffScope(deps, request, (work) =>
        createAsset(work, request.params.fileId, request.body),
      );
      return reply.code(201).send(asset);
    },
  );

  app.get(
    "/api/client-files/:fileId/assets/:id",
    {
      schema: {
        tags,
        summary: "One asset of the file",
        params: recordParamsSchema,
        response: { 200: assetSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => getAsset(work, request.params.fileId, request.params.id)),
  );

  app.patch(
    "/api/client-files/:fileId/assets/:id",
    {
      schema: {
        tags,
        summary: "Change an asset (only the fields sent; null clears)",
        params: recordParamsSchema,
        body: assetUpdateSchema,
        response: { 200: assetSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        updateAsset(work, request.params.fileId, request.params.id, request.body),
      ),
  );

  app.delete(
    "/api/client-files/:fileId/assets/:id",
    {
      schema: { tags, summary: "Delete an asset", params: recordParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await inStaffScope(deps, request, (work) =>
        deleteAsset(work, request.params.fileId, request.params.id),
      );
      return reply.code(204).send(null);
    },
  );
}
