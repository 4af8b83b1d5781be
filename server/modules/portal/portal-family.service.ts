import { and, asc, eq, inArray } from "drizzle-orm";
import type { PersonRole } from "../../../contracts/clients.js";
import type { AccessLevel, StoredGranteeStatus } from "../../../contracts/grants.js";
import type { FamilyAccess, FamilyAccessInput, FamilyMember } from "../../../contracts/portal.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AccessChange } from "../../platform/mail/templates/access-changed.js";
import type { FileAccess } from "../access/portal-access.js";
import {
  type FamilyManager,
  familyGrantableRoles,
  familyManagerOf,
  withinOwnLevel,
} from "../access/portal-edits.js";
import { assertMayWriteHere, type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { effectiveStatus } from "../access/sharing-rules.js";
import { recordAudit } from "../audit/audit.service.js";
import { persons } from "../clients/clients.tables.js";
import { loadFirmForGrants } from "../grants/grant-settings.js";
import { type GranteeMailDeps, queueAccessChangedMail } from "../grants/grantee-mail.js";
import { grantees, grants } from "../grants/grants.tables.js";
import { findPortalFile } from "./portal-overview.queries.js";

// PORTAL-9: holders and co-holders with read_write access give other family members of their own
// household file access from the portal, within their own grant and never above their own level;
// never outside advisors. What the firm gave (or locked) stays the firm's to change.

type GranteeRow = typeof grantees.$inferSelect;

/** GRANT-7: a family member who already joined is told by mail when the holder changes their access. */
async function tellGrantee(
  work: PortalWork,
  mail: GranteeMailDeps,
  grantee: GranteeRow,
  changes: AccessChange[],
) {
  if (!grantee.accountId || changes.length === 0) return;
  const [grant] = await work.tx.db
    .select({ name: grants.name })
    .from(grants)
    .where(and(eq(grants.firmId, work.firmId), eq(grants.id, grantee.grantId)));
  await queueAccessChangedMail(
    work.tx,
    mail,
    await loadFirmForGrants(work.tx),
    { ...grantee, grantName: grant?.name ?? "" },
    changes,
  );
}

async function requireManager(work: PortalWork, access: FileAccess): Promise<FamilyManager> {
  const file = await findPortalFile(work.tx, access);
  const manager = await familyManagerOf(work.tx, access, file.kind);
  if ("refusal" in manager) throw new AppError("forbidden", manager.refusal);
  return manager;
}

/** The family members of the file (not the manager) and their access in the manager's grant. */
async function familyOf(work: PortalWork, access: FileAccess, manager: FamilyManager): Promise<FamilyAccess> {
  const people = await work.tx.db
    .select()
    .from(persons)
    .where(
      and(
        eq(persons.firmId, work.firmId),
        eq(persons.clientFileId, access.fileId),
        inArray(persons.role, [...familyGrantableRoles]),
      ),
    )
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id));
  const others = people.filter((p) => p.id !== manager.personId);
  const rows =
    others.length === 0
      ? []
      : await work.tx.db
          .select()
          .from(grantees)
          .where(
            and(
              eq(grantees.firmId, work.firmId),
              eq(grantees.grantId, manager.grantId),
              inArray(
                grantees.personId,
                others.map((p) => p.id),
              ),
            ),
          );
  const byPerson = new Map(rows.map((g) => [g.personId, g]));
  const members = others.map((p): FamilyMember => {
    const g = byPerson.get(p.id);
    const status = g
      ? effectiveStatus({ status: g.status as StoredGranteeStatus, expiresAt: g.expiresAt }, work.now)
      : null;
    return {
      personId: p.id,
      name: `${p.firstName} ${p.lastName}`,
      role: p.role as PersonRole,
      email: p.email,
      access: g && status !== "revoked" ? (g.access as AccessLevel) : "none",
      status,
      grantedByPortal: g?.grantedByPortal ?? false,
      changeable: !g || (g.grantedByPortal && g.status !== "locked"),
    };
  });
  return { maxLevel: manager.level, members };
}

/** The family access the viewer manages on this file (403 naming why when they do not). */
export async function getFamilyAccess(work: PortalWork, fileId: string): Promise<FamilyAccess> {
  const access = await requirePortalFile(work, fileId);
  return familyOf(work, access, await requireManager(work, access));
}

