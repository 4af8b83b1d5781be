import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Language } from "../../../contracts/common.js";
import type {
  AcceptClientInvitation,
  AcceptedClientInvitation,
  ClientInvitationPreview,
} from "../../../contracts/invitations.js";
import type { AppDeps } from "../../deps.js";
import { sqlState, UNIQUE_VIOLATION } from "../../platform/db/errors.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { consumeToken, enterTokenScope, voidTokens } from "../../platform/tokens/one-time-tokens.js";
import { type AuditContext, recordAudit } from "../audit/audit.service.js";
import { grantees } from "../grants/grants.tables.js";
import { findAccountByEmail, findPasswordHash, insertAccount } from "../identity/accounts.queries.js";
import { signIn } from "../identity/identity.service.js";
import { assertPasswordAcceptable, hashPassword, verifyPassword } from "../identity/password.js";
import { hitRateLimit, type RateLimit } from "../identity/rate-limits.js";
import { recordWebhookEvent } from "../webhooks/webhooks.events.js";
import { CLIENT_INVITATION, loadInvitingFirm } from "./invitation-mail.js";
import { findInvitation, firmOf, type InvitationRow, updateInvitation } from "./invitations.queries.js";
import { chosenPerson, sharedAddressPersons } from "./shared-address.js";

// Unknown, used, voided, expired and withdrawn links all get this one answer.
const invitationGone = () => new AppError("not_found", "invitations.gone");

/**
 * SEC-17: opening and using invitation links, per client IP and per link, within an hour. Guessing a
 * 256-bit token is hopeless anyway; the limits stop scripted floods and password guessing through an
 * invitation of an existing account.
 */
const PEEK_PER_IP: RateLimit = { name: "invitation-peek-ip", max: 300, windowMs: 3_600_000 };
const ACCEPT_PER_IP: RateLimit = { name: "invitation-accept-ip", max: 100, windowMs: 3_600_000 };
const ACCEPT_PER_LINK: RateLimit = { name: "invitation-accept-link", max: 10, windowMs: 3_600_000 };

/** Counts one use of an invitation endpoint; 429 past a limit. The IP is the socket's (no proxy trust). */
export async function assertInvitationRate(
  deps: Pick<AppDeps, "database" | "clock">,
  request: FastifyRequest,
  kind: "peek" | "accept",
  rawToken: string,
): Promise<void> {
  const now = deps.clock.now();
  const ip = request.ip ?? "unknown";
  const checks: Array<[RateLimit, string]> =
    kind === "peek"
      ? [[PEEK_PER_IP, ip]]
      : [
          [ACCEPT_PER_IP, ip],
          [ACCEPT_PER_LINK, rawToken],
        ];
  for (const [limit, value] of checks)
    if (!(await hitRateLimit(deps.database, limit, value, now)))
      throw new AppError("rate_limited", "invitations.rate_limited");
}

/** The pending, unexpired invitation behind an entered token, whose grantee has not been revoked. */
async function pendingInvitationOf(tx: ScopedTx, invitationId: string, now: Date): Promise<InvitationRow> {
  const invitation = await findInvitation(tx, invitationId);
  if (invitation?.status !== "pending" || invitation.expiresAt <= now) throw invitationGone();
  const [grantee] = await tx.db
    .select({ status: grantees.status, accountId: grantees.accountId })
    .from(grantees)
    .where(and(eq(grantees.firmId, firmOf(tx)), eq(grantees.id, invitation.granteeId)));
  if (!grantee || grantee.status === "revoked" || grantee.accountId) throw invitationGone();
  return invitation;
}

/**
 * What the registration page shows: the firm (name, colours), the invited name and email, language
 * and salutation, until when the link works. Reads only (SEC-6: opening a link, also by a mail
 * scanner, consumes nothing).
 */
export async function peekClientInvitation(
  deps: AppDeps,
  rawToken: string,
): Promise<ClientInvitationPreview> {
  const now = deps.clock.now();
  return inScope(deps.database, {}, async (tx) => {
    const found = await enterTokenScope(tx, CLIENT_INVITATION, rawToken, now);
    if (!found) throw invitationGone();
    const invitation = await pendingInvitationOf(found.tx, found.token.subjectId, now);
    const firm = await loadInvitingFirm(found.tx);
    return {
      firm: { name: firm.name, primaryColor: firm.primaryColor, accentColor: firm.accentColor },
      name: invitation.name,
      email: invitation.email,
      language: invitation.language as Language,
      salutation: invitation.salutation as "formal" | "informal",
      expiresAt: invitation.expiresAt.toISOString(),
      existingAccount: invitation.email
        ? (await findAccountByEmail(found.tx, invitation.email)) !== undefined
        : false,
      secondFactorPolicy: firm.secondFactor as ClientInvitationPreview["secondFactorPolicy"],
      persons: await sharedAddressPersons(found.tx, invitation),
    };
  });
}

