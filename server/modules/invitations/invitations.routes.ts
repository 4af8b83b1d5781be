import { granteeParamsSchema, grantIdParamsSchema } from "../../../contracts/grants.js";
import {
  acceptClientInvitationSchema,
  acceptedClientInvitationSchema,
  clientInvitationPreviewSchema,
  clientInvitationTokenSchema,
  firmInvitationListSchema,
  invitationLinkSchema,
  invitationListQuerySchema,
  invitationListSchema,
  invitationParamsSchema,
  invitationPreviewSchema,
  invitationSchema,
  inviteGranteeSchema,
} from "../../../contracts/invitations.js";
import type { App, AppDeps } from "../../deps.js";
import { inStaffScope } from "../access/staff-scope.js";
import { forwardCookies } from "../identity/session.js";
import { listFirmInvitations } from "./firm-invitations.service.js";
import { resendInvitation, stopReminders, withdrawInvitation } from "./invitation-series.service.js";
import {
  createInvitationLink,
  inviteGrantee,
  listInvitationsOfGrant,
  previewInvitation,
} from "./invitations.service.js";
import {
  acceptClientInvitation,
  assertInvitationRate,
  peekClientInvitation,
} from "./registration.service.js";

const tags = ["invitations"];

/** Inviting grantees into the portal (INV-1, INV-2, INV-4, INV-5) and registering from a link (PORTAL-1). */
export async function invitationsRoutes(app: App, deps: AppDeps): Promise<void> {
  const grantee = { params: granteeParamsSchema, body: inviteGranteeSchema };

  app.post(
    "/api/grants/:id/grantees/:granteeId/invitation",
    {
      schema: {
        tags,
        summary: "Invite a grantee by email (an existing account gets a notice and access at once)",
        ...grantee,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => {
      const { id, granteeId } = request.params;
      const invitation = await inStaffScope(deps, request, (work) =>
        inviteGrantee(work, deps, id, granteeId, request.body),
      );
      return reply.code(201).send(invitation);
    },
  );

  app.post(
    "/api/grants/:id/grantees/:granteeId/invitation-link",
    {
      schema: {
        tags,
        summary: "Make an invitation link to send personally; voids every earlier link of the grantee",
        ...grantee,
        response: { 201: invitationLinkSchema },
      },
    },
    async (request, reply) => {
      const { id, granteeId } = request.params;
      const link = await inStaffScope(deps, request, (work) =>
        createInvitationLink(work, deps, id, granteeId, request.body),
      );
      return reply.code(201).send(link);
    },
  );

  app.post(
    "/api/grants/:id/grantees/:granteeId/invitation-preview",
    {
      schema: {
        tags,
        summary: "The invitation mail as it would go out now, with the personal message (nothing is sent)",
        ...grantee,
        response: { 200: invitationPreviewSchema },
      },
    },
    async (request) => {
      const { id, granteeId } = request.params;
      return inStaffScope(deps, request, (work) =>
        previewInvitation(work, deps, id, granteeId, request.body),
      );
    },
  );

  app.get(
    "/api/grants/:id/invitations",
    {
      schema: {
        tags,
        summary: "The invitations of a grant's grantees, newest first, with their last mail",
        params: grantIdParamsSchema,
        response: { 200: invitationListSchema },
      },
    },
    async (request) => inStaffScope(deps, request, (work) => listInvitationsOfGrant(work, request.params.id)),
  );

  app.get(
    "/api/invitations",
    {
      schema: {
        tags,
        summary: "The firm's invitations, newest first, with their last mail; filter by state or delivery",
        querystring: invitationListQuerySchema,
        response: { 200: firmInvitationListSchema },
      },
    },
    async (request) => inStaffScope(deps, request, (work) => listFirmInvitations(work, request.query)),
  );

  const actions = {
    "stop-reminders": { summary: "Stop an invitation's reminders", run: stopReminders },
    resend: {
      summary: "Send the invitation again: a new link, a renewed expiry, the reminders from now",
      run: (work: Parameters<typeof stopReminders>[0], id: string) => resendInvitation(work, deps, id),
    },
    withdraw: { summary: "Withdraw a pending invitation: its links stop working", run: withdrawInvitation },
  } as const;
  for (const [action, { summary, run }] of Object.entries(actions)) {
    app.post(
      `/api/invitations/:id/${action}`,
      { schema: { tags, summary, params: invitationParamsSchema, response: { 200: invitationSchema } } },
      async (request) => inStaffScope(deps, request, (work) => run(work, request.params.id)),
    );
  }

  app.post(
    "/api/client-invitations/peek",
    {
      schema: {
        tags,
        summary: "What an invitation link is for (consumes nothing); 404 when it no longer works",
        body: clientInvitationTokenSchema,
        response: { 200: clientInvitationPreviewSchema },
      },
    },
    async (request) => {
      await assertInvitationRate(deps, request, "peek", request.body.token);
      return peekClientInvitation(deps, request.body.token);
    },
  );

  app.post(
    "/api/client-invitations/accept",
    {
      schema: {
        tags,
        summary: "Register from an invitation (or add it to the existing account) and sign in",
        body: acceptClientInvitationSchema,
        response: { 201: acceptedClientInvitationSchema },
      },
    },
    async (request, reply) => {
      await assertInvitationRate(deps, request, "accept", request.body.token);
      const { headers, ...accepted } = await acceptClientInvitation(deps, request, request.body);
      forwardCookies(headers, reply);
      return reply.code(201).send(accepted);
    },
  );
}
