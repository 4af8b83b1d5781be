import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { PersonRole } from "../../../contracts/clients.js";
import { reportRoles } from "../../../contracts/profile.js";
import { AppError } from "../../platform/errors.js";
import { auditEvents } from "../audit/audit.tables.js";
import { type AccessPolicies, withdrawalRefusal } from "./grant-management.policy.js";
import type { FileAccess } from "./portal-access.js";

// Who may take what of the account's own data (PORTAL-10), download a file's report, and delete an
// account (AUDIT-2). Services ask these rules; they decide nothing of their own.

/**
 * Why the viewer may not download the file's PDF report (null = may): one grant with a report role
 * (`reportRoles`) suffices. Holders and co-holders: the file is theirs (the issue, seed 003). A
 * company's contacts too: a business file has no holders, its contacts speak for the company and
 * already see its business view. Not partners, children or relatives: the report is the whole file's
 * account, given to those it belongs to (a partner who should have it is made co-holder by the firm).
 * Never external advisors (seed 003: no reports or simulations for them).
 */
export function reportRefusal(access: FileAccess): string | null {
  return access.grants.some((g) => reportRoles.includes(g.grantee.role)) ? null : "access.report_not_allowed";
}

/** 403 naming why, on a file the viewer does see (an unseen file was already 404). */
export function assertMayDownloadReport(access: FileAccess): void {
  const refusal = reportRefusal(access);
  if (refusal) throw new AppError("forbidden", refusal);
}

/**
 * Staff removing a portal account from their firm take away every access it has there: each must be
 * one the firm policy lets them withdraw (a holder's access may be irrevocable: 409 naming the
 * policy, as a revoke would answer). Whether they may manage each grant is the grant guard's check.
 */
export function assertAccountRemovable(policies: AccessPolicies, roles: readonly PersonRole[]): void {
  for (const role of roles) {
    const refusal = withdrawalRefusal(policies, role, "revoke");
    if (refusal)
      throw new AppError("conflict", refusal, {}, { policy: "holdersAccessIrrevocable", change: "revoke" });
  }
}

/**
 * An account that is a firm's last active admin cannot delete itself: nobody could manage that firm's
 * staff and settings any more. `activeAdminsByFirm` lists, per firm where the account is an active
 * admin, the active admins there.
 */
export function assertNotLastAdmin(
  accountId: string,
  activeAdminsByFirm: ReadonlyArray<{ firmName: string; admins: readonly string[] }>,
): void {
  const sole = activeAdminsByFirm.find((f) => f.admins.every((id) => id === accountId));
  if (sole) throw new AppError("conflict", "account.delete_last_admin", { firm: sole.firmName });
}

/**
 * The audit rows of one firm that belong to the account's own access log: what it did itself, and
 * what was done to its access there (its grantee entries). Nothing else of the firm's log.
 */
export function ownAuditEventsCondition(accountId: string, granteeIds: readonly string[]): SQL | undefined {
  return or(
    eq(auditEvents.actorUserId, accountId),
    granteeIds.length > 0
      ? and(eq(auditEvents.entityType, "grantee"), inArray(auditEvents.entityId, [...granteeIds]))
      : undefined,
  );
}

/**
 * The person records whose salutation the account may set: those it reaches a firm as through an
 * active grantee (its own entries in the family tree or company contacts, nobody else's).
 */
export function maySetSalutation(
  personId: string,
  ownGrantees: ReadonlyArray<{ personId: string | null; active: boolean }>,
): boolean {
  return ownGrantees.some((g) => g.active && g.personId === personId);
}
