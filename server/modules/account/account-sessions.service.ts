import { and, desc, eq, gt, ne, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Language } from "../../../contracts/common.js";
import type { AppDeps } from "../../deps.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import type { Actor } from "../access/actor.js";
import { type AuditEvent, auditContextOf, recordAudit } from "../audit/audit.service.js";
import { findAccountFirms, switchToFirm } from "../identity/account-firms.js";
import { sessions } from "../identity/identity.tables.js";
import type { AccountSession } from "./account.schemas.js";
import { describeUserAgent } from "./user-agent.js";

type SessionDeps = Pick<AppDeps, "database" | "clock">;

type SessionRow = Pick<
  typeof sessions.$inferSelect,
  "id" | "token" | "createdAt" | "updatedAt" | "expiresAt" | "ipAddress" | "userAgent"
>;

const sessionColumns = {
  id: sessions.id,
  token: sessions.token,
  createdAt: sessions.createdAt,
  updatedAt: sessions.updatedAt,
  expiresAt: sessions.expiresAt,
  ipAddress: sessions.ipAddress,
  userAgent: sessions.userAgent,
};

/** The API shape of one session: everything but its token, which is a credential. */
function presentSession(row: SessionRow, currentToken: string | null, language: Language): AccountSession {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    ipAddress: row.ipAddress,
    userAgent: describeUserAgent(row.userAgent, language),
    current: row.token === currentToken,
  };
}

/** What the audit keeps of an ended session: when and from where it was used, never its token. */
function auditedSession(row: SessionRow) {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
  };
}

/**
 * The account's live sessions, the current one first. Sessions are global (an account reaches several
 * firms) and filtered by the account, as nothing else may see them. Expiry is the database's clock,
 * the same one better-auth sets it by.
 */
export async function listOwnSessions(
  deps: SessionDeps,
  actor: Actor,
  currentToken: string | null,
  language: Language,
): Promise<AccountSession[]> {
  const rows = await inScope(deps.database, { userId: actor.user.id }, (tx) =>
    tx.db
      .select(sessionColumns)
      .from(sessions)
      .where(and(eq(sessions.userId, actor.user.id), gt(sessions.expiresAt, sql`now()`)))
      .orderBy(desc(sessions.updatedAt), desc(sessions.createdAt)),
  );
  const presented = rows.map((row) => presentSession(row, currentToken, language));
  return [...presented.filter((s) => s.current), ...presented.filter((s) => !s.current)];
}

/**
 * Records an ending of sessions in ONE firm: the account's home firm (findAccountFirms — its active
 * staff firm, else the firm of an active grant). One row per ending, as REL-5 asks, and no firm learns
 * of the account's sessions through another firm. An account no firm knows leaves no row: there is
 * no firm log to hold it, and such an account reaches no firm data.
 */
async function auditInHomeFirm(
  tx: ScopedTx,
  request: FastifyRequest,
  actor: Actor,
  deps: SessionDeps,
  event: AuditEvent,
) {
  const context = auditContextOf(request, actor, deps.clock);
  const { home } = await findAccountFirms(tx, actor.user.id, context.at);
  if (!home) return;
  await recordAudit(await switchToFirm(tx, home), context, event);
}

/** Ends one of the account's own sessions; another account's (or an unknown) id is a 404. */
export async function endOwnSession(
  deps: SessionDeps,
  request: FastifyRequest,
  actor: Actor,
  sessionId: string,
  currentToken: string | null,
): Promise<{ wasCurrent: boolean }> {
  return inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    const [ended] = await tx.db
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.user.id)))
      .returning(sessionColumns);
    if (!ended) throw new AppError("not_found", "account.session_gone");
    const wasCurrent = ended.token === currentToken;
    await auditInHomeFirm(tx, request, actor, deps, {
      action: "account.session_end",
      entityType: "session",
      entityId: ended.id,
      before: { ...auditedSession(ended), current: wasCurrent },
      after: null,
    });
    return { wasCurrent };
  });
}

/**
 * Ends all of the account's sessions but the current one ("sign out everywhere else"), or all of them
 * with `includeCurrent`. The ended sessions fail at their very next request (SEC-9): the session is
 * read from the table on every request.
 */
export async function signOutEverywhere(
  deps: SessionDeps,
  request: FastifyRequest,
  actor: Actor,
  currentToken: string | null,
  includeCurrent: boolean,
): Promise<{ ended: number }> {
  return inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    const keep = !includeCurrent && currentToken ? ne(sessions.token, currentToken) : undefined;
    const ended = await tx.db
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.user.id), keep))
      .returning({ id: sessions.id });
    await auditInHomeFirm(tx, request, actor, deps, {
      action: "account.sign_out_everywhere",
      entityType: "account",
      entityId: actor.user.id,
      before: { sessionIds: ended.map((s) => s.id) },
      after: { ended: ended.length, includeCurrent },
    });
    return { ended: ended.length };
  });
}
