import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Salutation } from "../../../contracts/clients.js";
import type { Language } from "../../../contracts/common.js";
import type { Profile, ProfilePerson, UpdateProfile } from "../../../contracts/profile.js";
import type { AppDeps } from "../../deps.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { maySetSalutation } from "../access/account-data.js";
import type { Actor } from "../access/actor.js";
import { auditContextOf, recordAudit } from "../audit/audit.service.js";
import { persons } from "../clients/clients.tables.js";
import { findAccountFirms, switchToFirm } from "../identity/account-firms.js";
import { users } from "../identity/identity.tables.js";
import {
  firmName,
  listOwnGrantees,
  listOwnStaffMemberships,
  selectPersonsWithFile,
} from "./profile.queries.js";

type ProfileDeps = Pick<AppDeps, "database" | "clock">;

// The profile (PORTAL-10): the account's own name and language live on the account, which is one
// human across firms; the salutation lives on each firm's person record, because mails of that firm
// address the person by it and one firm may say "Sie"/"vous" where another says "du"/"tu".

/** How each firm the account reaches as a person addresses it, firm by firm. */
async function ownPersons(tx: ScopedTx, accountId: string, now: Date): Promise<ProfilePerson[]> {
  const own = await listOwnGrantees(tx, accountId, now);
  const byFirm = new Map<string, Set<string>>();
  for (const g of own)
    if (g.active && g.personId) byFirm.set(g.firmId, (byFirm.get(g.firmId) ?? new Set()).add(g.personId));
  const out: ProfilePerson[] = [];
  for (const [firmId, personIds] of byFirm) {
    const inFirm = await switchToFirm(tx, firmId);
    const name = await firmName(inFirm, firmId);
    for (const p of await selectPersonsWithFile(inFirm, firmId, [...personIds]))
      out.push({
        firmId,
        firmName: name,
        personId: p.id,
        name: `${p.firstName} ${p.lastName}`,
        fileName: p.fileName,
        salutation: p.salutation as Salutation,
      });
  }
  return out.sort(
    (a, b) =>
      a.firmName.localeCompare(b.firmName) ||
      a.fileName.localeCompare(b.fileName) ||
      a.personId.localeCompare(b.personId),
  );
}

async function readProfile(tx: ScopedTx, accountId: string, now: Date): Promise<Profile> {
  const [user] = await tx.db
    .select({ name: users.name, email: users.email, language: users.language })
    .from(users)
    .where(eq(users.id, accountId));
  if (!user) throw new AppError("unauthorized");
  const staff = await listOwnStaffMemberships(tx, accountId);
  return {
    name: user.name,
    email: user.email,
    language: user.language as Language,
    persons: await ownPersons(tx, accountId, now),
    isStaff: staff.some((s) => s.active),
  };
}

/** The signed-in account's profile. */
export async function getProfile(deps: ProfileDeps, actor: Actor): Promise<Profile> {
  const now = deps.clock.now();
  return inScope(deps.database, { userId: actor.user.id }, (tx) => readProfile(tx, actor.user.id, now));
}

/**
 * Changes the account's name and/or language; audited in its home firm (as its sessions are). The
 * firms' person records keep their own names: they are the firm's data about the person.
 */
export async function updateProfile(
  deps: ProfileDeps,
  request: FastifyRequest,
  actor: Actor,
  patch: UpdateProfile,
): Promise<Profile> {
  if (patch.name === undefined && patch.language === undefined)
    throw invalidField("name", "account.profile_nothing");
  const context = auditContextOf(request, actor, deps.clock);
  return inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    const before = { name: actor.user.name, language: actor.user.language };
    const after = { name: patch.name ?? before.name, language: patch.language ?? before.language };
    await tx.db
      .update(users)
      .set({ ...after, updatedAt: context.at })
      .where(eq(users.id, actor.user.id));
    const { home } = await findAccountFirms(tx, actor.user.id, context.at);
    if (home)
      await recordAudit(await switchToFirm(tx, home), context, {
        action: "account.profile_update",
        entityType: "account",
        entityId: actor.user.id,
        before,
        after,
      });
    return readProfile(await switchToFirm(tx, ""), actor.user.id, context.at);
  });
}

/**
 * Sets how one firm addresses the account: only on a person record the account reaches that firm as
 * (another person, or a firm it does not reach, answers 404). Audited in that firm, on the file.
 */
export async function updateOwnSalutation(
  deps: ProfileDeps,
  request: FastifyRequest,
  actor: Actor,
  target: { firmId: string; personId: string },
  salutation: Salutation,
): Promise<Profile> {
  const context = auditContextOf(request, actor, deps.clock);
  return inScope(deps.database, { userId: actor.user.id }, async (tx) => {
    const own = (await listOwnGrantees(tx, actor.user.id, context.at)).filter(
      (g) => g.firmId === target.firmId,
    );
    if (!maySetSalutation(target.personId, own)) throw new AppError("not_found", "account.person_not_yours");
    const inFirm = await switchToFirm(tx, target.firmId);
    const [person] = await inFirm.db
      .select({ salutation: persons.salutation, clientFileId: persons.clientFileId })
      .from(persons)
      .where(and(eq(persons.firmId, target.firmId), eq(persons.id, target.personId)));
    if (!person) throw new AppError("not_found", "account.person_not_yours");
    if (person.salutation !== salutation) {
      await inFirm.db
        .update(persons)
        .set({ salutation, updatedAt: context.at })
        .where(and(eq(persons.firmId, target.firmId), eq(persons.id, target.personId)));
      await recordAudit(inFirm, context, {
        action: "account.salutation_update",
        entityType: "person",
        entityId: target.personId,
        clientFileId: person.clientFileId,
        before: { salutation: person.salutation },
        after: { salutation },
      });
    }
    return readProfile(await switchToFirm(inFirm, ""), actor.user.id, context.at);
  });
}
