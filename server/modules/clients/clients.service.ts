import type {
  ClientFile,
  ClientFileKind,
  CreateClientFile,
  PersonRole,
  StaffChoices,
  UpdateClientFile,
} from "../../../contracts/clients.js";
import type { StaffRole } from "../../../contracts/common.js";
import { AppError, type FieldProblem, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import { assertStaffCan, type FileStanding, staffCanOnFile } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { storageKeysOfFile } from "../documents/documents.queries.js";
import { auditStateOfFile, presentClientFile } from "./clients.presenter.js";
import {
  countFileContents,
  deleteClientFileRow,
  findClientFile,
  findStaffByIds,
  findTeam,
  insertClientFile,
  isFileValueTaken,
  listActiveStaff,
  nextFileNumber,
  personRolesOfFile,
  replaceTeam,
  updateClientFileRow,
} from "./clients.queries.js";
import { assertFileId } from "./file-ids.js";
import { householdName } from "./persons.presenter.js";
import { rolesFor } from "./persons.rules.js";
import { writeNewPerson } from "./persons.service.js";
import { refreshSearchText } from "./search-text.js";

const ownerRoles: readonly StaffRole[] = ["admin", "advisor"];

/** The file as the API answers it, with what the actor may do on it. */
async function loadPresentedFile(work: StaffWork, fileId: string): Promise<ClientFile> {
  const found = await findClientFile(work.tx, fileId);
  if (!found) throw new AppError("not_found");
  const team = await findTeam(work.tx, fileId);
  const standing: FileStanding = {
    caseOwnerId: found.file.caseOwnerId,
    teamUserIds: team.map((m) => m.userId),
  };
  return presentClientFile(found.file, {
    caseOwnerName: found.caseOwnerName,
    caseOwnerRole: found.caseOwnerRole,
    team,
    counts: await countFileContents(work.tx, fileId),
    can: {
      edit: staffCanOnFile(work.actor, "client_file.edit", standing),
      delete: staffCanOnFile(work.actor, "client_file.delete", standing),
      reassign: staffCanOnFile(work.actor, "client_file.reassign", standing),
    },
  });
}

/** A case owner must be an active admin or advisor of the firm; `invalid` naming `field` otherwise. */
async function assertCaseOwner(work: StaffWork, userId: string, field: string) {
  const [member] = await findStaffByIds(work.tx, [userId]);
  if (!member?.active || !ownerRoles.includes(member.role as StaffRole))
    throw invalidField(field, "clients.case_owner_invalid");
}

/** Team members must be active staff of the firm; duplicates and the case owner are dropped. */
async function checkTeam(work: StaffWork, userIds: readonly string[], caseOwnerId: string, field: string) {
  const wanted = [...new Set(userIds)].filter((id) => id !== caseOwnerId);
  const found = await findStaffByIds(work.tx, wanted);
  const active = new Set(found.filter((m) => m.active).map((m) => m.userId));
  const wrong = wanted.findIndex((id) => !active.has(id));
  if (wrong >= 0)
    throw invalidField(`${field}.${userIds.indexOf(wanted[wrong] ?? "")}`, "clients.team_member_invalid");
  return wanted;
}

function conflictOn(field: string, key: string) {
  return new AppError("conflict", key, {}, { fields: [{ field, message: key }] });
}

async function assertValueFree(
  work: StaffWork,
  column: "number" | "externalId",
  value: string,
  fileId?: string,
) {
  if (await isFileValueTaken(work.tx, column, value, fileId))
    throw conflictOn(column, column === "number" ? "clients.number_taken" : "clients.external_id_taken");
}

/** Errors about the holder's fields are named under `holder.` in the create request. */
async function underHolder<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.details.fields) {
      const fields: FieldProblem[] = error.details.fields.map((f) => ({ ...f, field: `holder.${f.field}` }));
      throw new AppError(error.code, error.messageKey, error.params, { ...error.details, fields });
    }
    throw error;
  }
}

/**
 * Creates a client file (FILE-1): the case owner defaults to the creator, the number is assigned when
 * none is given, a household may come with its holder (whose name then names the file). A creator
 * who is neither admin nor case owner joins the team, so they can keep working on what they created.
 */
export async function createClientFile(work: StaffWork, input: CreateClientFile): Promise<ClientFile> {
  const { tx, actor, audit } = work;
  assertStaffCan(actor, "client_file.create");
  if (input.kind === "business" && input.holder)
    throw invalidField("holder", "clients.holder_not_for_business");
  const displayName = input.displayName ?? (input.holder ? householdName(input.holder) : undefined);
  if (!displayName) throw invalidField("displayName", "clients.display_name_required");
  const caseOwnerId = input.caseOwnerId ?? actor.user.id;
  await assertCaseOwner(work, caseOwnerId, "caseOwnerId");
  const team = await checkTeam(work, input.teamUserIds ?? [], caseOwnerId, "teamUserIds");
  if (actor.staff.role !== "admin" && caseOwnerId !== actor.user.id && !team.includes(actor.user.id))
    team.push(actor.user.id);
  if (input.number) await assertValueFree(work, "number", input.number);
  if (input.externalId) await assertValueFree(work, "externalId", input.externalId);
  const number = input.number ?? (await nextFileNumber(tx));

  const id = newId(audit.at.getTime());
  await insertClientFile(tx, {
    id,
    kind: input.kind,
    displayName,
    number,
    externalId: input.externalId ?? null,
    caseOwnerId,
    notes: input.notes ?? null,
    createdAt: audit.at,
    updatedAt: audit.at,
  });
  await replaceTeam(tx, id, team, audit.at);
  await refreshSearchText(tx, [id]);
  await recordAudit(tx, audit, {
    action: "client_file.create",
    entityType: "client_file",
    entityId: id,
    clientFileId: id,
    before: null,
    after: auditStateOfFile(await loadPresentedFile(work, id)),
  });
  const holder = input.holder;
  if (holder)
    await underHolder(() => writeNewPerson(work, { id, kind: "private" }, { ...holder, role: "holder" }));
  return loadPresentedFile(work, id);
}

