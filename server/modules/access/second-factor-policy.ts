import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";

/** A firm's rule for its portal accounts' second factor (FIRM-3). */
export type SecondFactorPolicy = "none" | "any" | "sms" | "totp" | "passkey";

/** What a policy may ask for: some factor, or one kind. */
export type FactorRequirement = Exclude<SecondFactorPolicy, "none">;

/** The second factors an account has: its code method and how many passkeys. */
export interface AccountFactors {
  method: "sms" | "totp" | null;
  passkeys: number;
}

/**
 * What the policies of the firms whose data a request opens ask of the account and it lacks, the
 * strictest first (one kind before "any"); empty when it may go on. Several firms add up: an account
 * that opens data of a firm asking for SMS codes and of one asking for passkeys needs both.
 */
export function unmetRequirements(
  policies: readonly SecondFactorPolicy[],
  factors: AccountFactors,
): FactorRequirement[] {
  const has = {
    sms: factors.method === "sms",
    totp: factors.method === "totp",
    passkey: factors.passkeys > 0,
  };
  const unmet = new Set<FactorRequirement>();
  for (const policy of policies) {
    if (policy === "none") continue;
    if (policy === "any" ? !(has.sms || has.totp || has.passkey) : !has[policy]) unmet.add(policy);
  }
  const kinds = (["passkey", "totp", "sms"] as const).filter((kind) => unmet.has(kind));
  // "any" is met by whichever kind is set up for a stricter firm.
  return kinds.length > 0 ? kinds : unmet.has("any") ? ["any"] : [];
}

/** 403 `second_factor_required`, naming what to set up, when the account lacks what the firm asks. */
export function assertSecondFactorPolicy(
  policies: readonly SecondFactorPolicy[],
  factors: AccountFactors,
): void {
  const required = unmetRequirements(policies, factors);
  const first = required[0];
  if (first)
    throw new AppError("second_factor_required", `access.second_factor_required_${first}`, {}, { required });
}

/**
 * The statement reading the firm's policy and the account's factors, in a transaction scoped to the
 * firm and the account (`firm` is an SQL expression: a literal or a parameter). Only a firm where the
 * account is an active grantee answers a row: at any other the request goes on to its 404, so the
 * policy never tells another firm's ids apart (SEC-11).
 */
export function firmFactorsStatement(firm: string): string {
  const account = "nullif(current_setting('app.user_id', true), '')";
  return `select f.second_factor as policy, sf.method as method,
    (select count(*)::int from public.passkeys p where p.user_id = ${account}) as passkeys
    from public.firms f
    left join public.second_factors sf on sf.user_id = ${account}
    where f.firm_id = ${firm}::uuid
      and exists (select 1 from public.grantees g
        where g.firm_id = f.firm_id and g.account_id = ${account} and g.status = 'active')`;
}

/** One row of firmFactorsStatement. */
interface FirmFactorsRow {
  policy: SecondFactorPolicy;
  method: "sms" | "totp" | null;
  passkeys: number;
}

/** Applies assertSecondFactorPolicy to the rows of firmFactorsStatement (no row: nothing of theirs there). */
export function assertFirmFactorsRows(rows: ReadonlyArray<Record<string, unknown>>): void {
  const row = rows[0] as FirmFactorsRow | undefined;
  if (!row) return;
  assertSecondFactorPolicy([row.policy], { method: row.method, passkeys: row.passkeys });
}

/** Reads and applies the firm's policy for the transaction's account (portal requests, not previews). */
export async function assertFirmSecondFactor(tx: ScopedTx, firmId: string): Promise<void> {
  const { rows } = await tx.client.query(firmFactorsStatement("$1"), [firmId]);
  assertFirmFactorsRows(rows);
}
