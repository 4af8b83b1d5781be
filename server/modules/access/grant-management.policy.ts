import type { PersonRole } from "../../../contracts/clients.js";
import type { AccessLevel } from "../../../contracts/grants.js";
import type { accessManagers } from "../../../contracts/settings.js";
import { AppError } from "../../platform/errors.js";
import type { StaffActor } from "./staff.policy.js";

// Who may manage portal access (GRANT-6, GRANT-7, FIRM-3 `accessManagedBy`) and which changes the
// firm's policy forbids (`holdersAccessIrrevocable`). Services call these; they decide nothing else.

/** The firm policy saying who manages portal access on a file. */
export type AccessManager = (typeof accessManagers)[number];

/** The policies these rules read. */
export interface AccessPolicies {
  accessManagedBy: AccessManager;
  holdersAccessIrrevocable: boolean;
}

/** The message key saying why a staff member may not manage access, per policy value. */
export const notAllowedToManage: Record<AccessManager, string> = {
  case_owner: "grants.not_allowed_to_manage.case_owner",
  admins: "grants.not_allowed_to_manage.admins",
  case_owner_and_admins: "grants.not_allowed_to_manage.case_owner_and_admins",
};

/**
 * Why `actor` may not manage portal access on a file (null = may): `case_owner` lets only the file's
 * case owner (seed 003: other team members may not), `admins` only administrators, and
 * `case_owner_and_admins` both. Being on the file's team is never enough.
 */
export function accessManagementRefusal(
  actor: StaffActor,
  file: { caseOwnerId: string },
  policy: AccessManager,
): string | null {
  const isOwner = file.caseOwnerId === actor.user.id;
  const isAdmin = actor.staff.role === "admin";
  const allowed = policy === "case_owner" ? isOwner : policy === "admins" ? isAdmin : isOwner || isAdmin;
  return allowed ? null : notAllowedToManage[policy];
}

/** Throws 403 naming the policy when `actor` may not manage access on `file`. */
export function assertMayManageAccess(
  actor: StaffActor,
  file: { caseOwnerId: string },
  policy: AccessManager,
) {
  const refusal = accessManagementRefusal(actor, file, policy);
  if (refusal) throw new AppError("forbidden", refusal, {}, { policy: "accessManagedBy", value: policy });
}

/** Who adds a grantee: staff in the back office, or a holder from the portal (PORTAL-9). */
export type GranteeAdder = "staff" | "portal";

/**
 * Why an external advisor (a person with that role, or an outside person by email) may not be added
 * (null = may). Seed 003: only the staff allowed to manage access give advisors access; holders who
 * manage their family's access from the portal never can. Staff reach this after the management
 * check, so for them it adds nothing; it exists so both doors ask the same rule.
 */
export function externalAdvisorRefusal(adder: GranteeAdder, role: PersonRole): string | null {
  if (role !== "external_advisor") return null;
  return adder === "portal" ? "grants.advisors_only_by_staff" : null;
}

/** Whether a person of this role is a holder or co-holder (the file's central persons). */
export function isHolderRole(role: PersonRole): boolean {
  return role === "holder" || role === "co_holder";
}

/** A change that takes access away from a grantee. */
export type Withdrawal = "revoke" | "lock" | "lower_access" | "set_expiry" | "remove";

/** Whether going from `from` to `to` lowers a grantee's access. */
export function lowersAccess(from: AccessLevel, to: AccessLevel): boolean {
  return from === "read_write" && to === "read";
}

/**
 * Why a withdrawal is refused (null = allowed): with `holdersAccessIrrevocable`, a holder's or
 * co-holder's access, once given, cannot be revoked, locked, lowered, made to expire or removed with
 * its grant or file (seed 003: "vous ne pouvez plus retirer cet accès").
 */
export function withdrawalRefusal(policies: AccessPolicies, role: PersonRole, _change: Withdrawal) {
  return policies.holdersAccessIrrevocable && isHolderRole(role) ? "grants.holders_access_irrevocable" : null;
}

/** Throws 409 naming the policy when the withdrawal is refused. */
export function assertWithdrawalAllowed(policies: AccessPolicies, role: PersonRole, change: Withdrawal) {
  const refusal = withdrawalRefusal(policies, role, change);
  if (refusal) throw new AppError("conflict", refusal, {}, { policy: "holdersAccessIrrevocable", change });
}
