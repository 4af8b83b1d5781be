import { z } from "zod";
import {
  contractInputSchema,
  contractListQuerySchema,
  contractListSchema,
  contractSchema,
  contractUpdateSchema,
  fileParamsSchema,
  lineOfBusinessListSchema,
  recordParamsSchema,
} from "../../../contracts/records.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import {
  createContract,
  deleteContract,
  getContract,
  listContracts,
  listLinesForFile,
  updateContract,
} from "./contracts.service.js";

const tags = ["records"];

/** Contracts of a client file, and the lines of business they may take. */
export async function contractRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files/:fileId/contracts",
    {
      schema: {
        tags,
        summary: "The file's contracts, by line of business then insurer (filter by status)",
        params: fileParamsSchema,
        querystring: contractListQuerySchema,
        response: { 200: contractListSchema },
      },
    },
    async (request) => ({
      contracts: await inStaffScope(deps, request, (work) =>
        listContracts(work, request.params.fileId, request.query.status),
      ),
    }),
  );

  app.get(
    "/api/client-files/:fileId/lines-of-business",
    {
      schema: {
        tags,
        summary: "The firm's active lines of business a contract of this file may take",
        params: fileParamsSchema,
        response: { 200: lineOfBusinessListSchema },
      },
    },
    async (request) => ({
      linesOfBusiness: await inStaffScope(deps, request, (work) =>
        listLinesForFile(work, request.params.fileId),
      ),
    }),
  );

  app.post(
    "/api/client-files/:fileId/contracts",
    {
      schema: {
        tags,
        summary: "Add a contract to the file",
        params: fileParamsSchema,
        body: contractInputSchema,
        response: { 201: contractSchema },
      },
    },
    async (request, reply) => {
      const contract = await inStaffScope(deps, request, (work) =>
        createContract(work, request.params.fileId, request.body),
      );
      return reply.code(201).send(contract);
    },
  );

  app.get(
    "/api/client-files/:fileId/contracts/:id",
    {
      schema: {
        tags,
        summary: "One contract of the file",
        params: recordParamsSchema,
        response: { 200: contractSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => getContract(work, request.params.fileId, request.params.id)),
  );

  app.patch(
    "/api/client-files/:fileId/contracts/:id",
    {
      schema: {
        tags,
        summary: "Change a contract (only the fields sent; null clears)",
        params: recordParamsSchema,
        body: contractUpdateSchema,
        response: { 200: contractSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        updateContract(work, request.params.fileId, request.params.id, request.body),
      ),
  );

  app.delete(
    "/api/client-files/:fileId/contracts/:id",
    {
      schema: {
        tags,
        summary: "Delete a contract (its claims stay, without a contract)",
        params: recordParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inStaffScope(deps, request, (work) =>
        deleteContract(work, request.params.fileId, request.params.id),
      );
      return reply.code(204).send(null);
    },
  );
}
