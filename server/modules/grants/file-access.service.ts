import { and, eq } from "drizzle-orm";
import type { PersonRole } from "../../../contracts/clients.js";
import type { Language } from "../../../contracts/common.js";
import type { FileAccessView, Grantee } from "../../../contracts/grants.js";
import { translate } from "../../platform/i18n/translate.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import { accessManagementRefusal } from "../access/grant-management.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { listPersonsOfFile, type PersonRecord } from "../clients/persons.queries.js";
import { loadFirmForGrants } from "./grant-settings.js";
import { presentGrantee, presentGrantSummary } from "./grants.presenter.js";
import { firmOf, listGrantees, listGrantFiles, listVisibleGrants } from "./grants.queries.js";
import { grantFiles } from "./grants.tables.js";

function presentPerson(person: PersonRecord, entries: Grantee[]) {
  return {
    id: person.id,
    role: person.role as PersonRole,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    relationToHolder: person.relationToHolder,
    advisorKind: person.advisorKind,
    organisation: person.organisation,
    grantees: entries.filter((g) => g.personId === person.id),
  };
}

/**
 * The client file's Access tab: its persons (family tree or contacts) and external advisors, each with
 * their entries in every grant reaching this file; outside persons; persons of other files who reach
 * this file through a grant bundling both; the grants (those the actor can open); and whether the
 * actor may manage access here under the firm policy, with the reason when not.
 */
export async function getFileAccess(
  work: StaffWork,
  fileId: string,
  language: Language,
): Promise<FileAccessView> {
  const standing = await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const firm = await loadFirmForGrants(work.tx);
  const touching = await work.tx.db
    .select({ grantId: grantFiles.grantId })
    .from(grantFiles)
    .where(and(eq(grantFiles.firmId, firmOf(work.tx)), eq(grantFiles.clientFileId, fileId)));
  // Every grant reaching the file counts for who has access, even one the actor cannot open.
  const entries = (
    await listGrantees(
      work.tx,
      touching.map((t) => t.grantId),
    )
  ).map((g) => presentGrantee(g, work.audit.at));
  const people = await listPersonsOfFile(work.tx, fileId);
  const visible = await listVisibleGrants(work.tx, work.actor, fileId);
  const visibleIds = visible.map((g) => g.id);
  const files = await listGrantFiles(work.tx, visibleIds);
  const granteeRows = await listGrantees(work.tx, visibleIds);
  const refusal = accessManagementRefusal(work.actor, standing, firm.policies.accessManagedBy);
  return {
    clientFileId: fileId,
    persons: people.filter((p) => p.role !== "external_advisor").map((p) => presentPerson(p, entries)),
    externalAdvisors: people
      .filter((p) => p.role === "external_advisor")
      .map((p) => presentPerson(p, entries)),
    outsiders: entries.filter((g) => g.personId === null),
    fromOtherFiles: entries.filter((g) => g.personId !== null && g.clientFileId !== fileId),
    grants: visible.map((g) => presentGrantSummary(g, files, granteeRows, work.audit.at)),
    management: {
      allowed: refusal === null,
      reason: refusal,
      message: refusal ? translate(language, refusal) : null,
    },
  };
}
