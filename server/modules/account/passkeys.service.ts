import { and, asc, eq } from "drizzle-orm";
import type { Passkey, PasskeyRegistration } from "../../../contracts/passkeys.js";
import type { AppDeps } from "../../deps.js";
import { sqlState, UNIQUE_VIOLATION } from "../../platform/db/errors.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { Actor } from "../access/actor.js";
import { passkeys } from "../identity/identity.tables.js";
import {
  passkeyRegistrationOptions,
  type RegistrationResponseJSON,
  verifyPasskeyRegistration,
} from "../identity/webauthn.js";
import { assertPassword } from "./second-factor.service.js";

type PasskeyDeps = Pick<AppDeps, "database" | "clock" | "secondFactorKey" | "config">;

/** An account may keep this many passkeys (phones, laptops, security keys). */
const MAX_PASSKEYS = 10;

const present = (row: typeof passkeys.$inferSelect): Passkey => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

const ownPasskeys = (tx: ScopedTx, userId: string) =>
  tx.db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt));

/** The account's passkeys, oldest first. */
export async function listPasskeys(deps: PasskeyDeps, actor: Actor): Promise<Passkey[]> {
  const rows = await inScope(deps.database, { userId: actor.user.id }, (tx) =>
    ownPasskeys(tx, actor.user.id),
  );
  return rows.map(present);
}

/**
 * Starts adding a passkey (with the password, as every factor change): the options for the
 * browser's `navigator.credentials.create`, its challenge valid for a few minutes on the app clock;
 * the account's passkeys are excluded so one authenticator is not registered twice.
 */
export async function startPasskeyRegistration(deps: PasskeyDeps, actor: Actor, password: string) {
  await assertPassword(deps, actor, password);
  const existing = await inScope(deps.database, { userId: actor.user.id }, (tx) =>
    ownPasskeys(tx, actor.user.id),
  );
  if (existing.length >= MAX_PASSKEYS) throw new AppError("conflict", "account.passkeys_full");
  return passkeyRegistrationOptions(deps, actor.user, existing, deps.clock.now());
}

/**
 * Adds the passkey the authenticator created for the options of startPasskeyRegistration: its
 * attestation must answer this account's unexpired challenge at Atrium's origin. From then on a
 * sign-in may be completed with it.
 */
export async function finishPasskeyRegistration(
  deps: PasskeyDeps,
  actor: Actor,
  input: PasskeyRegistration,
): Promise<Passkey> {
  const now = deps.clock.now();
  const credential = await verifyPasskeyRegistration(
    deps,
    actor.user.id,
    input.response as unknown as RegistrationResponseJSON,
    now,
  );
  if (!credential) throw invalidField("response", "account.passkey_not_accepted");
  try {
    return await inScope(deps.database, { userId: actor.user.id }, async (tx) => {
      const count = (await ownPasskeys(tx, actor.user.id)).length;
      if (count >= MAX_PASSKEYS) throw new AppError("conflict", "account.passkeys_full");
      const [row] = await tx.db
        .insert(passkeys)
        .values({ id: newId(), userId: actor.user.id, name: input.name, ...credential, createdAt: now })
        .returning();
      if (!row) throw new Error("the passkey was not stored");
      return present(row);
    });
  } catch (error) {
    // The same authenticator answered twice (a replayed registration): it is registered already.
    if (sqlState(error) === UNIQUE_VIOLATION) throw new AppError("conflict", "account.passkey_known");
    throw error;
  }
}

/** Removes one of the account's passkeys (with the password); another account's id is a 404. */
export async function removePasskey(
  deps: PasskeyDeps,
  actor: Actor,
  passkeyId: string,
  password: string,
): Promise<Passkey[]> {
  await assertPassword(deps, actor, password);
  return inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    const removed = await tx.db
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, actor.user.id)))
      .returning({ id: passkeys.id });
    if (removed.length === 0) throw new AppError("not_found");
    return (await ownPasskeys(tx, actor.user.id)).map(present);
  });
}
