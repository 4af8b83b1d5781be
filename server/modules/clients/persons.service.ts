import type {
  ClientFileKind,
  Person,
  PersonInput,
  PersonPatch,
  PersonRole,
  Salutation,
} from "../../../contracts/clients.js";
import type { Language } from "../../../contracts/common.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { findFirm } from "../firms/firms.queries.js";
import { followPersonEmail } from "../invitations/invitations.service.js";
import { findClientFile, updateClientFileRow } from "./clients.queries.js";
import { assertFileId } from "./file-ids.js";
import {
  auditStateOfPerson,
  householdName,
  presentPerson,
  type SharedEmailInfo,
} from "./persons.presenter.js";
import {
  deletePersonRow,
  findHolder,
  findPersonOfFile,
  findSharedEmails,
  insertPerson,
  isPersonExternalIdTaken,
  listPersonsOfFile,
  type PersonRecord,
  updatePersonRow,
} from "./persons.queries.js";
import { checkPersonRules, normalizePhone, type PersonState } from "./persons.rules.js";
import { refreshSearchText } from "./search-text.js";

/** Shared-email information for each of the given persons, from one query. */
async function sharedEmailsOf(work: StaffWork, personIds: string[]) {
  const rows = await findSharedEmails(work.tx, work.actor, personIds);
  const byPerson = new Map<string, SharedEmailInfo>();
  for (const row of rows) {
    const info = byPerson.get(row.personId) ?? { visible: [], hiddenCount: 0 };
    if (row.visible)
      info.visible.push({
        personId: row.otherId,
        name: `${row.firstName} ${row.lastName}`,
        clientFileId: row.clientFileId,
        clientFileName: row.clientFileName,
      });
    else info.hiddenCount += 1;
    byPerson.set(row.personId, info);
  }
  return byPerson;
}

async function presentOne(work: StaffWork, row: PersonRecord): Promise<Person> {
  return presentPerson(row, (await sharedEmailsOf(work, [row.id])).get(row.id));
}

/** The persons of a file, each with who else uses the same email (FILE-2). */
export async function listPersons(work: StaffWork, fileId: string): Promise<Person[]> {
  assertFileId(fileId);
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const rows = await listPersonsOfFile(work.tx, fileId);
  const shared = await sharedEmailsOf(
    work,
    rows.filter((r) => r.email).map((r) => r.id),
  );
  return rows.map((row) => presentPerson(row, shared.get(row.id)));
}

const familyRoles: readonly PersonRole[] = ["holder", "co_holder", "partner", "child", "relative"];

/** Makes the file's current holder a co-holder, so `newHolderId` can be the one holder. */
async function demoteHolder(work: StaffWork, fileId: string, newHolderId: string | null) {
  const holder = await findHolder(work.tx, fileId);
  if (!holder || holder.id === newHolderId) return;
  const after = await updatePersonRow(work.tx, holder.id, { role: "co_holder", updatedAt: work.audit.at });
  await recordAudit(work.tx, work.audit, {
    action: "person.update",
    entityType: "person",
    entityId: holder.id,
    clientFileId: fileId,
    before: auditStateOfPerson(holder),
    after: auditStateOfPerson(after),
  });
}

async function assertExternalIdFree(
  work: StaffWork,
  externalId: string | null | undefined,
  personId?: string,
) {
  if (externalId && (await isPersonExternalIdTaken(work.tx, externalId, personId)))
    throw new AppError(
      "conflict",
      "clients.person_external_id_taken",
      {},
      {
        fields: [{ field: "externalId", message: "clients.person_external_id_taken" }],
      },
    );
}

type PersonName = { firstName: string; lastName: string };

/**
 * After any change of persons: the file's search text and its "updated" time follow. A household
 * still named after its holder ("Muster, Klara") follows a renamed or new holder; a name the staff
 * chose themselves ("Familie Muster") stays.
 */
async function touchFile(work: StaffWork, fileId: string, holder?: { from: PersonName; to: PersonName }) {
  const values: Parameters<typeof updateClientFileRow>[2] = { updatedAt: work.audit.at };
  if (holder) {
    const found = await findClientFile(work.tx, fileId);
    const followed = householdName(holder.to);
    const current = found?.file.displayName;
    if (current === householdName(holder.from) && current !== followed) {
      values.displayName = followed;
      await recordAudit(work.tx, work.audit, {
        action: "client_file.update",
        entityType: "client_file",
        entityId: fileId,
        clientFileId: fileId,
        before: { displayName: current },
        after: { displayName: followed },
      });
    }
  }
  await updateClientFileRow(work.tx, fileId, values);
  await refreshSearchText(work.tx, [fileId]);
}

/**
 * Writes a new person on a file whose access was already checked: resolves the role (the first family
 * member of a household is its holder), applies the role rules, normalizes the phone, takes the
 * firm's default salutation and language, and hands the holder role over when a new holder comes.
 */
