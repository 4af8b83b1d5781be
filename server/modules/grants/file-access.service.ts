import type { PersonRole } from "../../../contracts/clients.js";
import type { Language } from "../../../contracts/common.js";
import type { FileAccessGrant, FileAccessView, Grantee } from "../../../contracts/grants.js";
import { translate } from "../../platform/i18n/translate.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import { type FileStanding, staffCanOnFile } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { listPersonsOfFile, type PersonRecord } from "../clients/persons.queries.js";
import { managementRefusal, presentManagement } from "./grant-guard.js";
import { type FirmForGrants, loadFirmForGrants } from "./grant-settings.js";
import { presentGranteeFor, presentGrantSummary } from "./grants.presenter.js";
import {
  type GranteeRow,
  type GrantFileRow,
  type GrantRow,
  listGrantees,
  listGrantFiles,
  listGrantsOfFile,
  loadFileStandings,
} from "./grants.queries.js";

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
 * One grant touching the file as the actor may see it: it opens only when they may read every
 * bundled file (as GET /api/grants/:id decides); files they may not read are counted, not named.
 */
function presentTouchingGrant(
  work: StaffWork,
  grant: GrantRow,
  files: readonly GrantFileRow[],
  granteeRows: readonly GranteeRow[],
  standingOf: (fileId: string) => FileStanding | undefined,
  firm: FirmForGrants,
  /** How reasons are said, or null when the file's own refusal already says it for every grant. */
  language: Language | null,
): FileAccessGrant {
  const own = files.filter((f) => f.grantId === grant.id);
  const standings = own.map((f) => standingOf(f.id));
  const readable = (s: FileStanding | undefined): s is FileStanding =>
    s !== undefined && staffCanOnFile(work.actor, "client_file.read", s);
  const shown = own.filter((_, i) => readable(standings[i]));
  const canOpen = shown.length === own.length;
  // The first bundled file whose policy keeps the actor from managing access, and its reason.
  const refusals = canOpen
    ? own.map((_, i) => managementRefusal(work.actor, [standings[i] as FileStanding], firm))
    : [];
  const blocked = refusals.findIndex((r) => r !== null);
  const blockingFile = own[blocked];
  const refusal = refusals[blocked] ?? null;
  return {
    ...presentGrantSummary(grant, shown, granteeRows, work.audit.at),
    canOpen,
    mayManage: canOpen && refusal === null,
    manageMessage:
      refusal && blockingFile && language
        ? translate(language, "grants.covers_unmanaged_file", {
            file: `${blockingFile.displayName} (${blockingFile.number})`,
            reason: translate(language, refusal),
          })
        : null,
    hiddenFileCount: own.length - shown.length,
  };
}

/**
 * The client file's Access tab: its persons (family tree or contacts) and external advisors, each with
 * their entries in every grant reaching this file; outside persons; persons of other files who reach
 * this file through a grant bundling both; every grant touching the file, saying whether the actor
 * can open and manage it; and whether the actor may manage access here under the firm policy, with
 * the reason when not. Files the actor may not read are never named.
 */
export async function getFileAccess(
  work: StaffWork,
  fileId: string,
  language: Language,
): Promise<FileAccessView> {
  const standing = await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const firm = await loadFirmForGrants(work.tx);
  const grantRows = await listGrantsOfFile(work.tx, fileId);
  const ids = grantRows.map((g) => g.id);
  const files = await listGrantFiles(work.tx, ids);
  // Every grant reaching the file counts for who has access, even one the actor cannot open.
  const granteeRows = await listGrantees(work.tx, ids);
  const standings = await loadFileStandings(work.tx, [
    ...files.map((f) => f.id),
    ...granteeRows.flatMap((g) => (g.personFileId ? [g.personFileId] : [])),
  ]);
  const readable = (id: string) => {
    const s = standings.get(id);
    return s !== undefined && staffCanOnFile(work.actor, "client_file.read", s);
  };
  const entries = granteeRows.map((g) => presentGranteeFor(g, work.audit.at, readable));
  const people = await listPersonsOfFile(work.tx, fileId);
  const fileRefusal = managementRefusal(work.actor, [standing], firm);
  return {
    clientFileId: fileId,
    persons: people.filter((p) => p.role !== "external_advisor").map((p) => presentPerson(p, entries)),
    externalAdvisors: people
      .filter((p) => p.role === "external_advisor")
      .map((p) => presentPerson(p, entries)),
    outsiders: entries.filter((g) => g.personId === null),
    fromOtherFiles: entries.filter((g) => g.personId !== null && g.clientFileId !== fileId),
    grants: grantRows.map((g) =>
      presentTouchingGrant(
        work,
        g,
        files,
        granteeRows,
        (id) => standings.get(id),
        firm,
        fileRefusal ? null : language,
      ),
    ),
    management: presentManagement(fileRefusal, language),
  };
}
