import { Readable } from "node:stream";
import { z } from "zod";
import {
  auditActorSchema,
  auditPageSchema,
  clientFileIdParamSchema,
  fileHistoryQuerySchema,
  firmAuditFilterSchema,
  firmAuditQuerySchema,
} from "../../../contracts/audit.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import {
  listAuditActors,
  readFileHistory,
  readFirmLog,
  startFirmLogExport,
  streamFirmLog,
} from "./audit-log.service.js";

const tags = ["audit"];

/** AUDIT-1 views: a client file's history, the firm-wide log for admins and its CSV export. */
export async function auditRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files/:id/history",
    {
      schema: {
        tags,
        summary: "A client file's history, newest first (filter by action prefix, paginate by cursor)",
        params: clientFileIdParamSchema,
        querystring: fileHistoryQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) => readFileHistory(work, request.params.id, request.query)),
  );

  app.get(
    "/api/audit",
    {
      schema: {
        tags,
        summary: "The firm-wide audit log (admins), newest first",
        querystring: firmAuditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    (request) => inStaffScope(deps, request, (work) => readFirmLog(work, request.query)),
  );

  app.get(
    "/api/audit/actors",
    {
      schema: {
        tags,
        summary: "The firm's staff, to filter the audit log by who acted (admins)",
        response: { 200: z.array(auditActorSchema) },
      },
    },
    (request) => inStaffScope(deps, request, (work) => listAuditActors(work)),
  );

  app.get(
    "/api/audit/export.csv",
    {
      schema: {
        tags,
        summary: "The firm-wide audit log as CSV (admins), with the same filters as the log",
        querystring: firmAuditFilterSchema,
      },
    },
    async (request, reply) => {
      const { firmId, filter } = await inStaffScope(deps, request, async (work) => ({
        firmId: work.actor.staff.firmId,
        filter: await startFirmLogExport(work, request.query),
      }));
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="audit-log-${day}.csv"`)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send(Readable.from(streamFirmLog(deps, firmId, filter, request.language)));
    },
  );
}
