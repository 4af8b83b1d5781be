import { eq, sql } from "drizzle-orm";
import type { SecondFactorState, TotpSetup } from "../../../contracts/second-factor.js";
import type { AppDeps } from "../../deps.js";
import { open, seal } from "../../platform/crypto.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { maskPhone } from "../../platform/sms/sms.js";
import { matchTotpStep, newTotpSecret, otpauthUrl } from "../../platform/totp.js";
import type { Actor } from "../access/actor.js";
import { findPasswordHash } from "../identity/accounts.queries.js";
import { passkeys, secondFactors, users } from "../identity/identity.tables.js";
import { verifyPassword } from "../identity/password.js";
import { admitPasswordCheck, forgetPasswordChecks } from "../identity/password-checks.js";

export type FactorDeps = Pick<AppDeps, "database" | "clock" | "secondFactorKey">;

/**
 * Refuses with 400 on `password` unless it is the account's password (every factor change and a new
 * mobile number ask it). Counted like a sign-in's checks (SEC-4), so a taken-over session cannot be
 * used to guess the password.
 */
export async function assertPassword(
  deps: Pick<AppDeps, "database" | "clock">,
  actor: Actor,
  password: string,
) {
  await admitPasswordCheck(deps.database, actor.user.email, deps.clock.now());
  const hash = await inScope(deps.database, { userId: actor.user.id }, (tx) =>
    findPasswordHash(tx, actor.user.id),
  );
  if (!hash || !(await verifyPassword(hash, password)))
    throw invalidField("password", "account.password_wrong");
  await forgetPasswordChecks(deps.database, actor.user.email);
}

/** The account's second-factor state as its owner sees it. */
export async function stateOf(tx: ScopedTx, userId: string): Promise<SecondFactorState> {
  const [row] = await tx.db
    .select({
      method: secondFactors.method,
      phone: users.phoneE164,
      verified: users.phoneVerifiedAt,
      passkeys: sql<number>`(select count(*)::int from ${passkeys} where ${passkeys.userId} = ${users.id})`,
    })
    .from(users)
    .leftJoin(secondFactors, eq(secondFactors.userId, users.id))
    .where(eq(users.id, userId));
  return {
    method: (row?.method ?? null) as SecondFactorState["method"],
    phoneMasked: row?.phone && row.verified ? maskPhone(row.phone) : null,
    passkeys: row?.passkeys ?? 0,
  };
}

/** The account's second factor and the number SMS codes would go to. */
export async function getSecondFactor(deps: FactorDeps, actor: Actor): Promise<SecondFactorState> {
  return inScope(deps.database, { userId: actor.user.id }, (tx) => stateOf(tx, actor.user.id));
}

/** Switches on SMS codes to the confirmed number (PORTAL-1); the number must be confirmed first (409). */
export async function enableSmsFactor(
  deps: FactorDeps,
  actor: Actor,
  password: string,
): Promise<SecondFactorState> {
  await assertPassword(deps, actor, password);
  const now = deps.clock.now();
  return inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    if (!(await stateOf(tx, actor.user.id)).phoneMasked)
      throw new AppError("conflict", "account.phone_first");
    await tx.db
      .insert(secondFactors)
      .values({ userId: actor.user.id, method: "sms", enabledAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: secondFactors.userId,
        set: { method: "sms", enabledAt: now, updatedAt: now },
      });
    return stateOf(tx, actor.user.id);
  });
}

/** Starts setting up an authenticator app: a new secret, kept sealed until its first code confirms it. */
export async function startTotp(deps: FactorDeps, actor: Actor, password: string): Promise<TotpSetup> {
  await assertPassword(deps, actor, password);
  const secret = newTotpSecret();
  const sealed = seal(deps.secondFactorKey, secret);
  const now = deps.clock.now();
  await inScope(deps.database, { userId: actor.user.id }, (tx) =>
    tx.db
      .insert(secondFactors)
      .values({ userId: actor.user.id, pendingTotpSecretSealed: sealed, updatedAt: now })
      .onConflictDoUpdate({
        target: secondFactors.userId,
        set: { pendingTotpSecretSealed: sealed, updatedAt: now },
      }),
  );
  return { secret, otpauthUrl: otpauthUrl(secret, actor.user.email, "Atrium") };
}

/** Confirms the app with its first code; from then on sign-in asks for the app's codes. */
export async function confirmTotp(deps: FactorDeps, actor: Actor, code: string): Promise<SecondFactorState> {
  const now = deps.clock.now();
  return inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(secondFactors)
      .where(eq(secondFactors.userId, actor.user.id))
      .for("update");
    if (!row?.pendingTotpSecretSealed) throw new AppError("conflict", "account.totp_not_started");
    const step = matchTotpStep(open(deps.secondFactorKey, row.pendingTotpSecretSealed), code, now);
    if (step === null) throw invalidField("code", "identity.second_factor_wrong");
    await tx.db
      .update(secondFactors)
      .set({
        method: "totp",
        totpSecretSealed: row.pendingTotpSecretSealed,
        pendingTotpSecretSealed: null,
        lastTotpStep: step,
        enabledAt: now,
        updatedAt: now,
      })
      .where(eq(secondFactors.userId, actor.user.id));
    return stateOf(tx, actor.user.id);
  });
}

/** Switches the second factor off (with the password). */
export async function disableSecondFactor(
  deps: FactorDeps,
  actor: Actor,
  password: string,
): Promise<SecondFactorState> {
  await assertPassword(deps, actor, password);
  return inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    await tx.db.delete(secondFactors).where(eq(secondFactors.userId, actor.user.id));
    return stateOf(tx, actor.user.id);
  });
}
