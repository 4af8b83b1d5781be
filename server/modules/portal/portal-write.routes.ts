import { z } from "zod";
import {
  familyAccessInputSchema,
  familyAccessSchema,
  portalAddressPatchSchema,
  portalAddressSchema,
  portalAssetInputSchema,
  portalAssetSchema,
  portalAssetUpdateSchema,
  portalContractPatchSchema,
  portalContractSchema,
  portalDonationInputSchema,
  portalDonationSchema,
  portalDonationUpdateSchema,
  portalFileParamsSchema,
  portalPersonPatchSchema,
  portalPersonSchema,
  portalRecordParamsSchema,
} from "../../../contracts/portal.js";
import type { App, AppDeps } from "../../deps.js";
import { inPortalScope } from "../access/portal-scope.js";
import { createPortalAsset, deletePortalAsset, updatePortalAsset } from "./portal-assets.service.js";
import {
  createPortalDonation,
  deletePortalDonation,
  updatePortalDonation,
} from "./portal-donations.service.js";
import { getFamilyAccess, setFamilyAccess } from "./portal-family.service.js";
import {
  updatePortalAddress,
  updatePortalContract,
  updatePortalPerson,
} from "./portal-file-edits.service.js";

const tags = ["portal"];
const writeNote =
  "PORTAL-8: read_write grantees change what their role allows; `read` grantees and previews get 403.";

/** The portal's writes (PORTAL-8) and family access (PORTAL-9); every one is behind the write gate. */
export async function portalWriteRoutes(app: App, deps: AppDeps): Promise<void> {
  const base = "/api/portal/firms/:firmId/files/:fileId";

  app.post(
    `${base}/assets`,
    {
      schema: {
        tags,
        summary: "Add an asset",
        description: writeNote,
        params: portalFileParamsSchema,
        body: portalAssetInputSchema,
        response: { 201: portalAssetSchema },
      },
    },
    async (request, reply) => {
      const { firmId, fileId } = request.params;
      const asset = await inPortalScope(deps, request, firmId, (work) =>
        createPortalAsset(work, fileId, request.body),
      );
      return reply.code(201).send(asset);
    },
  );

  app.patch(
    `${base}/assets/:id`,
    {
      config: { portalRecordKind: "asset" },
      schema: {
        tags,
        summary: "Change an asset (only the fields sent; null clears)",
        description: writeNote,
        params: portalRecordParamsSchema,
        body: portalAssetUpdateSchema,
        response: { 200: portalAssetSchema },
      },
    },
    (request) => {
      const { firmId, fileId, id } = request.params;
      return inPortalScope(deps, request, firmId, (work) =>
        updatePortalAsset(work, fileId, id, request.body),
      );
    },
  );

  app.delete(
    `${base}/assets/:id`,
    {
      config: { portalRecordKind: "asset" },
      schema: {
        tags,
        summary: "Remove an asset",
        params: portalRecordParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { firmId, fileId, id } = request.params;
      await inPortalScope(deps, request, firmId, (work) => deletePortalAsset(work, fileId, id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/donations`,
    {
      schema: {
        tags,
        summary: "Add a donation",
        description: writeNote,
        params: portalFileParamsSchema,
        body: portalDonationInputSchema,
        response: { 201: portalDonationSchema },
      },
    },
    async (request, reply) => {
      const { firmId, fileId } = request.params;
      const donation = await inPortalScope(deps, request, firmId, (work) =>
        createPortalDonation(work, fileId, request.body),
      );
      return reply.code(201).send(donation);
    },
  );

  app.patch(
    `${base}/donations/:id`,
    {
      config: { portalRecordKind: "donation" },
      schema: {
        tags,
        summary: "Change a donation (only the fields sent; null clears)",
        description: writeNote,
        params: portalRecordParamsSchema,
        body: portalDonationUpdateSchema,
        response: { 200: portalDonationSchema },
      },
    },
    (request) => {
      const { firmId, fileId, id } = request.params;
      return inPortalScope(deps, request, firmId, (work) =>
        updatePortalDonation(work, fileId, id, request.body),
      );
    },
  );

  app.delete(
    `${base}/donations/:id`,
    {
      config: { portalRecordKind: "donation" },
      schema: {
        tags,
        summary: "Remove a donation",
        params: portalRecordParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { firmId, fileId, id } = request.params;
      await inPortalScope(deps, request, firmId, (work) => deletePortalDonation(work, fileId, id));
      return reply.code(204).send(null);
    },
  );

  app.patch(
    `${base}/persons/:id`,
    {
      config: { portalRecordKind: "person" },
      schema: {
        tags,
        summary: "Change a person's contact details (email, phone)",
        description: writeNote,
        params: portalRecordParamsSchema,
        body: portalPersonPatchSchema,
        response: { 200: portalPersonSchema },
      },
    },
    (request) => {
      const { firmId, fileId, id } = request.params;
      return inPortalScope(deps, request, firmId, (work) =>
        updatePortalPerson(work, fileId, id, request.body),
      );
    },
  );

  app.patch(
    `${base}/addresses/:id`,
    {
      config: { portalRecordKind: "address" },
      schema: {
        tags,
        summary: "Change a reference address",
        description: writeNote,
        params: portalRecordParamsSchema,
        body: portalAddressPatchSchema,
        response: { 200: portalAddressSchema },
      },
    },
    (request) => {
      const { firmId, fileId, id } = request.params;
      return inPortalScope(deps, request, firmId, (work) =>
        updatePortalAddress(work, fileId, id, request.body),
      );
    },
  );

  app.patch(
    `${base}/contracts/:id`,
    {
      config: { portalRecordKind: "contract" },
      schema: {
        tags,
        summary: "Change a contract held elsewhere (foreign or partly foreign)",
        description: writeNote,
        params: portalRecordParamsSchema,
        body: portalContractPatchSchema,
        response: { 200: portalContractSchema },
      },
    },
    (request) => {
      const { firmId, fileId, id } = request.params;
      return inPortalScope(deps, request, firmId, (work) =>
        updatePortalContract(work, fileId, id, request.body),
      );
    },
  );

  app.get(
    `${base}/family-access`,
    {
      schema: {
        tags,
        summary: "The family members of the file and the access the holder gives them (PORTAL-9)",
        params: portalFileParamsSchema,
        response: { 200: familyAccessSchema },
      },
    },
    (request) =>
      inPortalScope(deps, request, request.params.firmId, (work) =>
        getFamilyAccess(work, request.params.fileId),
      ),
  );

  app.put(
    `${base}/family-access`,
    {
      schema: {
        tags,
        summary: "Give a family member access up to one's own level, change it, or take it back (PORTAL-9)",
        params: portalFileParamsSchema,
        body: familyAccessInputSchema,
        response: { 200: familyAccessSchema },
      },
    },
    (request) =>
      inPortalScope(deps, request, request.params.firmId, (work) =>
        setFamilyAccess(work, request.params.fileId, request.body, deps),
      ),
  );
}
