import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/pool.js";
import { inScope, type ScopedTx } from "../db/scope.js";
import { newId } from "../ids.js";
import { oneTimeTokens } from "./tokens.tables.js";

/** What a token is for; each use has its own purpose so one kind of link never works as another. */
export type TokenPurpose = "staff_invitation" | "client_invitation" | "password_reset";

/** A stored token row (holding the hash, never the token). */
export type OneTimeToken = typeof oneTimeTokens.$inferSelect;

/** A token found by its raw value, and the caller's transaction now scoped to the token's firm. */
export interface TokenInScope {
  token: OneTimeToken;
  tx: ScopedTx;
}

// 32 bytes = 256 bits from the CSPRNG (SEC-5 asks for at least 128); base64url gives 43 characters.
const TOKEN_BYTES = 32;
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** The SHA-256 (hex) under which a raw token is stored and looked up. */
export function hashToken(rawToken: string): string {
  return createHash("sha256").update(rawToken, "utf8").digest("hex");
}

function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("one-time tokens are issued and voided inside a firm scope");
  return firmId;
}

/**
 * Issues a new token for (purpose, subject) in the transaction's firm and returns the raw token —
 * the only time it exists outside the recipient's link. Older live tokens of the same subject are
 * voided first (SEC-5: a new link voids the old one) unless `keepOthers` says they stay.
 */
export async function issueToken(
  tx: ScopedTx,
  input: {
    purpose: TokenPurpose;
    subjectId: string;
    expiresAt: Date;
    now?: Date;
    /** Keep the subject's other live tokens (a reminder's link beside the invitation's own). */
    keepOthers?: boolean;
  },
): Promise<string> {
  const firmId = firmOf(tx);
  const now = input.now ?? new Date();
  if (!input.keepOthers) await voidTokens(tx, input.purpose, input.subjectId, now);
  const rawToken = randomBytes(TOKEN_BYTES).toString("base64url");
  await tx.db.insert(oneTimeTokens).values({
    firmId,
    id: newId(),
    purpose: input.purpose,
    subjectId: input.subjectId,
    tokenHash: hashToken(rawToken),
    expiresAt: input.expiresAt,
    createdAt: now,
  });
  return rawToken;
}

/**
 * issueToken for many subjects at once (a bulk invitation's chunk): their older live tokens voided and
 * the new ones stored in two statements; answers the raw tokens in the order of `subjects`.
 */
export async function issueTokens(
  tx: ScopedTx,
  purpose: TokenPurpose,
  subjects: ReadonlyArray<{ subjectId: string; expiresAt: Date }>,
  now: Date,
): Promise<string[]> {
  const firmId = firmOf(tx);
  if (subjects.length === 0) return [];
  await tx.db
    .update(oneTimeTokens)
    .set({ voidedAt: now })
    .where(
      and(
        eq(oneTimeTokens.firmId, firmId),
        eq(oneTimeTokens.purpose, purpose),
        inArray(
          oneTimeTokens.subjectId,
          subjects.map((s) => s.subjectId),
        ),
        isNull(oneTimeTokens.consumedAt),
        isNull(oneTimeTokens.voidedAt),
      ),
    );
  const rawTokens = subjects.map(() => randomBytes(TOKEN_BYTES).toString("base64url"));
  await tx.db.insert(oneTimeTokens).values(
    subjects.map((s, i) => ({
      firmId,
      id: newId(),
      purpose,
      subjectId: s.subjectId,
      tokenHash: hashToken(rawTokens[i] as string),
      expiresAt: s.expiresAt,
      createdAt: now,
    })),
  );
  return rawTokens;
}

/** Voids every live token of (purpose, subject) in the transaction's firm (revoke, new link, email change). */
export async function voidTokens(
  tx: ScopedTx,
  purpose: TokenPurpose,
  subjectId: string,
  now: Date = new Date(),
): Promise<void> {
  await tx.db
    .update(oneTimeTokens)
    .set({ voidedAt: now })
    .where(
      and(
        eq(oneTimeTokens.firmId, firmOf(tx)),
        eq(oneTimeTokens.purpose, purpose),
        eq(oneTimeTokens.subjectId, subjectId),
        isNull(oneTimeTokens.consumedAt),
        isNull(oneTimeTokens.voidedAt),
      ),
    );
}

/**
 * Finds a live token by its raw value without a firm: row-level security shows a transaction that set
 * `app.token_hash` the row with that hash only. Valid means not consumed, not voided and `now` before
 * its expiry (exact to the instant).
 */
async function findLiveToken(tx: ScopedTx, purpose: TokenPurpose, rawToken: string, now: Date) {
  if (!tokenShape.test(rawToken)) return undefined;
  const tokenHash = hashToken(rawToken);
  await tx.client.query("select set_config('app.token_hash', $1, true)", [tokenHash]);
  const [token] = await tx.db
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, tokenHash),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.consumedAt),
        isNull(oneTimeTokens.voidedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .limit(1);
  // Inside a firm scope, a token of another firm does not exist.
  if (!token || (tx.scope.firmId && token.firmId !== tx.scope.firmId)) return undefined;
  return token;
}

/**
 * Looks up a live token in the caller's transaction and scopes that transaction to the token's firm
 * for the rest of its work; consumes nothing (SEC-6: opening a link is not using it). Null when the
 * token is unknown, used, voided or expired — one answer for all.
 */
export async function enterTokenScope(
  tx: ScopedTx,
  purpose: TokenPurpose,
  rawToken: string,
  now: Date,
): Promise<TokenInScope | null> {
  const token = await findLiveToken(tx, purpose, rawToken, now);
  if (!token) return null;
  await tx.client.query("select set_config('app.firm_id', $1, true)", [token.firmId]);
  return { token, tx: { ...tx, scope: { ...tx.scope, firmId: token.firmId } } };
}

/** The live token behind a link, read in its own transaction without consuming it (SEC-6); else null. */
export async function peekToken(
  database: Database,
  purpose: TokenPurpose,
  rawToken: string,
  now: Date,
): Promise<OneTimeToken | null> {
  return inScope(database, {}, async (tx) => (await findLiveToken(tx, purpose, rawToken, now)) ?? null);
}

/**
 * Uses a token once: marks it consumed with one conditional update, so of any number of parallel
 * uses exactly one gets the row (the others wait on its lock, then see it consumed). Returns the
 * token and the transaction scoped to its firm, or null when it is not (or no longer) valid.
 */
export async function consumeToken(
  tx: ScopedTx,
  purpose: TokenPurpose,
  rawToken: string,
  now: Date,
): Promise<TokenInScope | null> {
  const found = await enterTokenScope(tx, purpose, rawToken, now);
  if (!found) return null;
  const [consumed] = await found.tx.db
    .update(oneTimeTokens)
    .set({ consumedAt: now })
    .where(
      and(
        eq(oneTimeTokens.firmId, found.token.firmId),
        eq(oneTimeTokens.id, found.token.id),
        isNull(oneTimeTokens.consumedAt),
        isNull(oneTimeTokens.voidedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .returning();
  return consumed ? { token: consumed, tx: found.tx } : null;
}
