import type { StaffRole } from "../../../contracts/common.js";
import { AppError } from "../../platform/errors.js";
import type { Actor } from "./actor.js";

/** A signed-in staff member of a firm (the back office's actor). */
export interface StaffActor extends Actor {
  staff: NonNullable<Actor["staff"]>;
}

/** Firm-wide staff actions (not tied to one client file). */
export type StaffAction =
  | "dev_mailbox.read"
  | "settings.read"
  | "settings.manage"
  | "staff.read"
  | "staff.manage"
  | "audit.read_firm"
  | "client_file.create"
  | "import.run";

const rolesFor: Record<Exclude<StaffAction, "dev_mailbox.read">, readonly StaffRole[]> = {
  // Everyone sees the firm's profile and lists (lines of business, categories) to work with them.
  "settings.read": ["admin", "advisor", "assistant"],
  "settings.manage": ["admin"],
  "staff.read": ["admin", "advisor", "assistant"],
  "staff.manage": ["admin"],
  "audit.read_firm": ["admin"],
  "client_file.create": ["admin", "advisor", "assistant"],
  "import.run": ["admin"],
};

/** Whether the actor may do a firm-wide `action`. */
export function staffCan(
  actor: Actor | null,
  action: StaffAction,
  env: { devMailbox: boolean } = { devMailbox: false },
) {
  if (!actor?.staff) return false;
  if (action === "dev_mailbox.read") return env.devMailbox && actor.staff.role === "admin";
  return rolesFor[action].includes(actor.staff.role);
}

/** Throws 401 without a session, 403 when the rule says no. */
export function assertStaffCan(
  actor: Actor | null,
  action: StaffAction,
  env: { devMailbox: boolean } = { devMailbox: false },
): asserts actor is StaffActor {
  if (!actor) throw new AppError("unauthorized");
  if (!staffCan(actor, action, env)) throw new AppError("forbidden");
}

/** The request's staff actor: 401 without a session, 403 for an account that is not (active) staff. */
export function requireStaff(actor: Actor | null): StaffActor {
  if (!actor) throw new AppError("unauthorized");
  if (!actor.staff) throw new AppError("forbidden", "errors.not_staff");
  return actor as StaffActor;
}

/** How a staff member stands to one client file: what the file-level rules look at. */
export interface FileStanding {
  caseOwnerId: string;
  teamUserIds: readonly string[];
}

/** File-level actions. */
export type FileAction =
  | "client_file.read"
  | "client_file.edit"
  | "client_file.delete"
  | "client_file.reassign";

/**
 * FIRM-2 rules: admins reach every file; the case owner and the file's team read and edit it;
 * deleting a file or handing it to another case owner is for admins and the case owner.
 */
export function staffCanOnFile(actor: StaffActor, action: FileAction, file: FileStanding): boolean {
  if (actor.staff.role === "admin") return true;
  const isOwner = file.caseOwnerId === actor.user.id;
  const onTeam = file.teamUserIds.includes(actor.user.id);
  switch (action) {
    case "client_file.read":
    case "client_file.edit":
      return isOwner || onTeam;
    case "client_file.delete":
    case "client_file.reassign":
      return isOwner;
  }
}

/** Whether a staff member may follow a bulk invitation run: the one who started it, or an admin. */
export function staffMayFollowBulkRun(actor: StaffActor, startedBy: string): boolean {
  return actor.user.id === startedBy || actor.staff.role === "admin";
}
