import { z } from "zod";
import {
  clientFileFilterSchema,
  clientFileListQuerySchema,
  clientFilePageSchema,
  clientFileSchema,
  clientFileSelectionSchema,
  createClientFileSchema,
  reassignSchema,
  setTeamSchema,
  staffChoicesSchema,
  updateClientFileSchema,
} from "../../../contracts/clients.js";
import type { App, AppDeps } from "../../deps.js";
import { removeStoredFiles } from "../../platform/storage/storage.js";
import { inStaffScope } from "../access/staff-scope.js";
import { listClientFiles, selectAllMatching } from "./client-list.service.js";
import {
  createClientFile,
  deleteClientFile,
  getClientFile,
  listStaffChoices,
  reassignCaseOwner,
  setTeam,
  updateClientFile,
} from "./clients.service.js";
import { personsRoutes } from "./persons.routes.js";

const tags = ["client files"];
const fileParams = z.object({ id: z.string().max(100) });

/** Client files (FILE-1): list, search and selection, the file itself, its team and case owner; and its persons. */
export async function clientsRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files",
    {
      schema: {
        tags,
        summary: "List client files: search, filter, sort, keyset pages",
        querystring: clientFileListQuerySchema,
        response: { 200: clientFilePageSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => listClientFiles(work, request.query)),
  );

  app.post(
    "/api/client-files/select",
    {
      schema: {
        tags,
        summary: "The ids of every client file matching a filter (at most 10,000)",
        body: clientFileFilterSchema,
        response: { 200: clientFileSelectionSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => selectAllMatching(work, request.body)),
  );

  app.get(
    "/api/client-files/staff-choices",
    {
      schema: {
        tags,
        summary: "Staff who can be case owner or on a file's team",
        response: { 200: staffChoicesSchema },
      },
    },
    async (request) => ({ items: await inStaffScope(deps, request, (work) => listStaffChoices(work)) }),
  );

  app.post(
    "/api/client-files",
    {
      schema: {
        tags,
        summary: "Create a client file, optionally with a household's holder",
        body: createClientFileSchema,
        response: { 201: clientFileSchema },
      },
    },
    async (request, reply) => {
      const file = await inStaffScope(deps, request, (work) => createClientFile(work, request.body));
      return reply.code(201).send(file);
    },
  );

  app.get(
    "/api/client-files/:id",
    {
      schema: {
        tags,
        summary: "One client file with its case owner, team and counts",
        params: fileParams,
        response: { 200: clientFileSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => getClientFile(work, request.params.id)),
  );

  app.patch(
    "/api/client-files/:id",
    {
      schema: {
        tags,
        summary: "Change a client file's data",
        params: fileParams,
        body: updateClientFileSchema,
        response: { 200: clientFileSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) => updateClientFile(work, request.params.id, request.body)),
  );

  app.put(
    "/api/client-files/:id/team",
    {
      schema: {
        tags,
        summary: "Replace a client file's team",
        params: fileParams,
        body: setTeamSchema,
        response: { 200: clientFileSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) => setTeam(work, request.params.id, request.body.userIds)),
  );

  app.post(
    "/api/client-files/:id/case-owner",
    {
      schema: {
        tags,
        summary: "Hand a client file to another case owner",
        params: fileParams,
        body: reassignSchema,
        response: { 200: clientFileSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) => reassignCaseOwner(work, request.params.id, request.body.userId)),
  );

  app.delete(
    "/api/client-files/:id",
    {
      schema: {
        tags,
        summary: "Delete a client file with everything on it",
        params: fileParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const keys = await inStaffScope(deps, request, (work) => deleteClientFile(work, request.params.id));
      await removeStoredFiles(deps.files, keys, request.log);
      return reply.code(204).send(null);
    },
  );

  await personsRoutes(app, deps);
}
