import type { FastifyRequest } from "fastify";
import type { Language, StaffRole } from "../../../contracts/common.js";
import type { Database } from "../../platform/db/pool.js";
import { inScope } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { findFirm, findStaffMembershipOfUser } from "../firms/firms.queries.js";
import type { SignedInUser } from "../identity/session.js";

/** A signed-in account, with its staff membership when it works at a firm. */
export interface Actor {
  user: SignedInUser;
  staff: { firmId: string; firmName: string; firmLanguage: Language; role: StaffRole } | null;
}

/**
 * Loads who acts: the account and, if any, its active staff membership and firm, in one transaction
 * (the membership is read through the account scope, then the firm scope is set for the firm row).
 */
export async function loadActor(database: Database, user: SignedInUser): Promise<Actor> {
  const staff = await inScope(database, { userId: user.id }, async (tx) => {
    const membership = await findStaffMembershipOfUser(tx, user.id);
    if (!membership?.active) return null;
    await tx.client.query("select set_config('app.firm_id', $1, true)", [membership.firmId]);
    const firm = await findFirm(tx, membership.firmId);
    if (!firm) return null;
    return {
      firmId: firm.firmId,
      firmName: firm.name,
      firmLanguage: firm.defaultLanguage as Language,
      role: membership.role as StaffRole,
    };
  });
  return { user, staff };
}

/** The request's actor, or a 401 when nobody is signed in. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthorized");
  return request.actor;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the session hook when a valid session cookie came with the request. */
    actor: Actor | null;
  }
}
