import { expect } from "vitest";
import type { SecondFactorState, TotpSetup } from "../../contracts/second-factor.js";
import { CHALLENGE_COOKIE } from "../../server/modules/identity/sign-in-challenge.service.js";
import type { DevSms } from "../../server/platform/sms/sms.js";
import { totpCode, totpStep } from "../../server/platform/totp.js";
import { TestClient } from "./http.js";
import type { TestApp } from "./test-app.js";

/** One audit row as the owner reads it (every firm at once), with every column. */
export interface AuditRow {
  firm_id: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  client_file_id: string | null;
  actor_user_id: string | null;
  actor_kind: string;
  after: Record<string, unknown> | null;
  seq: number;
}

/**
 * Records what an action leaves in the audit trail of every firm: the rows written while `run` ran,
 * found by the table's identity column (one sequence across firms).
 */
export function auditProbe(t: TestApp) {
  const lastSeq = async () =>
    Number(
      (
        await t.deps.database.owner.query<{ seq: string }>(
          "select coalesce(max(seq), 0) as seq from audit_events",
        )
      ).rows[0]?.seq ?? 0,
    );
  /** The rows `run` left, every action, oldest first. */
  const rowsOf = async (run: () => Promise<unknown>): Promise<AuditRow[]> => {
    const mark = await lastSeq();
    await run();
    const { rows } = await t.deps.database.owner.query<AuditRow>(
      "select * from audit_events where seq > $1 order by seq",
      [mark],
    );
    return rows;
  };
  /** Runs `run` and expects exactly one new row of `action`, in `firmId` (about `entityId` when given). */
  const exactlyOne = async <T>(
    action: string,
    where: { firmId: string; entityId?: string; actorUserId?: string },
    run: () => Promise<T>,
  ): Promise<{ result: T; row: AuditRow; all: AuditRow[] }> => {
    let result: T | undefined;
    const all = await rowsOf(async () => {
      result = await run();
    });
    const ofAction = all.filter((r) => r.action === action);
    expect(ofAction, `${action}: ${JSON.stringify(all.map((r) => r.action))}`).toHaveLength(1);
    const row = ofAction[0] as AuditRow;
    expect(row.firm_id).toBe(where.firmId);
    if (where.entityId) expect(row.entity_id).toBe(where.entityId);
    if (where.actorUserId) expect(row.actor_user_id).toBe(where.actorUserId);
    return { result: result as T, row, all };
  };
  return { rowsOf, exactlyOne };
}

/** The session token inside a client's cookie (the part before the signature), and the cookie itself. */
export function sessionSecrets(client: TestClient): string[] {
  const value = decodeURIComponent(client.cookie.split("=").slice(1).join("="));
  return value ? [value, value.split(".")[0] ?? ""] : [];
}

/** The value of the challenge cookie a password step set, or "". */
export function challengeOf(cookies: string[]): string {
  return cookies.find((c) => c.startsWith(`${CHALLENGE_COOKIE}=`))?.split(";")[0] ?? "";
}

/** The last six-digit code sent to `phone` by the development SMS provider. */
export function lastSmsCode(t: TestApp, phone: string): string {
  const text = (t.deps.sms as DevSms).messages.filter((m) => m.to === phone).at(-1)?.text ?? "";
  const code = text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

/** A six-digit code other than `code`. */
export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

/** Turns on an authenticator app for a signed-in account; answers its secret and the code used to confirm. */
export async function turnOnTotp(t: TestApp, client: TestClient, password: string) {
  const setup = await client.post<TotpSetup>("/api/account/second-factor/totp", { password });
  expect(setup.status, JSON.stringify(setup.body)).toBe(200);
  const code = totpCode(setup.body.secret, totpStep(t.clock.now()));
  const confirmed = await client.post<SecondFactorState>("/api/account/second-factor/totp/confirm", { code });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return { secret: setup.body.secret, code };
}

/** Turns on SMS codes for an account (its number confirmed straight in the database). */
export async function turnOnSms(t: TestApp, account: { userId: string; password: string }, phone: string) {
  await t.deps.database.owner.query(
    "update users set phone_e164 = $1, phone_verified_at = now() where id = $2",
    [phone, account.userId],
  );
  const client = new TestClient(t.app, "en");
  const users = await t.deps.database.owner.query<{ email: string }>(
    "select email from users where id = $1",
    [account.userId],
  );
  const email = users.rows[0]?.email ?? "";
  expect((await client.post("/api/session", { email, password: account.password })).status).toBe(200);
  const on = await client.post<SecondFactorState>("/api/account/second-factor/sms", {
    password: account.password,
  });
  expect(on.status, JSON.stringify(on.body)).toBe(200);
  return { email, client };
}