/** One file with its case owner, team and counts. */
export async function getClientFile(work: StaffWork, fileId: string): Promise<ClientFile> {
  assertFileId(fileId);
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  return loadPresentedFile(work, fileId);
}

/**
 * Changes a file's data. The kind may change only when every person's role fits the new kind
 * (409 naming `kind` otherwise); number and external id stay unique in the firm (409 naming them).
 */
export async function updateClientFile(
  work: StaffWork,
  fileId: string,
  patch: UpdateClientFile,
): Promise<ClientFile> {
  assertFileId(fileId);
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const before = await loadPresentedFile(work, fileId);
  if (patch.kind && patch.kind !== before.kind) {
    const allowed = rolesFor(patch.kind as ClientFileKind);
    const roles = await personRolesOfFile(work.tx, fileId);
    if (roles.some((role) => !allowed.includes(role as PersonRole)))
      throw conflictOn("kind", "clients.kind_conflict");
  }
  if (patch.number && patch.number !== before.number)
    await assertValueFree(work, "number", patch.number, fileId);
  if (patch.externalId && patch.externalId !== before.externalId)
    await assertValueFree(work, "externalId", patch.externalId, fileId);

  await updateClientFileRow(work.tx, fileId, {
    ...(patch.kind ? { kind: patch.kind } : {}),
    ...(patch.displayName ? { displayName: patch.displayName } : {}),
    ...(patch.number ? { number: patch.number } : {}),
    ...("externalId" in patch ? { externalId: patch.externalId ?? null } : {}),
    ...("notes" in patch ? { notes: patch.notes ?? null } : {}),
    updatedAt: work.audit.at,
  });
  await refreshSearchText(work.tx, [fileId]);
  const after = await loadPresentedFile(work, fileId);
  await recordAudit(work.tx, work.audit, {
    action: "client_file.update",
    entityType: "client_file",
    entityId: fileId,
    clientFileId: fileId,
    before: auditStateOfFile(before),
    after: auditStateOfFile(after),
  });
  return after;
}

/** Replaces the file's team (anyone who may edit the file may change its team). */
export async function setTeam(
  work: StaffWork,
  fileId: string,
  userIds: readonly string[],
): Promise<ClientFile> {
  assertFileId(fileId);
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const before = await loadPresentedFile(work, fileId);
  const team = await checkTeam(work, userIds, before.caseOwner.userId, "userIds");
  await replaceTeam(work.tx, fileId, team, work.audit.at);
  await updateClientFileRow(work.tx, fileId, { updatedAt: work.audit.at });
  const after = await loadPresentedFile(work, fileId);
  await recordAudit(work.tx, work.audit, {
    action: "client_file.update_team",
    entityType: "client_file",
    entityId: fileId,
    clientFileId: fileId,
    before: auditStateOfFile(before),
    after: auditStateOfFile(after),
  });
  return after;
}

/** Hands the file to another case owner (admins and the case owner only). */
export async function reassignCaseOwner(
  work: StaffWork,
  fileId: string,
  userId: string,
): Promise<ClientFile> {
  assertFileId(fileId);
  await assertCanOnFile(work.tx, work.actor, "client_file.reassign", fileId);
  const before = await loadPresentedFile(work, fileId);
  await assertCaseOwner(work, userId, "userId");
  await updateClientFileRow(work.tx, fileId, { caseOwnerId: userId, updatedAt: work.audit.at });
  // The new case owner needs no team seat besides the ownership.
  const team = before.team.map((m) => m.userId).filter((id) => id !== userId);
  if (team.length !== before.team.length) await replaceTeam(work.tx, fileId, team, work.audit.at);
  const after = await loadPresentedFile(work, fileId);
  await recordAudit(work.tx, work.audit, {
    action: "client_file.reassign",
    entityType: "client_file",
    entityId: fileId,
    clientFileId: fileId,
    before: auditStateOfFile(before),
    after: auditStateOfFile(after),
  });
  return after;
}

/**
 * Deletes a file with everything on it; the audit log keeps its last state. Returns the storage keys
 * of its documents, for the caller to remove once the delete committed.
 */
export async function deleteClientFile(work: StaffWork, fileId: string): Promise<string[]> {
  assertFileId(fileId);
  await assertCanOnFile(work.tx, work.actor, "client_file.delete", fileId);
  const before = await loadPresentedFile(work, fileId);
  const storageKeys = await storageKeysOfFile(work.tx, fileId);
  await deleteClientFileRow(work.tx, fileId);
  await recordAudit(work.tx, work.audit, {
    action: "client_file.delete",
    entityType: "client_file",
    entityId: fileId,
    clientFileId: fileId,
    before: auditStateOfFile(before),
    after: null,
  });
  return storageKeys;
}

/** Who may be picked as case owner (active admins and advisors) or team member (any active staff). */
export async function listStaffChoices(work: StaffWork): Promise<StaffChoices["items"]> {
  const staff = await listActiveStaff(work.tx);
  return staff.map((m) => ({
    userId: m.userId,
    name: m.name,
    role: m.role as StaffRole,
    canOwn: ownerRoles.includes(m.role as StaffRole),
  }));
}
