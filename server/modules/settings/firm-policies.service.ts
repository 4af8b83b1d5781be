import {
  type FirmPolicies,
  INVITATION_LIFETIME_MAX,
  REMINDER_COUNT_MAX,
  REMINDER_DAY_MAX,
  REMINDER_DAY_MIN,
  type UpdateFirmPolicies,
} from "../../../contracts/settings.js";
import { invalidField } from "../../platform/errors.js";
import { assertStaffCan } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { loadFirm, normalizeEmail } from "./firm-profile.service.js";
import { presentFirmPolicies } from "./settings.presenter.js";
import { type FirmRow, selectActiveCategoryKeys, updateFirm } from "./settings.queries.js";

/** FIRM-3: the firm's policies, for every staff member (they decide how staff work with clients). */
export async function getFirmPolicies(work: StaffWork): Promise<FirmPolicies> {
  assertStaffCan(work.actor, "settings.read");
  return presentFirmPolicies(await loadFirm(work));
}

/** Whether `days` is a valid reminder schedule: 1–5 distinct days in 1..90, ascending. */
export function isValidReminderSchedule(days: readonly number[]): boolean {
  if (days.length < 1 || days.length > REMINDER_COUNT_MAX) return false;
  return days.every(
    (day, i) =>
      Number.isInteger(day) &&
      day >= REMINDER_DAY_MIN &&
      day <= REMINDER_DAY_MAX &&
      (i === 0 || day > (days[i - 1] ?? 0)),
  );
}

/**
 * FIRM-3: changes policies (admins). Checked against the resulting whole, so changing only the
 * reminders still respects the invitation lifetime (INV-7: never expire before the last reminder).
 */
export async function updateFirmPolicies(work: StaffWork, input: UpdateFirmPolicies): Promise<FirmPolicies> {
  assertStaffCan(work.actor, "settings.manage");
  const firm = await loadFirm(work, true);
  const values: Partial<FirmRow> = {};

  if (input.accessManagedBy !== undefined) values.accessManagedBy = input.accessManagedBy;
  if (input.defaultSalutation !== undefined) values.defaultSalutation = input.defaultSalutation;
  if (input.holdersAccessIrrevocable !== undefined)
    values.holdersAccessIrrevocable = input.holdersAccessIrrevocable;
  if (input.secondFactor !== undefined) values.secondFactor = input.secondFactor;

  if (input.reminderDays !== undefined) {
    if (!isValidReminderSchedule(input.reminderDays)) {
      throw invalidField("reminderDays", "settings.reminder_days", {
        max: REMINDER_COUNT_MAX,
        min: REMINDER_DAY_MIN,
        limit: REMINDER_DAY_MAX,
      });
    }
    values.reminderDays = input.reminderDays;
  }
  if (input.invitationLifetimeDays !== undefined) {
    const days = input.invitationLifetimeDays;
    if (days < 1 || days > INVITATION_LIFETIME_MAX) {
      throw invalidField("invitationLifetimeDays", "settings.lifetime_range", {
        max: INVITATION_LIFETIME_MAX,
      });
    }
    values.invitationLifetimeDays = days;
  }
  const reminders = values.reminderDays ?? firm.reminderDays;
  const lastReminder = reminders[reminders.length - 1] ?? 0;
  const lifetime = values.invitationLifetimeDays ?? firm.invitationLifetimeDays;
  if (lifetime <= lastReminder) {
    throw invalidField("invitationLifetimeDays", "settings.lifetime_after_reminders", {
      day: lastReminder,
      min: lastReminder + 1,
    });
  }

  if (input.recommendedCategoryKeys !== undefined) {
    const keys = [...new Set(input.recommendedCategoryKeys.map((k) => k.trim()))];
    const active = await selectActiveCategoryKeys(work.tx, firm.firmId, keys);
    const unknown = keys.find((k) => !active.has(k));
    if (unknown !== undefined) {
      throw invalidField("recommendedCategoryKeys", "settings.unknown_category", { key: unknown });
    }
    values.recommendedCategoryKeys = keys;
  }
  if (input.senderName !== undefined) {
    values.senderName = input.senderName === null || input.senderName === "" ? null : input.senderName;
  }
  if (input.replyTo !== undefined) {
    values.replyTo =
      input.replyTo === null || input.replyTo.trim() === "" ? null : normalizeEmail(input.replyTo, "replyTo");
  }

  if (Object.keys(values).length === 0) return presentFirmPolicies(firm);
  const updated = await updateFirm(work.tx, firm.firmId, { ...values, updatedAt: work.audit.at });
  const before = presentFirmPolicies(firm);
  const after = presentFirmPolicies(updated ?? firm);
  await recordAudit(work.tx, work.audit, {
    action: "firm.policies_update",
    entityType: "firm",
    entityId: firm.firmId,
    before,
    after,
  });
  return after;
}
