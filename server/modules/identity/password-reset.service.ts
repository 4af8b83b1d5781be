import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Language } from "../../../contracts/common.js";
import type { AppDeps } from "../../deps.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { queueEmail, secretPlaceholder } from "../../platform/mail/outbox.js";
import {
  consumeToken,
  enterTokenScope,
  issueToken,
  voidTokens,
} from "../../platform/tokens/one-time-tokens.js";
import { type AuditContext, recordAudit } from "../audit/audit.service.js";
import { firmBranding, firmSender } from "../firms/firm-mail.js";
import { findFirm, findStaffMember } from "../firms/firms.queries.js";
import { findAccountFirms, switchToFirm } from "./account-firms.js";
import { findAccountByEmail } from "./accounts.queries.js";
import { authAccounts, sessions, users } from "./identity.tables.js";
import { assertPasswordAcceptable, hashPassword } from "./password.js";
import { forgetPasswordChecks } from "./password-checks.js";
import type { PasswordResetComplete, PasswordResetPreview } from "./password-reset.schemas.js";
import { hitRateLimit, type RateLimit } from "./rate-limits.js";

/** The token purpose of reset links. */
export const PASSWORD_RESET = "password_reset" as const;

/** How long a reset link works. */
export const RESET_LIFETIME_MS = 60 * 60 * 1000;

/** SEC-17: reset requests per address and per client IP, each within one hour. */
export const RESET_LIMIT_PER_EMAIL: RateLimit = { name: "password_reset_email", max: 5, windowMs: 3_600_000 };
export const RESET_LIMIT_PER_IP: RateLimit = { name: "password_reset_ip", max: 20, windowMs: 3_600_000 };

type ResetDeps = Pick<AppDeps, "database" | "clock" | "queue" | "config" | "outboxKey">;

const languages: readonly string[] = ["de", "fr", "en"];
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Unknown, used, voided and expired links all get this one answer.
const linkGone = () => new AppError("not_found", "password_reset.link_gone");

/** The address the reset mail links to; the token rides in the fragment, so it never reaches a server log. */
export function passwordResetUrl(publicUrl: string, rawToken: string): string {
  return `${publicUrl.replace(/\/$/, "")}/reset-password#token=${rawToken}`;
}

/** "klara@example.test" → "k***@example.test": the owner recognises it, a finder of the link learns little. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${[...email.slice(0, at)][0]}***${email.slice(at)}`;
}

/**
 * Counts a reset request against its limits (SEC-17) and refuses it with 429 when over either. Every
 * request counts, known address or not, so a 429 tells nothing about the address either (SEC-3).
 */
export async function assertResetAllowed(deps: ResetDeps, email: string, clientIp: string): Promise<void> {
  const now = deps.clock.now();
  // The IP is the socket's (trustProxy is off), so a forged X-Forwarded-For cannot start a fresh count.
  if (!(await hitRateLimit(deps.database, RESET_LIMIT_PER_IP, clientIp, now)))
    throw new AppError("rate_limited", "password_reset.rate_limited");
  if (!(await hitRateLimit(deps.database, RESET_LIMIT_PER_EMAIL, normalizeEmail(email), now)))
    throw new AppError("rate_limited", "password_reset.rate_limited");
}

/** The form in which addresses are stored and compared. */
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Sends a reset link when the address belongs to an account that a firm knows; does nothing otherwise.
 * The route answers before this runs (SEC-3), so neither the answer nor its timing says which case it
 * was; for the same reason a failure is only logged, never answered.
 */
export async function sendPasswordResetLink(
  deps: ResetDeps,
  email: string,
  logFailure: (error: unknown) => void,
): Promise<void> {
  const now = deps.clock.now();
  try {
    await inScope(deps.database, {}, async (tx) => {
      const account = await findAccountByEmail(tx, normalizeEmail(email));
      // Token subjects are uuids; every account id is one (newId), an odd legacy id simply gets no mail.
      if (!account || !uuidShape.test(account.id)) return;
      // Memberships are read through the account's own scope (RLS account_reads_own).
      await tx.client.query("select set_config('app.user_id', $1, true)", [account.id]);
      const utx: ScopedTx = { ...tx, scope: { userId: account.id } };
      const firms = await findAccountFirms(utx, account.id, now);
      // An account no firm knows reaches nothing to recover, and a mail needs a firm to send it.
      if (!firms.home) return;
      // SEC-5: a new link voids the older ones, also those issued in another firm's scope.
      for (const firmId of firms.all.filter((id) => id !== firms.home)) {
        await voidTokens(await switchToFirm(utx, firmId), PASSWORD_RESET, account.id, now);
      }
      await queueResetMail(await switchToFirm(utx, firms.home), deps, account.id, now);
    });
  } catch (error) {
    logFailure(error);
  }
}