export async function writeNewPerson(
  work: StaffWork,
  file: { id: string; kind: ClientFileKind },
  input: PersonInput,
): Promise<PersonRecord> {
  const holder = file.kind === "private" ? await findHolder(work.tx, file.id) : undefined;
  let role = input.role;
  if (!role) {
    if (file.kind === "business") role = "contact";
    else if (!holder) role = "holder";
    else throw invalidField("role", "clients.role_required");
  }
  if (file.kind === "private" && !holder && role !== "holder" && familyRoles.includes(role))
    throw invalidField("role", "clients.role_holder_first");
  const today = work.audit.at.toISOString().slice(0, 10);
  const ruled = checkPersonRules(file.kind, { ...input, role }, today);
  const phone = input.phone ? normalizePhone(input.phone, input.phoneCountry) : null;
  await assertExternalIdFree(work, input.externalId);
  const firm = await findFirm(work.tx, work.actor.staff.firmId);
  if (role === "holder") await demoteHolder(work, file.id, null);

  const row = await insertPerson(work.tx, {
    id: newId(work.audit.at.getTime()),
    clientFileId: file.id,
    ...ruled,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? null,
    phoneE164: phone?.phoneE164 ?? null,
    phoneCountry: phone?.phoneCountry ?? null,
    salutation: input.salutation ?? (firm?.defaultSalutation as Salutation | undefined) ?? "formal",
    language: input.language ?? (firm?.defaultLanguage as Language | undefined) ?? "de",
    birthDate: input.birthDate ?? null,
    externalId: input.externalId ?? null,
    createdAt: work.audit.at,
    updatedAt: work.audit.at,
  });
  await recordAudit(work.tx, work.audit, {
    action: "person.create",
    entityType: "person",
    entityId: row.id,
    clientFileId: file.id,
    before: null,
    after: auditStateOfPerson(row),
  });
  await touchFile(work, file.id, role === "holder" && holder ? { from: holder, to: row } : undefined);
  return row;
}

async function loadFileKind(work: StaffWork, fileId: string) {
  const found = await findClientFile(work.tx, fileId);
  if (!found) throw new AppError("not_found");
  return { id: fileId, kind: found.file.kind as ClientFileKind };
}

/** Adds a person to a file (FILE-2/3). */
export async function addPerson(work: StaffWork, fileId: string, input: PersonInput): Promise<Person> {
  assertFileId(fileId);
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await writeNewPerson(work, await loadFileKind(work, fileId), input);
  return presentOne(work, row);
}

async function loadPerson(work: StaffWork, fileId: string, personId: string) {
  assertFileId(fileId);
  assertFileId(personId);
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const person = await findPersonOfFile(work.tx, fileId, personId);
  if (!person) throw new AppError("not_found");
  return person;
}

/** Changes a person; making someone the holder hands the role over from the current holder. */
export async function updatePerson(
  work: StaffWork,
  fileId: string,
  personId: string,
  patch: PersonPatch,
): Promise<Person> {
  const before = await loadPerson(work, fileId, personId);
  const file = await loadFileKind(work, fileId);
  const role = patch.role ?? (before.role as PersonRole);
  if (before.role === "holder" && role !== "holder")
    throw new AppError(
      "conflict",
      "clients.holder_demote",
      {},
      {
        fields: [{ field: "role", message: "clients.holder_demote" }],
      },
    );
  const state: PersonState = {
    firstName: patch.firstName ?? before.firstName,
    lastName: patch.lastName ?? before.lastName,
    relationToHolder: "relationToHolder" in patch ? patch.relationToHolder : before.relationToHolder,
    isCommercialContact: patch.isCommercialContact ?? before.isCommercialContact,
    isOperationalContact: patch.isOperationalContact ?? before.isOperationalContact,
    isEmployee: patch.isEmployee ?? before.isEmployee,
    advisorKind:
      "advisorKind" in patch ? patch.advisorKind : (before.advisorKind as PersonState["advisorKind"]),
    organisation: "organisation" in patch ? patch.organisation : before.organisation,
    birthDate: "birthDate" in patch ? patch.birthDate : before.birthDate,
    role,
  };
  const ruled = checkPersonRules(file.kind, state, work.audit.at.toISOString().slice(0, 10));
  const values: Parameters<typeof updatePersonRow>[2] = {
    ...ruled,
    firstName: state.firstName,
    lastName: state.lastName,
    birthDate: state.birthDate ?? null,
    updatedAt: work.audit.at,
  };
  if ("email" in patch) values.email = patch.email ?? null;
  if ("phone" in patch) {
    const phone = patch.phone
      ? normalizePhone(patch.phone, patch.phoneCountry ?? before.phoneCountry ?? undefined)
      : null;
    values.phoneE164 = phone?.phoneE164 ?? null;
    values.phoneCountry = phone?.phoneCountry ?? null;
  }
  if (patch.salutation) values.salutation = patch.salutation;
  if (patch.language) values.language = patch.language;
  if ("externalId" in patch) {
    await assertExternalIdFree(work, patch.externalId, personId);
    values.externalId = patch.externalId ?? null;
  }
  const previousHolder =
    role === "holder" && before.role !== "holder" ? await findHolder(work.tx, fileId) : undefined;
  if (previousHolder) await demoteHolder(work, fileId, personId);

  const after = await updatePersonRow(work.tx, personId, values);
  const normalized = (email: string | null) => email?.trim().toLowerCase() || null;
  if (normalized(before.email) !== normalized(after.email))
    await followPersonEmail(work.tx, personId, after.email, work.audit.at);
  await recordAudit(work.tx, work.audit, {
    action: "person.update",
    entityType: "person",
    entityId: personId,
    clientFileId: fileId,
    before: auditStateOfPerson(before),
    after: auditStateOfPerson(after),
  });
  const holderBefore = before.role === "holder" ? before : previousHolder;
  await touchFile(
    work,
    fileId,
    role === "holder" && holderBefore ? { from: holderBefore, to: after } : undefined,
  );
  return presentOne(work, after);
}

/** Removes a person; a household's holder stays until another person is made holder (409). */
export async function removePerson(work: StaffWork, fileId: string, personId: string): Promise<void> {
  const person = await loadPerson(work, fileId, personId);
  if (person.role === "holder") throw new AppError("conflict", "clients.holder_delete");
  await deletePersonRow(work.tx, personId);
  await recordAudit(work.tx, work.audit, {
    action: "person.delete",
    entityType: "person",
    entityId: personId,
    clientFileId: fileId,
    before: auditStateOfPerson(person),
    after: null,
  });
  await touchFile(work, fileId);
}