function auditState(g: GranteeRow) {
  return {
    grantId: g.grantId,
    personId: g.personId,
    name: g.name,
    email: g.email,
    access: g.access,
    status: g.status,
    grantedByPortal: g.grantedByPortal,
  };
}

/** Loads the target person of the file and applies the family rules to them (404 / 403 naming why). */
async function targetPerson(work: PortalWork, access: FileAccess, manager: FamilyManager, personId: string) {
  const [person] = await work.tx.db
    .select()
    .from(persons)
    .where(
      and(eq(persons.firmId, work.firmId), eq(persons.clientFileId, access.fileId), eq(persons.id, personId)),
    );
  if (!person) throw new AppError("not_found");
  if (person.id === manager.personId) throw new AppError("forbidden", "portal.family_not_self");
  if (person.role === "external_advisor") throw new AppError("forbidden", "portal.family_no_advisors");
  if (!familyGrantableRoles.includes(person.role as PersonRole))
    throw new AppError("forbidden", "portal.family_not_family");
  return person;
}

/**
 * Gives a family member access in the manager's grant, changes it, or takes back (`none`) what was
 * given from the portal. A new grantee waits as `pending` until invitations bring them in (audited).
 */
export async function setFamilyAccess(
  work: PortalWork,
  fileId: string,
  input: FamilyAccessInput,
  mail: GranteeMailDeps,
): Promise<FamilyAccess> {
  const access = await requirePortalFile(work, fileId);
  assertMayWriteHere(access);
  const manager = await requireManager(work, access);
  if (input.access !== "none" && !withinOwnLevel(manager, input.access))
    throw new AppError("forbidden", "portal.family_above_own");
  const person = await targetPerson(work, access, manager, input.personId);
  const [existing] = await work.tx.db
    .select()
    .from(grantees)
    .where(
      and(
        eq(grantees.firmId, work.firmId),
        eq(grantees.grantId, manager.grantId),
        eq(grantees.personId, person.id),
      ),
    );
  if (existing && (!existing.grantedByPortal || existing.status === "locked"))
    throw new AppError("forbidden", "portal.family_given_by_firm");
  const audit = { entityType: "grantee", clientFileId: fileId } as const;

  if (input.access === "none") {
    if (existing && existing.status !== "revoked") {
      const [after] = await work.tx.db
        .update(grantees)
        .set({ status: "revoked", updatedAt: work.now })
        .where(and(eq(grantees.firmId, work.firmId), eq(grantees.id, existing.id)))
        .returning();
      await recordAudit(work.tx, work.audit, {
        ...audit,
        action: "portal.grantee.revoke",
        entityId: existing.id,
        before: auditState(existing),
        after: after ? auditState(after) : null,
      });
      await tellGrantee(work, mail, existing, [{ kind: "revoked" }]);
    }
  } else if (existing) {
    const status = existing.status === "revoked" ? "pending" : existing.status;
    if (existing.access !== input.access || status !== existing.status) {
      const [after] = await work.tx.db
        .update(grantees)
        .set({ access: input.access, status, updatedAt: work.now })
        .where(and(eq(grantees.firmId, work.firmId), eq(grantees.id, existing.id)))
        .returning();
      await recordAudit(work.tx, work.audit, {
        ...audit,
        action: "portal.grantee.update",
        entityId: existing.id,
        before: auditState(existing),
        after: after ? auditState(after) : null,
      });
      const changes: AccessChange[] = [];
      if (status !== existing.status) changes.push({ kind: "reinstated" });
      if (existing.access !== input.access) changes.push({ kind: "access", to: input.access });
      await tellGrantee(work, mail, existing, changes);
    }
  } else {
    // The invitation will go to this address; without one nobody could ever use the access.
    if (!person.email) throw invalidField("personId", "portal.family_email_missing");
    const [created] = await work.tx.db
      .insert(grantees)
      .values({
        firmId: work.firmId,
        id: newId(work.now.getTime()),
        grantId: manager.grantId,
        personId: person.id,
        email: person.email,
        name: `${person.firstName} ${person.lastName}`,
        access: input.access,
        status: "pending",
        grantedByPortal: true,
        createdAt: work.now,
        updatedAt: work.now,
      })
      .returning();
    if (!created) throw new Error("insert returned no grantee");
    await recordAudit(work.tx, work.audit, {
      ...audit,
      action: "portal.grantee.create",
      entityId: created.id,
      before: null,
      after: auditState(created),
    });
  }
  return familyOf(work, access, manager);
}
