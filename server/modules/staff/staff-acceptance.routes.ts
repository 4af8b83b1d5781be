import {
  acceptedStaffInvitationSchema,
  acceptStaffInvitationSchema,
  invitationTokenSchema,
  staffInvitationPreviewSchema,
} from "../../../contracts/staff.js";
import type { App, AppDeps } from "../../deps.js";
import { forwardCookies } from "../identity/session.js";
import { acceptStaffInvitation, peekStaffInvitation } from "./staff-acceptance.service.js";

const tags = ["staff"];

/**
 * The public side of a staff invitation (no session needed). The token travels in POST bodies only:
 * never in a URL, so it stays out of logs and history, and opening a link consumes nothing (SEC-6).
 */
export async function staffAcceptanceRoutes(app: App, deps: AppDeps): Promise<void> {
  app.post(
    "/api/staff-invitations/peek",
    {
      schema: {
        tags,
        summary: "What a staff invitation link is for (consumes nothing); 404 when it no longer works",
        body: invitationTokenSchema,
        response: { 200: staffInvitationPreviewSchema },
      },
    },
    async (request) => peekStaffInvitation(deps, request.body.token),
  );

  app.post(
    "/api/staff-invitations/accept",
    {
      schema: {
        tags,
        summary: "Accept a staff invitation: create the account or confirm the existing one, then sign in",
        body: acceptStaffInvitationSchema,
        response: { 201: acceptedStaffInvitationSchema },
      },
    },
    async (request, reply) => {
      const { headers, firmId, userId } = await acceptStaffInvitation(deps, request, request.body);
      forwardCookies(headers, reply);
      return reply.code(201).send({ firmId, userId });
    },
  );
}
