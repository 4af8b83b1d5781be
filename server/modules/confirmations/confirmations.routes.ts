import { z } from "zod";
import { languageSchema } from "../../../contracts/common.js";
import {
  confirmationListSchema,
  confirmationParamsSchema,
  confirmationPreviewBodySchema,
  confirmationPreviewSchema,
  confirmationRequestSchema,
  createConfirmationsSchema,
  createdConfirmationsSchema,
  portalConfirmationListSchema,
  portalConfirmBodySchema,
  portalConfirmReceiptSchema,
} from "../../../contracts/confirmations.js";
import { portalFileParamsSchema, portalRecordParamsSchema } from "../../../contracts/portal.js";
import type { App, AppDeps } from "../../deps.js";
import { inPortalScope } from "../access/portal-scope.js";
import { inStaffScope } from "../access/staff-scope.js";
import { contentDisposition } from "../documents/documents.content.js";
import { renderCertificate } from "./confirmation-certificate.js";
import {
  cancelConfirmation,
  listConfirmations,
  openCertificate,
  previewConfirmation,
  requestConfirmations,
  resendConfirmation,
} from "./confirmations.service.js";
import {
  assertMayConfirmRequest,
  confirmPortalRequest,
  listPortalConfirmations,
} from "./confirmations-portal.service.js";

const tags = ["confirmations"];
const documentParams = z.object({ fileId: z.uuid(), id: z.uuid() });
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Confirmations of receipt (PORTAL-5): asked for in the back office, given in the portal. */
export async function confirmationsRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files/:fileId/documents/:id/confirmations",
    {
      schema: {
        tags,
        summary: "A document's confirmation requests and the grantees one may ask (or why not)",
        params: documentParams,
        response: { 200: confirmationListSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        listConfirmations(work, request.params.fileId, request.params.id),
      ),
  );

  app.post(
    "/api/client-files/:fileId/documents/:id/confirmations/preview",
    {
      schema: {
        tags,
        summary:
          "The request mail one grantee would get, with the standard subject and text (nothing is sent)",
        params: documentParams,
        body: confirmationPreviewBodySchema,
        response: { 200: confirmationPreviewSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        previewConfirmation(work, deps, request.params.fileId, request.params.id, request.body),
      ),
  );

  app.post(
    "/api/client-files/:fileId/documents/:id/confirmations",
    {
      schema: {
        tags,
        summary: "Request confirmation via the portal: shares the document and mails each chosen grantee",
        params: documentParams,
        body: createConfirmationsSchema,
        response: { 201: createdConfirmationsSchema },
      },
    },
    async (request, reply) => {
      const created = await inStaffScope(deps, request, (work) =>
        requestConfirmations(work, deps, request.params.fileId, request.params.id, request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.post(
    "/api/client-files/:fileId/confirmations/:id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel an open confirmation request (its reminders stop)",
        params: confirmationParamsSchema,
        response: { 200: confirmationRequestSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        cancelConfirmation(work, request.params.fileId, request.params.id),
      ),
  );

  app.post(
    "/api/client-files/:fileId/confirmations/:id/resend",
    {
      schema: {
        tags,
        summary: "Send an open confirmation request's mail again; its reminders start afresh",
        params: confirmationParamsSchema,
        response: { 200: confirmationRequestSchema },
      },
    },
    (request) =>
      inStaffScope(deps, request, (work) =>
        resendConfirmation(work, deps, request.params.fileId, request.params.id),
      ),
  );

  app.get(
    "/api/client-files/:fileId/confirmations/:id/certificate",
    {
      schema: {
        tags,
        summary:
          "The PDF certificate of a confirmed request (audited); language: as asked, else the staff member's",
        params: confirmationParamsSchema,
        querystring: z.object({ language: languageSchema.optional() }),
      },
    },
    async (request, reply) => {
      const { fileId, id } = request.params;
      const found = await inStaffScope(deps, request, async (work) => ({
        ...(await openCertificate(work, fileId, id)),
        language: request.query.language ?? work.actor.user.language,
        issuedAt: work.audit.at,
      }));
      const pdf = await renderCertificate({
        firmName: found.firm.name,
        request: found.request,
        evidence: found.evidence,
        versionDate: found.versionDate,
        language: found.language,
        issuedAt: found.issuedAt,
      });
      const name = `${found.evidence.documentTitle} – v${found.evidence.version}.pdf`;
      return reply
        .header("Content-Type", "application/pdf")
        .header("Content-Disposition", contentDisposition("attachment", name))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    "/api/portal/firms/:firmId/files/:fileId/confirmations",
    {
      config: { sessionInScope: true },
      schema: {
        tags: ["portal"],
        summary: "The viewer's confirmation requests on the file: open ones first, then confirmed ones",
        params: portalFileParamsSchema,
        response: { 200: portalConfirmationListSchema },
      },
    },
    (request) =>
      inPortalScope(deps, request, request.params.firmId, (work) =>
        listPortalConfirmations(work, request.params.fileId),
      ),
  );

  app.post(
    "/api/portal/firms/:firmId/files/:fileId/confirmations/:id/confirm",
    {
      // Who may confirm is decided before the body is validated: another firm's or an unseen request
      // answers 404 and a staff preview 403, whatever is sent (SEC-11, SEC-13).
      preValidation: (request) => {
        const { firmId, fileId, id } = request.params as { firmId: string; fileId: string; id: string };
        // Malformed ids: the route's schema answers 400.
        if (![firmId, fileId, id].every((value) => uuidShape.test(value ?? ""))) return Promise.resolve();
        return inPortalScope(deps, request, firmId, (work) => assertMayConfirmRequest(work, fileId, id));
      },
      schema: {
        tags: ["portal"],
        summary:
          "Confirm having received and read the document (records who, when, version, SHA-256, IP, browser)",
        params: portalRecordParamsSchema,
        body: portalConfirmBodySchema,
        response: { 200: portalConfirmReceiptSchema },
      },
    },
    (request) =>
      inPortalScope(deps, request, request.params.firmId, (work) =>
        confirmPortalRequest(work, request.params.fileId, request.params.id, request.body.confirmed),
      ),
  );
}
