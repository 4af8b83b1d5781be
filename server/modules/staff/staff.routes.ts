import { z } from "zod";
import {
  changeStaffRoleSchema,
  inviteStaffSchema,
  staffInvitationParamsSchema,
  staffInvitationSchema,
  staffListSchema,
  staffMemberSchema,
  staffUserParamsSchema,
} from "../../../contracts/staff.js";
import type { App, AppDeps } from "../../deps.js";
import { assertStaffCan } from "../access/staff.policy.js";
import { inStaffScope } from "../access/staff-scope.js";
import { changeStaffRole, deactivateStaff, listStaff, reactivateStaff } from "./staff.service.js";
import { staffAcceptanceRoutes } from "./staff-acceptance.routes.js";
import { inviteStaff, resendStaffInvitation, revokeStaffInvitation } from "./staff-invitations.service.js";

const tags = ["staff"];

/** Staff management (FIRM-2): the team, invitations, roles, deactivation; and the public acceptance. */
export async function staffRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/staff",
    {
      schema: {
        tags,
        summary: "The firm's staff members and pending invitations",
        response: { 200: staffListSchema },
      },
    },
    async (request) => {
      assertStaffCan(request.actor, "staff.read");
      return inStaffScope(deps, request, (work) => listStaff(work));
    },
  );

  app.post(
    "/api/staff/invitations",
    {
      schema: {
        tags,
        summary: "Invite a person to the staff by email (single-use link)",
        body: inviteStaffSchema,
        response: { 201: staffInvitationSchema },
      },
    },
    async (request, reply) => {
      assertStaffCan(request.actor, "staff.manage");
      const invitation = await inStaffScope(deps, request, (work) => inviteStaff(work, deps, request.body));
      return reply.code(201).send(invitation);
    },
  );

  app.delete(
    "/api/staff/invitations/:id",
    {
      schema: {
        tags,
        summary: "Revoke a pending invitation (its link stops working)",
        params: staffInvitationParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      assertStaffCan(request.actor, "staff.manage");
      await inStaffScope(deps, request, (work) => revokeStaffInvitation(work, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/staff/invitations/:id/resend",
    {
      schema: {
        tags,
        summary: "Send a pending invitation again with a new link (the old one stops working)",
        params: staffInvitationParamsSchema,
        response: { 200: staffInvitationSchema },
      },
    },
    async (request) => {
      assertStaffCan(request.actor, "staff.manage");
      return inStaffScope(deps, request, (work) => resendStaffInvitation(work, deps, request.params.id));
    },
  );

  app.patch(
    "/api/staff/:userId",
    {
      schema: {
        tags,
        summary: "Change a staff member's role",
        params: staffUserParamsSchema,
        body: changeStaffRoleSchema,
        response: { 200: staffMemberSchema },
      },
    },
    async (request) => {
      assertStaffCan(request.actor, "staff.manage");
      return inStaffScope(deps, request, (work) =>
        changeStaffRole(work, request.params.userId, request.body.role),
      );
    },
  );

  app.post(
    "/api/staff/:userId/deactivate",
    {
      schema: {
        tags,
        summary: "Deactivate a staff member and end their sessions at once",
        params: staffUserParamsSchema,
        response: { 200: staffMemberSchema },
      },
    },
    async (request) => {
      assertStaffCan(request.actor, "staff.manage");
      return inStaffScope(deps, request, (work) => deactivateStaff(work, request.params.userId));
    },
  );

  app.post(
    "/api/staff/:userId/reactivate",
    {
      schema: {
        tags,
        summary: "Reactivate a deactivated staff member",
        params: staffUserParamsSchema,
        response: { 200: staffMemberSchema },
      },
    },
    async (request) => {
      assertStaffCan(request.actor, "staff.manage");
      return inStaffScope(deps, request, (work) => reactivateStaff(work, request.params.userId));
    },
  );

  await staffAcceptanceRoutes(app, deps);
}
