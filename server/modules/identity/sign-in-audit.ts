import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type pg from "pg";
import type { AppDeps } from "../../deps.js";
import { inScope } from "../../platform/db/scope.js";
import { users } from "./identity.tables.js";

// AUDIT-1: sign-ins are recorded. An account is global, but audit rows live in firms under row-level
// security (ADR 0001), so a sign-in is written into every firm the account belongs to — as staff
// ("staff") or as a grantee in any state ("client") — in one statement, in the account's own scope.
// The policy below lets exactly that statement through: rows about sign-ins, written by the account in
// scope, into firms where it is staff or a grantee. Nothing else may be written outside a firm scope.

/** What a successful sign-in used to prove itself, kept on its audit row. */
export type SignInMethod = "password" | "sms" | "totp" | "passkey";

const signInActions = ["account.sign_in", "account.sign_in_failed", "account.second_factor_failed"] as const;
type SignInAction = (typeof signInActions)[number];

const accountInScope = "nullif(current_setting('app.user_id', true), '')";

/**
 * Lets an account in scope record its own sign-ins in the firms it belongs to (the policy is
 * permissive, so it adds to `firm_isolation`). Recreated at each start after the migrations.
 */
export async function createSignInAuditPolicy(client: pg.PoolClient | pg.Client): Promise<void> {
  await client.query("drop policy if exists account_sign_in_insert on audit_events");
  await client.query(`create policy account_sign_in_insert on audit_events for insert with check (
      action in (${signInActions.map((a) => `'${a}'`).join(", ")})
      and entity_type = 'account'
      and actor_user_id = ${accountInScope}
      and entity_id = ${accountInScope}
      and firm_id in (
        select s.firm_id from staff_members s where s.user_id = ${accountInScope}
        union select g.firm_id from grantees g where g.account_id = ${accountInScope}))`);
}

// One row per firm; a firm where the account is staff and a grantee records it as staff. The id is a
// time-ordered UUID (version 7) made from the event's time, like newId() does in the application.
const insertSignIn = `
  insert into audit_events
    (firm_id, id, at, actor_user_id, actor_name, actor_kind, action, entity_type, entity_id, before, after, ip, user_agent)
  select m.firm_id,
         encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
           placing substring(int8send(floor(extract(epoch from $2::timestamptz) * 1000)::bigint) from 3)
           from 1 for 6), 52, 1), 53, 1), 'hex')::uuid,
         $2, u.id, u.name, m.kind, $3, 'account', u.id, null, $4::jsonb, $5, $6
    from users u
    join lateral (
      select distinct on (x.firm_id) x.firm_id, x.kind
        from (select s.firm_id, 'staff' as kind, 0 as rank from staff_members s where s.user_id = u.id
              union all
              select g.firm_id, 'client', 1 from grantees g where g.account_id = u.id) x
       order by x.firm_id, x.rank) m on true
   where u.id = $1`;

type SignInDeps = Pick<AppDeps, "database" | "clock">;

async function recordForAccount(
  deps: SignInDeps,
  request: FastifyRequest,
  userId: string,
  action: SignInAction,
  after: Record<string, unknown>,
): Promise<void> {
  const userAgent = (request.headers["user-agent"] ?? "").slice(0, 500) || null;
  await inScope(deps.database, { userId }, (tx) =>
    tx.client.query(insertSignIn, [
      userId,
      deps.clock.now(),
      action,
      JSON.stringify(after),
      request.ip ?? null,
      userAgent,
    ]),
  );
}

/** Records a completed sign-in (after its second factor, when it has one) in every firm of the account. */
export async function recordSignIn(
  deps: SignInDeps,
  request: FastifyRequest,
  userId: string,
  method: SignInMethod,
): Promise<void> {
  await recordForAccount(deps, request, userId, "account.sign_in", { method });
}

/**
 * Records a wrong password for the account with this email, in every firm it belongs to. An email
 * without an account records nothing; the caller answers the same either way, so nothing tells which.
 */
export async function recordFailedSignIn(
  deps: SignInDeps,
  request: FastifyRequest,
  email: string,
): Promise<void> {
  const [account] = await deps.database.appDb
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  const userId = account?.id;
  if (userId) await recordForAccount(deps, request, userId, "account.sign_in_failed", { reason: "password" });
}

/** Records a wrong second factor (code or passkey) of a sign-in whose password was right (REL-5). */
export async function recordFailedSecondFactor(
  deps: SignInDeps,
  request: FastifyRequest,
  userId: string,
  method: Exclude<SignInMethod, "password">,
): Promise<void> {
  await recordForAccount(deps, request, userId, "account.second_factor_failed", { method });
}
