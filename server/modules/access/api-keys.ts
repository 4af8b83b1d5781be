import type { ApiKeyScope } from "../../../contracts/api-keys.js";
import { AppError } from "../../platform/errors.js";
import type { Actor } from "./actor.js";
import type { StaffActor } from "./staff.policy.js";

/** A firm API key that authenticated a request: its firm, name and what it may do. */
export interface ApiKeyPrincipal {
  firmId: string;
  firmName: string;
  keyId: string;
  name: string;
  prefix: string;
  scopes: readonly ApiKeyScope[];
  /** The admin who created the key: work done through it is recorded as started by them. */
  createdBy: string;
  createdByName: string | null;
}

/** Whether a staff member may create, list and revoke the firm's API keys: administrators only. */
export function staffMayManageApiKeys(actor: Actor | null): boolean {
  return actor?.staff?.role === "admin";
}

/** Throws 401 without a session, 403 for staff who are not administrators. */
export function assertMayManageApiKeys(actor: Actor | null): asserts actor is StaffActor {
  if (!actor) throw new AppError("unauthorized");
  if (!staffMayManageApiKeys(actor)) throw new AppError("forbidden", "api_keys.admins_only");
}

/** Throws 403 naming the scope when the key lacks it (a key without `write` never writes). */
export function assertKeyHasScope(key: ApiKeyPrincipal, scope: ApiKeyScope): void {
  if (!key.scopes.includes(scope)) throw new AppError("forbidden", "api_keys.scope_missing", { scope });
}

/**
 * The actor a key's work runs as inside the existing use cases (documents, imports): firm-wide, like
 * an administrator, because the key was given by one and its scopes already bound what it may call.
 */
export function actorOfApiKey(key: ApiKeyPrincipal): StaffActor {
  return {
    user: { id: key.createdBy, name: key.createdByName ?? key.name, email: "", language: "en" },
    staff: { firmId: key.firmId, firmName: key.firmName, firmLanguage: "de", role: "admin" },
  };
}
