import { AppError } from "../../platform/errors.js";
import type { Actor } from "./actor.js";

/** Staff actions decided here (more join as the back office grows). */
export type StaffAction = "dev_mailbox.read";

/** Whether the actor may do `action` in their firm. */
export function staffCan(actor: Actor | null, action: StaffAction, env: { devMailbox: boolean }): boolean {
  if (!actor?.staff) return false;
  switch (action) {
    case "dev_mailbox.read":
      return env.devMailbox && actor.staff.role === "admin";
  }
}

/** Throws 401 without a session, 403 when the rule says no. */
export function assertStaffCan(actor: Actor | null, action: StaffAction, env: { devMailbox: boolean }): void {
  if (!actor) throw new AppError("unauthorized");
  if (!staffCan(actor, action, env)) throw new AppError("forbidden");
}
