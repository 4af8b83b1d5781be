import { z } from "zod";
import {
  donationInputSchema,
  donationListSchema,
  donationSchema,
  donationUpdateSchema,
  fileParamsSchema,
  recordParamsSchema,
} from "../../../contracts/records.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import {
  createDonation,
  deleteDonation,
  getDonation,
  listDonations,
  updateDonation,
} from "./donations.service.js";

const tags = ["records"];

/** Donations of a client file (seed 003's inventory of gifts). */
export async function donationRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/client-files/:fileId/donations",
    {
      schema: {
        tags,
        summary: "The file's donations, newest first, and the persons the form offers",
        params: fileParamsSchema,
        response: { 200: donationListSchema },
      },
    },
    async (request) => inStaffScope(deps, request, (work) => listDonations(work, request.params.fileId)),
  );

  app.post(
    "/api/client-files/:fileId/donations",
    {
      schema: {
        tags,
        summary: "Add a donation: donor and beneficiary each a person of the file or a name",
        params: fileParamsSchema,
        body: donationInputSchema,
        response: { 201: donationSchema },
      },
    },
    async (request, reply) => {
      const donation = await inStaffScope(deps, request, (work) =>
        createDonation(work, request.params.fileId, request.body),
      );
      return reply.code(201).send(donation);
    },
  );

  app.get(
    "/api/client-files/:fileId/donations/:id",
    {
      schema: {
        tags,
        summary: "One donation of the file",
        params: recordParamsSchema,
        response: { 200: donationSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) => getDonation(work, request.params.fileId, request.params.id)),
  );

  app.patch(
    "/api/client-files/:fileId/donations/:id",
    {
      schema: {
        tags,
        summary: "Change a donation (only the fields sent; null clears)",
        params: recordParamsSchema,
        body: donationUpdateSchema,
        response: { 200: donationSchema },
      },
    },
    async (request) =>
      inStaffScope(deps, request, (work) =>
        updateDonation(work, request.params.fileId, request.params.id, request.body),
      ),
  );

  app.delete(
    "/api/client-files/:fileId/donations/:id",
    {
      schema: { tags, summary: "Delete a donation", params: recordParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await inStaffScope(deps, request, (work) =>
        deleteDonation(work, request.params.fileId, request.params.id),
      );
      return reply.code(204).send(null);
    },
  );
}
