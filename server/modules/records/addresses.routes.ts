import { z } from "zod";
import {
  addressInputSchema,
  addressListSchema,
  addressSchema,
  addressUpdateSchema,
  fileParamsSchema,
  recordParamsSchema,
} from "../../../contracts/records.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import {
  createAddress,
  deleteAddress,
  getAddress,
  listAddresses,
  updateAddress,
} from "./addresses.service.js";

const tags = ["records"];

/** Reference addresses (risk locations) of a client file, linked to its contracts. */
export async function addressRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files/:fileId/reference-addresses",
    {
      schema: {
        tags,
        summary: "The file's reference addresses with their linked contracts",
        params: fileParamsSchema,
        response: { 200: addressListSchema },
      },
    },
    async (request) => ({
      addresses: await inStaffScope(deps, request, (work) => listAddresses(work, request.params.fileId)),
    }),
  );

  app.post(
    "/api/client-files/:fileId/reference-addresses",
    {
      schema: {
        tags,
        summary: "Add a reference address, linked to contracts of the file",
        params: fileParamsSchema,
        body: addressInputSchema,
        response: { 201: addressSchema },
      },
    },
    async (request, reply) => {
      const address = await inStaffScope(deps, request, (work) =>
        createAddress(work, request.params.fileId, request.body),
      );
      return reply.code(201).send(address);
    },
  );

  app.get(
    "/api/client-files/:fileId/reference-addresses/:id",
    {
      schema: {
        tags,
        summary: "One reference address of the file",
        params: recordParamsSchema,
        response: { 200: addressSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => getAddress(work, request.params.fileId, request.params.id)),
  );

  app.patch(
    "/api/client-files/:fileId/reference-addresses/:id",
    {
      schema: {
        tags,
        summary: "Change a reference address (only the fields sent; contractIds replaces the links)",
        params: recordParamsSchema,
        body: addressUpdateSchema,
        response: { 200: addressSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        updateAddress(work, request.params.fileId, request.params.id, request.body),
      ),
  );

  app.delete(
    "/api/client-files/:fileId/reference-addresses/:id",
    {
      schema: {
        tags,
        summary: "Delete a reference address",
        params: recordParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inStaffScope(deps, request, (work) =>
        deleteAddress(work, request.params.fileId, request.params.id),
      );
      return reply.code(204).send(null);
    },
  );
}
