import { apiKeyScopes } from "../../../contracts/api-keys.js";
import {
  createImportQuerySchema,
  importIdParamsSchema,
  importRunDetailSchema,
} from "../../../contracts/imports.js";
import {
  type SyncKind,
  syncBatchResultSchema,
  syncChangesQuerySchema,
  syncExternalIdParamsSchema,
  syncKinds,
} from "../../../contracts/sync.js";
import type { App, AppDeps } from "../../deps.js";
import { inApiKeyScope } from "../api-keys/api-key-scope.js";
import { acceptCsvBodies, csvContentTypes } from "../imports/csv-body.js";
import { IMPORT_LIMIT_BYTES } from "../imports/stored-file.js";
import { batchSchema, changesSchema, recordSchema } from "./sync.schemas.js";
import { upsertDocuments } from "./sync-documents.service.js";
import { getSyncImport, startSyncImport } from "./sync-imports.service.js";
import type { SyncItem } from "./sync-items.js";
import { getRecord, listChanges } from "./sync-reads.service.js";
import { upsertBatch } from "./sync-records.service.js";

const tags = ["sync"];
/** Bearer keys only: the CSRF check is for cookies, and cookies are never read on these routes. */
const config = { bearerOnly: true };
const security = [{ apiKey: [] }];
const auth = `Authorization: Bearer <API key>; scopes: ${apiKeyScopes.join(", ")}.`;
const RECORDS_BODY_LIMIT = 16 * 1024 * 1024;

/** FILE-5 / API-1: the firm's management system keeps Atrium current by external id. */
export async function syncRoutes(app: App, deps: AppDeps): Promise<void> {
  const documentsBodyLimit = Math.ceil((deps.config.uploadLimitBytes * 4) / 3) + 1024 * 1024;
  for (const kind of syncKinds) {
    const path = `/api/sync/v1/${kind}`;
    app.put(
      path,
      {
        config,
        bodyLimit: kind === "documents" ? documentsBodyLimit : RECORDS_BODY_LIMIT,
        schema: {
          tags,
          security,
          summary: `Upsert ${kind} by external id, answered per item (scope write). ${auth}`,
          body: batchSchema(kind),
          response: { 200: syncBatchResultSchema },
        },
      },
      (request, reply) =>
        inApiKeyScope(deps, request, reply, "write", (work) => {
          const items = request.body.items as SyncItem[];
          return kind === "documents"
            ? upsertDocuments(deps, work, items, request.language)
            : upsertBatch(work, kind as Exclude<SyncKind, "documents">, items, request.language);
        }),
    );
    app.get(
      path,
      {
        config,
        schema: {
          tags,
          security,
          summary: `The ${kind} changed after a cursor, oldest first (scope read). ${auth}`,
          querystring: syncChangesQuerySchema,
          response: { 200: changesSchema(kind) },
        },
      },
      (request, reply) =>
        inApiKeyScope(deps, request, reply, "read", (work) => listChanges(work, kind, request.query)),
    );
    app.get(
      `${path}/:externalId`,
      {
        config,
        schema: {
          tags,
          security,
          summary: `One of the firm's ${kind} by its external id (scope read). ${auth}`,
          params: syncExternalIdParamsSchema,
          response: { 200: recordSchema(kind) },
        },
      },
      (request, reply) =>
        inApiKeyScope(deps, request, reply, "read", (work) =>
          getRecord(work, kind, request.params.externalId),
        ),
    );
  }

  await app.register(async (scope: App) => {
    acceptCsvBodies(scope);
    scope.post(
      "/api/sync/v1/imports",
      {
        config,
        bodyLimit: IMPORT_LIMIT_BYTES,
        schema: {
          tags,
          security,
          summary: `Import a CSV file (the body, up to 50 MB) and start it at once (scope import). ${auth}`,
          consumes: csvContentTypes,
          querystring: createImportQuerySchema,
          response: { 202: importRunDetailSchema },
        },
      },
      async (request, reply) => {
        const run = await inApiKeyScope(deps, request, reply, "import", (work) =>
          startSyncImport(deps, work, request.query, request.body, request.language),
        );
        return reply.code(202).send(run);
      },
    );
  });

  app.get(
    "/api/sync/v1/imports/:id",
    {
      config,
      schema: {
        tags,
        security,
        summary: `An import's progress, counts and row errors (scope import). ${auth}`,
        params: importIdParamsSchema,
        response: { 200: importRunDetailSchema },
      },
    },
    (request, reply) =>
      inApiKeyScope(deps, request, reply, "import", (work) =>
        getSyncImport(work, request.params.id, request.language),
      ),
  );
}