/** Issues the link (voiding the account's older ones in this firm) and queues its mail, in one transaction. */
async function queueResetMail(ftx: ScopedTx, deps: ResetDeps, userId: string, now: Date) {
  const firmId = ftx.scope.firmId ?? "";
  const firm = await findFirm(ftx, firmId);
  const [account] = await ftx.db
    .select({ name: users.name, email: users.email, language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  if (!firm || !account) return;
  const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
  // users.id is a uuid string (newId), so it serves as the token's subject directly.
  const rawToken = await issueToken(ftx, { purpose: PASSWORD_RESET, subjectId: userId, expiresAt, now });
  await queueEmail(ftx, deps, {
    template: "password-reset",
    recipient: {
      name: account.name,
      email: account.email,
      language: (languages.includes(account.language) ? account.language : firm.defaultLanguage) as Language,
      salutation: "formal",
    },
    props: {
      // The token stays sealed in the outbox (SEC-5: no readable token at rest); see queueEmail.
      resetUrl: passwordResetUrl(deps.config.publicUrl, secretPlaceholder("token")),
      expiresAt: expiresAt.toISOString(),
      firmName: firm.name,
    },
    branding: firmBranding(firm),
    sender: firmSender(firm),
    meta: { reason: "password_reset", accountId: userId },
    secrets: { token: rawToken },
  });
}

/** The account behind a live token, or null (account deleted since). Accounts are global. */
async function accountOf(tx: ScopedTx, userId: string) {
  const [account] = await tx.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return account ?? null;
}

/** What the reset page shows: the masked address and until when the link works. Consumes nothing (SEC-6). */
export async function peekPasswordReset(deps: ResetDeps, rawToken: string): Promise<PasswordResetPreview> {
  const now = deps.clock.now();
  return inScope(deps.database, {}, async (tx) => {
    const found = await enterTokenScope(tx, PASSWORD_RESET, rawToken, now);
    const account = found ? await accountOf(found.tx, found.token.subjectId) : null;
    if (!found || !account) throw linkGone();
    return { email: maskEmail(account.email), expiresAt: found.token.expiresAt.toISOString() };
  });
}

/**
 * Sets a new password from a reset link: checks the policy (400 naming `password`, the link stays
 * usable), then in one transaction uses the token once (SEC-5: of parallel uses exactly one wins),
 * stores the new hash, ends every session of the account and records the audit row.
 *
 * It does NOT sign in. SEC-8: "a password reset never skips the second factor" — the new password
 * only lets its owner start a normal sign-in, which asks for the second factor once accounts have one.
 * Signing in here would hand a session to whoever holds the mailbox, without that factor.
 */
export async function completePasswordReset(
  deps: ResetDeps,
  request: FastifyRequest,
  input: PasswordResetComplete,
): Promise<void> {
  const now = deps.clock.now();
  const preview = await inScope(deps.database, {}, async (tx) => {
    const found = await enterTokenScope(tx, PASSWORD_RESET, input.token, now);
    return found ? await accountOf(found.tx, found.token.subjectId) : null;
  });
  if (!preview) throw linkGone();
  await assertPasswordAcceptable(input.password, preview.email, "password");
  // Hashed before the transaction: argon2 takes a while and must not hold the token's row lock.
  const passwordHash = await hashPassword(input.password);

  await inScope(deps.database, {}, async (tx) => {
    // Consumed first: a parallel completion waits on this row, then finds the token used.
    const used = await consumeToken(tx, PASSWORD_RESET, input.token, now);
    if (!used) throw linkGone();
    const ftx = used.tx;
    const account = await accountOf(ftx, used.token.subjectId);
    if (!account) throw linkGone();
    await storePassword(ftx, account.id, passwordHash, now);
    // SEC-8/SEC-9: whoever was signed in with the old password is out at their next request.
    const ended = await ftx.db
      .delete(sessions)
      .where(eq(sessions.userId, account.id))
      .returning({ id: sessions.id });
    const staff = await findStaffMember(ftx, used.token.firmId, account.id);
    const audit: AuditContext = {
      actorUserId: account.id,
      actorName: account.name,
      actorKind: staff ? "staff" : "client",
      ip: request.ip ?? null,
      userAgent: (request.headers["user-agent"] ?? "").slice(0, 500) || null,
      at: now,
    };
    // Never the password, its hash or the token: only that it happened and what it ended.
    await recordAudit(ftx, audit, {
      action: "account.password_reset",
      entityType: "account",
      entityId: account.id,
      before: null,
      after: { sessionsEnded: ended.length },
    });
  });
  // SEC-4: the owner who proved the mailbox may sign in again at once, whatever an attacker tried.
  await forgetPasswordChecks(deps.database, preview.email);
}

/** Replaces the credential login's hash, or adds the credential when the account had none. */
async function storePassword(tx: ScopedTx, userId: string, passwordHash: string, now: Date) {
  const updated = await tx.db
    .update(authAccounts)
    .set({ password: passwordHash, updatedAt: now })
    .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, "credential")))
    .returning({ id: authAccounts.id });
  if (updated.length > 0) return;
  await tx.db.insert(authAccounts).values({
    id: newId(),
    accountId: userId,
    providerId: "credential",
    userId,
    password: passwordHash,
    createdAt: now,
    updatedAt: now,
  });
}
