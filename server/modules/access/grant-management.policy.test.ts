import { describe, expect, it } from "vitest";
import { personRoles } from "../../../contracts/clients.js";
import { accessManagers } from "../../../contracts/settings.js";
import { AppError } from "../../platform/errors.js";
import {
  accessManagementRefusal,
  assertMayManageAccess,
  assertWithdrawalAllowed,
  externalAdvisorRefusal,
  lowersAccess,
  withdrawalRefusal,
} from "./grant-management.policy.js";
import type { StaffActor } from "./staff.policy.js";

const actor = (id: string, role: "admin" | "advisor" | "assistant"): StaffActor => ({
  user: { id, name: id, email: `${id}@example.test`, language: "en" },
  staff: { firmId: "f", firmName: "F", firmLanguage: "de", role },
});

const file = { caseOwnerId: "owner" };
const owner = actor("owner", "advisor");
const ownerAssistant = actor("owner", "assistant");
const admin = actor("admin", "admin");
const teamMember = actor("member", "advisor");
const assistant = actor("helper", "assistant");

describe("who may manage portal access (GRANT-6, FIRM-3)", () => {
  it("case_owner_and_admins: the case owner and administrators, never another team member", () => {
    const policy = "case_owner_and_admins";
    expect(accessManagementRefusal(owner, file, policy)).toBeNull();
    expect(accessManagementRefusal(admin, file, policy)).toBeNull();
    expect(accessManagementRefusal(teamMember, file, policy)).toBe(
      "grants.not_allowed_to_manage.case_owner_and_admins",
    );
    expect(accessManagementRefusal(assistant, file, policy)).not.toBeNull();
  });

  it("case_owner: only the case owner (seed 003), whatever their role; not even an administrator", () => {
    expect(accessManagementRefusal(owner, file, "case_owner")).toBeNull();
    expect(accessManagementRefusal(ownerAssistant, file, "case_owner")).toBeNull();
    expect(accessManagementRefusal(admin, file, "case_owner")).toBe(
      "grants.not_allowed_to_manage.case_owner",
    );
  });

  it("admins: only administrators, not the case owner", () => {
    expect(accessManagementRefusal(admin, file, "admins")).toBeNull();
    expect(accessManagementRefusal(owner, file, "admins")).toBe("grants.not_allowed_to_manage.admins");
  });

  it("every policy value has its own reason, and the 403 names the policy", () => {
    const reasons = new Set(accessManagers.map((p) => accessManagementRefusal(assistant, file, p)));
    expect(reasons.size).toBe(accessManagers.length);
    try {
      assertMayManageAccess(teamMember, file, "case_owner");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "forbidden",
        messageKey: "grants.not_allowed_to_manage.case_owner",
        details: { policy: "accessManagedBy", value: "case_owner" },
      });
    }
  });

  it("external advisors: added by allowed staff, never from the portal; family members from both", () => {
    expect(externalAdvisorRefusal("staff", "external_advisor")).toBeNull();
    expect(externalAdvisorRefusal("portal", "external_advisor")).toBe("grants.advisors_only_by_staff");
    for (const role of personRoles.filter((r) => r !== "external_advisor"))
      expect(externalAdvisorRefusal("portal", role)).toBeNull();
  });
});

describe("holders' access is irrevocable when the firm says so (GRANT-6)", () => {
  const on = { accessManagedBy: "case_owner_and_admins" as const, holdersAccessIrrevocable: true };
  const off = { ...on, holdersAccessIrrevocable: false };

  it("refuses every withdrawal for holders and co-holders, only with the policy on", () => {
    for (const change of ["revoke", "lock", "lower_access", "set_expiry", "remove"] as const) {
      expect(withdrawalRefusal(on, "holder", change)).toBe("grants.holders_access_irrevocable");
      expect(withdrawalRefusal(on, "co_holder", change)).toBe("grants.holders_access_irrevocable");
      expect(withdrawalRefusal(off, "holder", change)).toBeNull();
      for (const role of ["partner", "child", "relative", "contact", "external_advisor"] as const)
        expect(withdrawalRefusal(on, role, change)).toBeNull();
    }
  });

  it("answers 409 naming the policy", () => {
    expect(() => assertWithdrawalAllowed(on, "holder", "revoke")).toThrow(
      expect.objectContaining({
        code: "conflict",
        details: { policy: "holdersAccessIrrevocable", change: "revoke" },
      }),
    );
    expect(() => assertWithdrawalAllowed(off, "holder", "revoke")).not.toThrow();
  });

  it("only read_write → read lowers access", () => {
    expect(lowersAccess("read_write", "read")).toBe(true);
    expect(lowersAccess("read", "read_write")).toBe(false);
    expect(lowersAccess("read", "read")).toBe(false);
  });
});
