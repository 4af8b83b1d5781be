import type { StaffRole } from "../../../contracts/common.js";
import type { StaffList, StaffMember } from "../../../contracts/staff.js";
import { AppError } from "../../platform/errors.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { presentStaffInvitation, presentStaffMember } from "./staff.presenter.js";
import {
  deleteSessionsOfUser,
  findStaffMemberWithAccount,
  listPendingInvitations,
  listStaffMembers,
  lockActiveAdmins,
  type StaffMemberRow,
  updateStaffActive,
  updateStaffRole,
} from "./staff.queries.js";

/** The team: every member (active or not) and the pending invitations. */
export async function listStaff({ tx, actor, audit }: StaffWork): Promise<StaffList> {
  const firmId = actor.staff.firmId;
  const now = audit.at;
  const [members, invitations] = [
    await listStaffMembers(tx, firmId),
    await listPendingInvitations(tx, firmId),
  ];
  return {
    members: members.map(presentStaffMember),
    invitations: invitations.map((row) => presentStaffInvitation(row, now)),
  };
}

async function loadMember({ tx, actor }: StaffWork, userId: string): Promise<StaffMemberRow> {
  // Another firm's member is not found: row-level security and the firm filter both say so (SEC-11).
  const member = await findStaffMemberWithAccount(tx, actor.staff.firmId, userId);
  if (!member) throw new AppError("not_found");
  return member;
}

/**
 * A firm must keep one active admin, or nobody could manage staff and settings any more. Locks the
 * active admins' rows so two concurrent changes cannot each leave the other as "the remaining admin".
 */
async function assertAnAdminRemains(
  { tx, actor }: StaffWork,
  member: StaffMemberRow,
  after: { role: string; active: boolean },
) {
  const losesAdmin = member.role === "admin" && member.active && !(after.role === "admin" && after.active);
  if (!losesAdmin) return;
  const admins = await lockActiveAdmins(tx, actor.staff.firmId);
  if (admins.includes(member.userId) && admins.every((id) => id === member.userId))
    throw new AppError("conflict", "staff.last_admin");
}

/** Gives a member another role; the last active admin cannot be demoted. */
export async function changeStaffRole(
  work: StaffWork,
  userId: string,
  role: StaffRole,
): Promise<StaffMember> {
  const member = await loadMember(work, userId);
  const before = presentStaffMember(member);
  if (member.role === role) return before;
  await assertAnAdminRemains(work, member, { role, active: member.active });
  await updateStaffRole(work.tx, work.actor.staff.firmId, userId, role);
  const after = presentStaffMember(await loadMember(work, userId));
  await recordAudit(work.tx, work.audit, {
    action: "staff_member.role_change",
    entityType: "staff_member",
    entityId: userId,
    before,
    after,
  });
  return after;
}

/**
 * Deactivates a member and ends all their sessions at once, so their next request is anonymous.
 * The last active admin cannot be deactivated. Deactivating an inactive member changes nothing.
 */
export async function deactivateStaff(work: StaffWork, userId: string) {
  const member = await loadMember(work, userId);
  const before = presentStaffMember(member);
  if (!member.active) return before;
  await assertAnAdminRemains(work, member, { role: member.role, active: false });
  await updateStaffActive(work.tx, work.actor.staff.firmId, userId, false, work.audit.at);
  const endedSessions = await deleteSessionsOfUser(work.tx, userId);
  const after = presentStaffMember(await loadMember(work, userId));
  await recordAudit(work.tx, work.audit, {
    action: "staff_member.deactivate",
    entityType: "staff_member",
    entityId: userId,
    before,
    after: { ...after, endedSessions },
  });
  return after;
}

/** Lets a deactivated member sign in and work again. Reactivating an active member changes nothing. */
export async function reactivateStaff(work: StaffWork, userId: string) {
  const member = await loadMember(work, userId);
  const before = presentStaffMember(member);
  if (member.active) return before;
  await updateStaffActive(work.tx, work.actor.staff.firmId, userId, true, work.audit.at);
  const after = presentStaffMember(await loadMember(work, userId));
  await recordAudit(work.tx, work.audit, {
    action: "staff_member.reactivate",
    entityType: "staff_member",
    entityId: userId,
    before,
    after,
  });
  return after;
}
