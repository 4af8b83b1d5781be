import type { Actor } from "./actor.js";
import { assertStaffCan, type StaffActor } from "./staff.policy.js";

// Webhooks send the firm's events to a URL of the admin's choosing: who may register, change, read the
// log of and resend them is the same question as who may change the firm's settings — its admins.

/** Throws 401 without a session, 403 unless the actor is an admin of the firm (API-1). */
export function assertMayManageWebhooks(actor: Actor | null): asserts actor is StaffActor {
  assertStaffCan(actor, "settings.manage");
}
