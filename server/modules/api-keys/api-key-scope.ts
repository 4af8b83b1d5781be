import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiKeyScope } from "../../../contracts/api-keys.js";
import type { AppDeps } from "../../deps.js";
import { inFirm, type ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { type ApiKeyPrincipal, assertKeyHasScope } from "../access/api-keys.js";
import type { AuditContext } from "../audit/audit.service.js";
import { findFirm } from "../firms/firms.queries.js";
import { countHit, type RateLimit } from "../identity/rate-limits.js";
import { parseApiKey, secretMatches } from "./api-key-secret.js";
import { findApiKey, touchLastUsed } from "./api-keys.queries.js";

/** Requests per key and minute; counted in the database, so it holds across server processes. */
export const API_KEY_RATE_LIMIT: RateLimit = { name: "api_key", max: 300, windowMs: 60_000 };

/** What a sync use case gets: its transaction in the key's firm, the key, the audit context. */
export interface ApiKeyWork {
  tx: ScopedTx;
  key: ApiKeyPrincipal;
  audit: AuditContext;
}

const unauthorized = () => new AppError("unauthorized", "api_keys.invalid_key");

/** The key text of `Authorization: Bearer …`; cookies are never looked at. */
function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== "string" || !header.startsWith("Bearer ")) return null;
  return header.slice("Bearer ".length).trim();
}

/**
 * Runs sync work for the request's API key in one transaction scoped to the key's firm: 401 for a
 * missing, unknown or revoked key (one message for all, so nothing is learnt by probing), 429 past the
 * key's rate limit, 403 naming the scope when the key lacks it. The key is checked in the same
 * transaction as the work, so a revoked key is refused from the very next request.
 */
export async function inApiKeyScope<T>(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: ApiKeyScope,
  fn: (work: ApiKeyWork) => Promise<T>,
): Promise<T> {
  const text = bearerOf(request);
  const parsed = text ? parseApiKey(text) : null;
  reply.header("www-authenticate", 'Bearer realm="atrium-sync"');
  if (!parsed) throw unauthorized();
  const now = deps.clock.now();
  const hit = await countHit(deps.database.app, API_KEY_RATE_LIMIT, parsed.keyId, now);
  if (!hit.allowed) {
    reply.header("retry-after", String(Math.max(1, Math.ceil((hit.windowEndsAt - now.getTime()) / 1000))));
    throw new AppError("rate_limited", "api_keys.rate_limited");
  }
  return inFirm(deps.database, parsed.firmId, async (tx) => {
    const row = await findApiKey(tx, parsed.keyId);
    if (!row || row.revokedAt || !secretMatches(parsed.secret, row.secretHash)) throw unauthorized();
    const firm = await findFirm(tx, parsed.firmId);
    if (!firm) throw unauthorized();
    const key: ApiKeyPrincipal = {
      firmId: parsed.firmId,
      firmName: firm.name,
      keyId: row.id,
      name: row.name,
      prefix: row.prefix,
      scopes: row.scopes as ApiKeyPrincipal["scopes"],
      createdBy: row.createdBy,
      createdByName: row.createdByName,
    };
    assertKeyHasScope(key, scope);
    await touchLastUsed(tx, row.id, now);
    const audit: AuditContext = {
      actorUserId: null,
      actorName: `${row.name} (${row.prefix}…)`,
      actorKind: "api",
      ip: request.ip ?? null,
      userAgent: (request.headers["user-agent"] ?? "").slice(0, 500) || null,
      at: now,
    };
    return fn({ tx, key, audit });
  });
}