function auditOf(request: FastifyRequest, userId: string, name: string, at: Date): AuditContext {
  return {
    actorUserId: userId,
    actorName: name,
    actorKind: "client",
    ip: request.ip ?? null,
    userAgent: (request.headers["user-agent"] ?? "").slice(0, 500) || null,
    at,
  };
}

/**
 * Registers from an invitation (PORTAL-1, INV-1): creates the account — or, when the email already has
 * one, checks its password instead of making a second — links the grantee to it (active), marks the
 * invitation accepted, uses the token and voids the invitation's other links, all in one transaction;
 * then signs the person in. Someone else signed in on this browser cannot take it (SEC-7): 403, and
 * the invitation stays pending.
 */
export async function acceptClientInvitation(
  deps: AppDeps,
  request: FastifyRequest,
  input: AcceptClientInvitation,
): Promise<AcceptedClientInvitation & { headers: Headers }> {
  const now = deps.clock.now();
  const preview = await peekClientInvitation(deps, input.token);
  // PORTAL-1: over a shared address the person says who they are; checked before any password work.
  const person = chosenPerson(preview.persons, input.personId);
  const email = (preview.email ?? input.email ?? "").trim().toLowerCase();
  if (!email) throw invalidField("email", "invitations.email_needed");
  if (request.actor && request.actor.user.email.toLowerCase() !== email)
    throw new AppError("forbidden", "invitations.other_account");
  const existing = await inScope(deps.database, {}, (tx) => findAccountByEmail(tx, email));
  let passwordHash: string | null = null;
  if (existing) {
    const stored = await inScope(deps.database, {}, (tx) => findPasswordHash(tx, existing.id));
    if (!stored || !(await verifyPassword(stored, input.password)))
      throw invalidField("password", "invitations.password_wrong");
  } else {
    await assertPasswordAcceptable(input.password, email, "password");
    passwordHash = await hashPassword(input.password);
  }

  let result: AcceptedClientInvitation;
  try {
    result = await inScope(deps.database, {}, async (tx) => {
      // Consumed first: a parallel acceptance waits on this row and then finds the token used (SEC-5).
      const used = await consumeToken(tx, CLIENT_INVITATION, input.token, now);
      if (!used) throw invitationGone();
      const ftx = used.tx;
      const invitation = await pendingInvitationOf(ftx, used.token.subjectId, now);
      const account = await findAccountByEmail(ftx, email);
      // The account appeared or vanished since the password was checked: start over.
      if (Boolean(account) !== Boolean(existing)) throw new AppError("conflict");
      const name = account?.name ?? input.name ?? person?.name ?? invitation.name;
      const userId = account?.id ?? newId();
      if (!account && passwordHash) {
        const values = { id: userId, name, email, language: invitation.language };
        await insertAccount(ftx, { ...values, passwordHash, at: now });
      }
      await ftx.db
        .update(grantees)
        .set({
          accountId: userId,
          status: sqlStatusAfterJoin(),
          updatedAt: now,
          // The chosen person of a shared address is the one this access (and account) stands for.
          ...(person ? { personId: person.id, name: person.name } : {}),
        })
        .where(and(eq(grantees.firmId, firmOf(ftx)), eq(grantees.id, invitation.granteeId)));
      await updateInvitation(
        ftx,
        invitation.id,
        {
          status: "accepted",
          acceptedAt: now,
          acceptedAccountId: userId,
          nextReminderAt: null,
          endedAt: now,
        },
        now,
      );
      await voidTokens(ftx, CLIENT_INVITATION, invitation.id, now);
      await recordAudit(ftx, auditOf(request, userId, name, now), {
        action: "invitation.accept",
        entityType: "invitation",
        entityId: invitation.id,
        before: { status: "pending" },
        after: {
          status: "accepted",
          accountId: userId,
          newAccount: !account,
          ...(person ? { personId: person.id } : {}),
        },
      });
      await recordWebhookEvent(
        ftx,
        ["invitation.accepted", "grantee.activated"],
        { invitationId: invitation.id, granteeId: invitation.granteeId, accountId: userId },
        now,
      );
      return { userId, newAccount: !account };
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new AppError("conflict");
    throw error;
  }
  // An account with a second factor is not signed in yet: the page asks for it on the same challenge.
  const { headers, secondFactor } = await signIn(deps, request, email, input.password);
  return { ...result, ...(secondFactor ? { secondFactor } : {}), headers };
}

// A locked grantee stays locked when they register; any other becomes active.
function sqlStatusAfterJoin() {
  return sql<string>`case when ${grantees.status} = 'locked' then 'locked' else 'active' end`;
}
