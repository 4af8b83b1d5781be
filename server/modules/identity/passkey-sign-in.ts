import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { AppDeps } from "../../deps.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { passkeys, type signInChallenges } from "./identity.tables.js";
import type { ChallengeDeps } from "./sign-in-challenge.service.js";
import { openChallenge } from "./sign-in-challenge.service.js";
import {
  type AuthenticationResponseJSON,
  passkeySignInOptions,
  type StoredPasskey,
  verifyPasskeySignIn,
} from "./webauthn.js";

const storedOf = (row: typeof passkeys.$inferSelect): StoredPasskey => ({
  credentialId: row.credentialId,
  publicKey: row.publicKey,
  counter: row.counter,
  transports: row.transports,
});

/**
 * The options for `navigator.credentials.get` that complete this browser's sign-in with a passkey:
 * the challenge is bound to the sign-in challenge, and only the account's own passkeys are offered.
 * 404 when no sign-in waits here, 409 when the account has no passkey.
 */
export async function signInPasskeyOptions(deps: ChallengeDeps, request: FastifyRequest) {
  return inScope(deps.database, {}, async (tx) => {
    const challenge = await openChallenge(deps, tx, request);
    const own = await tx.db.select().from(passkeys).where(eq(passkeys.userId, challenge.userId));
    if (own.length === 0) throw new AppError("conflict", "identity.no_passkey");
    const left = challenge.expiresAt.getTime() - deps.clock.now().getTime();
    return passkeySignInOptions(deps, challenge.id, own.map(storedOf), Math.max(left, 1000));
  });
}

/**
 * Whether `response` is a valid signature of one of the account's passkeys over this sign-in's
 * challenge (SEC-8): right challenge, origin and key, and a counter that grew — which is then stored
 * with the time of use. Called in the transaction that holds the challenge row locked.
 */
export async function passkeyMatches(
  deps: Pick<AppDeps, "config" | "secondFactorKey">,
  tx: ScopedTx,
  challenge: typeof signInChallenges.$inferSelect,
  response: AuthenticationResponseJSON,
  now: Date,
): Promise<boolean> {
  const [row] = await tx.db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.userId, challenge.userId), eq(passkeys.credentialId, response.id)))
    .for("update");
  if (!row) return false;
  const counter = await verifyPasskeySignIn(deps, challenge.id, storedOf(row), response);
  if (counter === null) return false;
  await tx.db.update(passkeys).set({ counter, lastUsedAt: now }).where(eq(passkeys.id, row.id));
  return true;
}
