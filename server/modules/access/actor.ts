import type { FastifyReply, FastifyRequest } from "fastify";
import type { Language, StaffRole } from "../../../contracts/common.js";
import { PREVIEW_HEADER } from "../../../contracts/portal.js";
import type { AppDeps } from "../../deps.js";
import type { Database } from "../../platform/db/pool.js";
import { inScope, inScopeOpenedBy, type ScopedTx } from "../../platform/db/scope.js";
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
  return actorOfRow(row);
}

/** The actor a `session_actor` row describes. */
function actorOfRow(row: SessionActorRow): Actor {
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

/**
 * For a request whose route reads the session itself (`readActor` set by the session hook): finds
 * the session and opens the request's transaction in `firmId`, scoped to its account, in ONE round
 * trip, then runs `work` and sets `request.actor`. Null when that is not possible (no or unknown
 * session, or one better-auth must expire or extend): the caller then reads the actor the usual way.
 */
export async function inSessionFirmScope<T>(
  deps: AppDeps,
  request: FastifyRequest,
  firmId: string,
  work: (tx: ScopedTx, actor: Actor, alsoRead: OpeningRows[]) => Promise<T>,
  /** Statements to send in the same round trip, already in the account's scope; their rows go to `work`. */
  alsoRead: (literal: (value: string) => string) => string[] = () => [],
): Promise<{ result: T } | null> {
  const token = await readSessionToken(deps.auth, request.headers.cookie);
  if (!token) return null;
  return inScopeOpenedBy(
    deps.database,
    (literal) =>
      [
        `select * from public.session_actor_in_firm(${literal(token)}, ${literal(firmId)})`,
        ...alsoRead(literal),
      ].join("; "),
    ([actorRows = [], ...others]) => {
      const row = actorRows[0] as SessionActorRow | undefined;
      if (!row || sessionNeedsBetterAuth(row.expires_at)) return null;
      const actor = actorOfRow(row);
      return { scope: { firmId, userId: actor.user.id }, value: { actor, others } };
    },
    (tx, { actor, others }) => {
      adoptActor(request, actor);
      return work(tx, actor, others);
    },
  );
}

/** The rows of one statement sent in a transaction's opening round trip. */
export type OpeningRows = Array<Record<string, unknown>>;

/** Makes `actor` the request's; a signed-in account's own language wins over the browser's for messages. */
export function adoptActor(request: FastifyRequest, actor: Actor | null): void {
  request.actor = actor;
  request.readActor = null;
  if (actor && !request.headers["accept-language"]) request.language = actor.user.language;
}

/** The request's actor, or a 401 when nobody is signed in. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthorized");
  return request.actor;
}

/**
 * Whether the session hook leaves reading the session to the route (inSessionFirmScope): GET routes
 * marked `sessionInScope`, unless a staff preview (which needs the staff membership first).
 */
export function routeReadsSession(request: FastifyRequest): boolean {
  return (
    request.routeOptions.config.sessionInScope === true &&
    request.method === "GET" &&
    request.headers[PREVIEW_HEADER] === undefined
  );
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route reads the session in its own first round trip (see routeReadsSession). */
    sessionInScope?: boolean;
  }
  interface FastifyRequest {
    /** Set by the session hook when a valid session cookie came with the request. */
    actor: Actor | null;
    /**
     * Instead of `actor`, on routes that read the session in their own first round trip (portal
     * reads): reads the actor the usual way, for when that round trip cannot (inSessionFirmScope).
     */
    readActor: (() => Promise<Actor | null>) | null;
  }
}
