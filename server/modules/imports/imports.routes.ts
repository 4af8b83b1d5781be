import {
  createImportQuerySchema,
  importIdParamsSchema,
  importPreviewSchema,
  importRunDetailSchema,
  importRunListSchema,
  importRunSchema,
  repreviewImportSchema,
} from "../../../contracts/imports.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { acceptCsvBodies, csvContentTypes } from "./csv-body.js";
import { getImport, listImports, previewImport, repreviewImport, startImport } from "./imports.service.js";
import { IMPORT_LIMIT_BYTES } from "./stored-file.js";

/** CSV import (FILE-5): upload and preview, re-preview with other options, run, progress, history. */
export async function importsRoutes(app: App, deps: AppDeps): Promise<void> {
  await app.register(async (scope: App) => {
    acceptCsvBodies(scope);
    scope.post(
      "/api/imports",
      {
        bodyLimit: IMPORT_LIMIT_BYTES,
        schema: {
          tags: ["imports"],
          summary:
            "Upload a CSV file (the request body, up to 50 MB) and get its preview; nothing is imported yet",
          consumes: csvContentTypes,
          querystring: createImportQuerySchema,
          response: { 201: importPreviewSchema },
        },
      },
      async (request, reply) => {
        const preview = await inStaffScope(deps, request, (work) =>
          previewImport(deps, work, request.query, request.body, request.language),
        );
        return reply.code(201).send(preview);
      },
    );
  });

  app.post(
    "/api/imports/:id/preview",
    {
      schema: {
        tags: ["imports"],
        summary:
          "Read the uploaded file again with other options (separator, decimal mark, date format, encoding)",
        params: importIdParamsSchema,
        body: repreviewImportSchema,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        repreviewImport(deps, work, request.params.id, request.body, request.language),
      ),
  );

  app.post(
    "/api/imports/:id/run",
    {
      schema: {
        tags: ["imports"],
        summary: "Start importing a previewed file; the work runs in the background",
        params: importIdParamsSchema,
        response: { 202: importRunSchema },
      },
    },
    async (request, reply) => {
      const run = await inStaffScope(deps, request, (work) => startImport(deps, work, request.params.id));
      return reply.code(202).send(run);
    },
  );

  app.get(
    "/api/imports/:id",
    {
      schema: {
        tags: ["imports"],
        summary: "An import's progress, counts and first 1,000 row errors",
        params: importIdParamsSchema,
        response: { 200: importRunDetailSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => getImport(work, request.params.id, request.language)),
  );

  app.get(
    "/api/imports",
    {
      schema: {
        tags: ["imports"],
        summary: "The firm's recent imports",
        response: { 200: importRunListSchema },
      },
    },
    async (request) => inStaffScope(deps, request, (work) => listImports(work)),
  );
}
