import type { Language, StaffRole } from "../../../contracts/common.js";
import type { StaffInvitation, StaffMember } from "../../../contracts/staff.js";
import type { StaffInvitationRow, StaffMemberRow } from "./staff.queries.js";

/** A staff member as the API shows it. */
export function presentStaffMember(row: StaffMemberRow): StaffMember {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role as StaffRole,
    active: row.active,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    joinedAt: row.createdAt.toISOString(),
  };
}

/** A pending invitation as the API shows it; `expired` is judged on the request's clock. */
export function presentStaffInvitation(row: StaffInvitationRow, now: Date): StaffInvitation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as StaffRole,
    language: row.language as Language,
    invitedByName: row.invitedByName ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt.getTime() <= now.getTime(),
  };
}
