import { createFirm, createStaff } from "../../../tests/support/factories.js";
import { createPortalAccount, insertGrant, insertGrantee } from "../../../tests/support/factories-grants.js";
import type { TestApp } from "../../../tests/support/test-app.js";

// Test helpers of the password reset and the account's sessions (imported by their tests only).

let counter = 0;

/** A client IP no other test in the file uses, so per-IP limits of one test never bleed into another. */
export function freshIp(): string {
  counter += 1;
  return `10.${(counter >> 8) & 255}.${counter & 255}.${((counter * 7) % 250) + 1}`;
}

/** An address nobody has an account for. */
export function unknownEmail(): string {
  counter += 1;
  return `nobody-${Date.now().toString(36)}-${counter}@example.test`;
}

/** Sends one request as a browser at `ip` would (the socket's address), with extra headers. */
export async function postFrom<T = unknown>(
  t: TestApp,
  url: string,
  payload: object,
  options: { ip?: string; headers?: Record<string, string>; language?: string } = {},
) {
  const res = await t.app.inject({
    method: "POST",
    url,
    payload,
    remoteAddress: options.ip ?? freshIp(),
    headers: { "accept-language": options.language ?? "en", "x-atrium-csrf": "1", ...options.headers },
  });
  const body = (res.body ? JSON.parse(res.body) : null) as T;
  return { status: res.statusCode, body, headers: res.headers };
}

/** Asks for a reset link for `email` from `ip`. */
export function requestReset(t: TestApp, email: string, ip?: string, headers?: Record<string, string>) {
  return postFrom<{ message?: string; error?: { code: string; message: string } }>(
    t,
    "/api/password-reset/request",
    { email },
    { ip, headers },
  );
}

/** The outbox rows of reset mails to `email`, newest first (read as the owner). */
export async function resetOutbox(t: TestApp, email: string) {
  const { rows } = await t.deps.database.owner.query<{
    id: string;
    firm_id: string;
    text: string;
    language: string;
    subject: string;
  }>(
    "select id, firm_id, text, language, subject from mail_outbox where to_address = $1 and template = 'password-reset' order by created_at desc, id desc",
    [email],
  );
  return rows;
}

const tokenInLink = /\/reset-password#token=([A-Za-z0-9_-]{43})/;

/**
 * The reset mails queued for `email` once there are at least `count` (the route answers before it
 * queues the mail, SEC-3), newest first; fails after 10 s.
 */
export async function awaitResetMails(t: TestApp, email: string, count = 1) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rows = await resetOutbox(t, email);
    if (rows.length >= count) return rows;
    if (Date.now() > deadline) throw new Error(`${rows.length} of ${count} reset mails queued for ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The token of the `count`-th reset mail to `email` (the newest), as delivered to the SMTP sink. */
export async function latestResetToken(t: TestApp, email: string, count = 1): Promise<string> {
  const [row] = await awaitResetMails(t, email, count);
  if (!row) throw new Error(`no reset mail queued for ${email}`);
  const [mail] = await t.sink.waitFor((m) => m.outboxId === row.id, { timeoutMs: 20_000 });
  const token = mail?.text.match(tokenInLink)?.[1];
  if (!token) throw new Error(`the reset mail to ${email} carries no link`);
  return token;
}

/** A portal client: an account that is an active grantee of a grant at a new firm. */
export async function portalClientAtFirm(t: TestApp, input: { language?: "de" | "fr" | "en" } = {}) {
  const firm = await createFirm(t.deps, { name: `Vorsorge ${++counter}` });
  const account = await createPortalAccount(t.deps, { language: input.language ?? "en" });
  const grant = await insertGrant(t.deps, firm.firmId, { fileIds: [] });
  await insertGrantee(t.deps, firm.firmId, {
    grantId: grant.id,
    email: account.email,
    name: account.name,
    accountId: account.userId,
  });
  return { ...account, firmId: firm.firmId, firmName: firm.name };
}

/** A staff member of a new firm. */
export async function staffAtFirm(t: TestApp) {
  const firm = await createFirm(t.deps, { name: `Makler ${++counter}` });
  const staff = await createStaff(t.deps, firm.firmId, { role: "advisor", language: "de" });
  return { ...staff, firmId: firm.firmId, firmName: firm.name };
}
