import { z } from "zod";
import {
  portalAddressListSchema,
  portalAssetListSchema,
  portalClaimListSchema,
  portalContractListSchema,
  portalDocumentListSchema,
  portalDonationListSchema,
  portalDownloadQuerySchema,
  portalFileParamsSchema,
  portalFirmParamsSchema,
  portalLineOfBusinessListSchema,
  portalMeSchema,
  portalOverviewSchema,
  portalPersonListSchema,
  portalRecordParamsSchema,
} from "../../../contracts/portal.js";
import type { App, AppDeps } from "../../deps.js";
import { AppError } from "../../platform/errors.js";
import { FileNotFoundError } from "../../platform/storage/storage.js";
import { inPortalScope, type OpeningRead, type PortalWork } from "../access/portal-scope.js";
import { contentDisposition, isPreviewable } from "../documents/documents.content.js";
import { openPortalDownload } from "./portal-documents.service.js";
import { fileContracts, fileDocuments } from "./portal-file-rows.sql.js";
import {
  listPortalAddresses,
  listPortalAssets,
  listPortalClaims,
  listPortalContracts,
  listPortalDocuments,
  listPortalDonations,
  listPortalLinesOfBusiness,
  listPortalPersons,
} from "./portal-lists.service.js";
import { portalFirmLogo, portalMe } from "./portal-me.service.js";
import { portalOverview } from "./portal-overview.service.js";

const tags = ["portal"];
// These reads find the session and open their transaction in one round trip (inPortalScope).
const inScopeSession = { sessionInScope: true };
const previewNote =
  "Staff may send `x-atrium-preview: <granteeId>` to see exactly what that grantee of their firm sees (read-only).";
// A previewed file is a document of its own: no scripts, no requests, only shown inside Atrium's pages.
const previewPolicy = "default-src 'none'; sandbox; frame-ancestors 'self'";

/**
 * The lists of a file, each answering only what the viewer's grants show (PORTAL-4), and its choices;
 * the busiest read the file's rows in their opening round trip (a fifth entry: what they read first).
 */
const lists: ReadonlyArray<
  readonly [string, string, z.ZodType, (work: PortalWork, fileId: string) => Promise<unknown>, OpeningRead?]
> = [
  [
    "contracts",
    "The contracts the viewer sees, with category and line of business",
    portalContractListSchema,
    listPortalContracts,
    fileContracts,
  ],
  ["assets", "The assets the viewer sees, with totals per currency", portalAssetListSchema, listPortalAssets],
  ["claims", "The claims the viewer sees", portalClaimListSchema, listPortalClaims],
  [
    "addresses",
    "The reference addresses (risk locations) the viewer sees",
    portalAddressListSchema,
    listPortalAddresses,
  ],
  [
    "persons",
    "The persons of the file the viewer sees; others' contact details only when allowed",
    portalPersonListSchema,
    listPortalPersons,
  ],
  ["donations", "The donations the viewer sees", portalDonationListSchema, listPortalDonations],
  [
    "documents",
    "The shared documents the viewer sees, newest first",
    portalDocumentListSchema,
    listPortalDocuments,
    fileDocuments,
  ],
  [
    "lines-of-business",
    "The firm's active lines of business, to choose from when changing a contract held elsewhere",
    portalLineOfBusinessListSchema,
    listPortalLinesOfBusiness,
  ],
];

/** The portal's reads: who am I and where, the overview, the lists, document downloads, the logo. */
export async function portalReadRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/portal/me",
    {
      schema: {
        tags,
        summary: "The signed-in account's firms and the files it reaches there now (PORTAL-2)",
        description: previewNote,
        response: { 200: portalMeSchema },
      },
    },
    (request) => portalMe(deps, request),
  );

  app.get(
    "/api/portal/firms/:firmId/logo",
    {
      config: inScopeSession,
      schema: {
        tags,
        summary: "The firm's logo, for viewers who reach a file there",
        params: portalFirmParamsSchema,
        querystring: z.object({ v: z.string().max(100).optional() }),
      },
    },
    async (request, reply) => {
      const logo = await inPortalScope(deps, request, request.params.firmId, portalFirmLogo);
      let stream: Awaited<ReturnType<typeof deps.files.get>>;
      try {
        stream = await deps.files.get(logo.key);
      } catch (error) {
        if (error instanceof FileNotFoundError) throw new AppError("not_found");
        throw error;
      }
      const current = request.query.v !== undefined && logo.key.endsWith(`/${request.query.v}`);
      return reply
        .header("content-type", logo.contentType)
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", "inline")
        .header("cache-control", current ? "private, max-age=31536000, immutable" : "private, no-cache")
        .send(stream);
    },
  );

  app.get(
    "/api/portal/firms/:firmId/files/:fileId/overview",
    {
      config: inScopeSession,
      schema: {
        tags,
        summary: "The file's overview in its grant's presentation: private or business view (PORTAL-3)",
        description: previewNote,
        params: portalFileParamsSchema,
        response: { 200: portalOverviewSchema },
      },
    },
    (request) =>
      inPortalScope(
        deps,
        request,
        request.params.firmId,
        (work) => portalOverview(work, request.params.fileId),
        fileContracts,
      ),
  );

  for (const [path, summary, schema, list, firstRead] of lists) {
    app.get(
      `/api/portal/firms/:firmId/files/:fileId/${path}`,
      {
        config: inScopeSession,
        schema: {
          tags,
          summary,
          description: previewNote,
          params: portalFileParamsSchema,
          response: { 200: schema },
        },
      },
      (request) =>
        inPortalScope(
          deps,
          request,
          request.params.firmId,
          // Each list's own type pairs with its schema above; the serializer checks the answer against it.
          (work: PortalWork) => list(work, request.params.fileId) as Promise<never>,
          firstRead,
        ),
    );
  }

  app.get(
    "/api/portal/firms/:firmId/files/:fileId/documents/:id/download",
    {
      config: inScopeSession,
      schema: {
        tags,
        summary:
          "Download the current version of a shared document (audited); inline=1 previews PDFs and images",
        params: portalRecordParamsSchema,
        querystring: portalDownloadQuerySchema,
      },
    },
    async (request, reply) => {
      const { firmId, fileId, id } = request.params;
      const version = await inPortalScope(
        deps,
        request,
        firmId,
        (work) => openPortalDownload(work, fileId, id),
        fileDocuments,
      );
      let stream: Awaited<ReturnType<typeof deps.files.get>>;
      try {
        stream = await deps.files.get(version.storageKey);
      } catch (error) {
        if (error instanceof FileNotFoundError) throw new AppError("not_found");
        throw error;
      }
      const inline =
        (request.query.inline === "1" || request.query.inline === "true") &&
        isPreviewable(version.contentType);
      // SEC-15: as the back office's download — attachment unless previewable, exact name, no sniffing, no cache.
      reply
        .header("Content-Type", version.contentType)
        .header("Content-Length", String(version.sizeBytes))
        .header("Content-Disposition", contentDisposition(inline ? "inline" : "attachment", version.fileName))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store");
      if (inline) reply.header("Content-Security-Policy", previewPolicy);
      return reply.send(stream);
    },
  );
}
