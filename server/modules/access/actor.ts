import type { FastifyReply, FastifyRequest } from "fastify";
import type { Language, StaffRole } from "../../../contracts/common.js";
import type { AppDeps } from "../../deps.js";
import type { Database } from "../../platform/db/pool.js";
import { inScope } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { findFirm, findStaffMembershipOfUser } from "../firms/firms.queries.js";
import {
  readSessionToken,
  readSignedInUser,
  type SignedInUser,
  sessionNeedsBetterAuth,
} from "../identity/session.js";

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

/** One row of `session_actor(token)` (platform/db/session-actor.sql.ts). */
interface SessionActorRow {
  user_id: string;
  user_name: string;
  user_email: string;
  user_language: string;
  expires_at: Date;
  firm_id: string | null;
  firm_name: string | null;
  firm_language: string | null;
  staff_role: string | null;
}

/**
 * Who sends this request, or null. A valid session that needs nothing done reads in one round trip
 * (the session, the account and its staff membership: ADR 0007); an expired session or one due to be
 * extended goes through better-auth, which cleans up or extends it and sets the cookie.
 */
export async function readRequestActor(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor | null> {
  const token = await readSessionToken(deps.auth, request.headers.cookie);
  if (!token) return null;
  const { rows } = await deps.database.app.query<SessionActorRow>({
    // Named: prepared once per connection, then only executed.
    name: "session_actor",
    text: "select * from public.session_actor($1)",
    values: [token],
  });
  const row = rows[0];
  if (!row) return null;
  if (sessionNeedsBetterAuth(row.expires_at)) {
    const user = await readSignedInUser(deps.auth, request, reply);
    return user ? loadActor(deps.database, user) : null;
  }
  const user: SignedInUser = {
    id: row.user_id,
    name: row.user_name,
    email: row.user_email,
    language: row.user_language as Language,
  };
  const staff =
    row.firm_id && row.firm_name && row.firm_language && row.staff_role
      ? {
          firmId: row.firm_id,
          firmName: row.firm_name,
          firmLanguage: row.firm_language as Language,
          role: row.staff_role as StaffRole,
        }
      : null;
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
