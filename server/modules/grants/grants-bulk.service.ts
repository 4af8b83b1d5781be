import { getTableColumns } from "drizzle-orm";
import type { PersonRole } from "../../../contracts/clients.js";
import {
  type AccessLevel,
  defaultGrantSettings,
  type Grantee,
  type GrantSettingsPatch,
} from "../../../contracts/grants.js";
import { insertRows } from "../../platform/db/insert-rows.js";
import { newId } from "../../platform/ids.js";
import { externalAdvisorRefusal } from "../access/grant-management.policy.js";
import { staffCanOnFile } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { type AuditEvent, recordAudits } from "../audit/audit.service.js";
import { FieldProblems } from "../records/records.validation.js";
import { managementRefusal } from "./grant-guard.js";
import { findGrantProfile } from "./grant-profiles.queries.js";
import { ensureDefaultProfiles } from "./grant-profiles.service.js";
import { checkSettingsPatch, type FirmForGrants, mergeSettings } from "./grant-settings.js";
import { presentGrantee, settingsOf } from "./grants.presenter.js";
import { firmOf, type GranteeRow, loadFileStandings } from "./grants.queries.js";
import { grantees, grantFiles, grants } from "./grants.tables.js";

/** One grant to create over `fileIds`, shared with `personId`, a person of one of those files. */
export interface GrantWithGranteeRequest {
  name: string;
  profileId: string | undefined;
  fileIds: readonly string[];
  personId: string;
}

/** What became of a request: the grant and its grantee, or why the actor may not (nothing written). */
export type GrantWithGranteeOutcome =
  | { grantId: string; grantee: GranteeRow }
  | { refusal: "not_found" | "not_allowed" };

// Every column of a grantee: the audit presents the stored row.
const granteeColumns = Object.keys(getTableColumns(grantees)) as Array<keyof typeof grantees.$inferSelect>;

interface FileFacts {
  id: string;
  display_name: string;
  number: string;
}

interface PersonFacts {
  id: string;
  client_file_id: string;
  role: string;
  first_name: string;
  last_name: string;
  email: string | null;
}

/**
 * createGrant followed by addGrantee for many grants at once (a bulk invitation's chunk), with the
 * same decisions — the actor must see every file and may manage access on each (the access module's
 * rules), the person must belong to the grant's files — and the same rows and audit entries, written
 * in a few multi-row statements. Invalid settings or an unknown profile throw as createGrant does.
 */
export async function createGrantsWithGrantees(
  work: StaffWork,
  firm: FirmForGrants,
  requests: readonly GrantWithGranteeRequest[],
  settings: GrantSettingsPatch,
): Promise<GrantWithGranteeOutcome[]> {
  if (requests.length === 0) return [];
  const firmId = firmOf(work.tx);
  const at = work.audit.at;
  await ensureDefaultProfiles(work);
  const problems = new FieldProblems();
  const profiles = new Map<string, Awaited<ReturnType<typeof findGrantProfile>>>();
  for (const profileId of new Set(requests.map((r) => r.profileId)))
    if (profileId) profiles.set(profileId, await findGrantProfile(work.tx, profileId));
  if ([...profiles.values()].some((p) => !p)) problems.add("profileId", "grants.profile_unknown");
  await checkSettingsPatch(work.tx, settings, problems);
  problems.throwIfAny();

  const fileIds = [...new Set(requests.flatMap((r) => r.fileIds))];
  const standings = await loadFileStandings(work.tx, fileIds);
  // In the order the grant editor lists files (by name, then id), so the audit keeps the same fileIds.
  const files = await work.tx.client.query<FileFacts>(
    `select id, display_name, number from client_files where firm_id = $1 and id = any($2::uuid[])
      order by display_name, id`,
    [firmId, fileIds],
  );
  const fileRank = new Map(files.rows.map((f, index) => [f.id, index]));
  const fileById = new Map(files.rows.map((f) => [f.id, f]));
  const people = await work.tx.client.query<PersonFacts>(
    `select id, client_file_id, role, first_name, last_name, email from persons
      where firm_id = $1 and id = any($2::uuid[])`,
    [firmId, [...new Set(requests.map((r) => r.personId))]],
  );
  const personById = new Map(people.rows.map((p) => [p.id, p]));

  const grantRows: Array<typeof grants.$inferInsert> = [];
  const granteeRows: Array<typeof grantees.$inferInsert> = [];
  const made: Array<{ index: number; grantName: string; person: PersonFacts; file: FileFacts }> = [];
  const audits: AuditEvent[] = [];
  const outcomes = requests.map((request, index): GrantWithGranteeOutcome => {
    const unique = [...new Set(request.fileIds)];
    const standingsOf = unique.map((id) => standings.get(id));
    // assertFilesAllowed's decisions: a file the actor may not read is "not found", then the policy.
    if (standingsOf.some((s) => !s || !staffCanOnFile(work.actor, "client_file.read", s)))
      return { refusal: "not_found" };
    if (managementRefusal(work.actor, standingsOf as NonNullable<(typeof standingsOf)[number]>[], firm))
      return { refusal: "not_allowed" };
    const person = personById.get(request.personId);
    const file =
      person && unique.includes(person.client_file_id) ? fileById.get(person.client_file_id) : null;
    if (!person || !file || externalAdvisorRefusal("staff", person.role as PersonRole))
      return { refusal: "not_allowed" };
    const profile = request.profileId ? profiles.get(request.profileId) : undefined;
    const grantId = newId(at.getTime());
    const grant = {
      firmId,
      id: grantId,
      name: request.name,
      profileId: profile?.id ?? null,
      defaultAccess: (profile?.defaultAccess as AccessLevel | undefined) ?? "read",
      ...mergeSettings(profile ? settingsOf(profile) : defaultGrantSettings, settings),
      createdAt: at,
      updatedAt: at,
    };
    grantRows.push(grant);
    made.push({ index, grantName: request.name, person, file });
    granteeRows.push({
      firmId,
      id: newId(at.getTime()),
      grantId,
      personId: person.id,
      email: person.email?.trim().toLowerCase() ?? null,
      name: `${person.first_name} ${person.last_name}`,
      access: grant.defaultAccess,
      isPrimaryContact: false,
      expiresAt: null,
      status: "pending",
      createdAt: at,
      updatedAt: at,
    });
    const { firmId: _firm, createdAt: _created, updatedAt: _updated, ...stored } = grant;
    audits.push({
      entityType: "grant",
      action: "grant.create",
      entityId: grantId,
      before: null,
      after: {
        id: grantId,
        name: stored.name,
        profileId: stored.profileId,
        defaultAccess: stored.defaultAccess,
        settings: settingsOf(stored),
        fileIds: unique.sort((a, b) => (fileRank.get(a) ?? 0) - (fileRank.get(b) ?? 0)),
        manualContractIds: [],
      },
    });
    return { refusal: "not_allowed" };
  });
  if (grantRows.length === 0) return outcomes;

  await insertRows(work.tx, grants, grantRows);
  await insertRows(
    work.tx,
    grantFiles,
    grantRows.flatMap((g, i) =>
      [...new Set(requests[made[i]?.index ?? 0]?.fileIds ?? [])].map((clientFileId) => ({
        firmId,
        grantId: g.id as string,
        clientFileId,
      })),
    ),
  );
  const inserted = await insertRows(work.tx, grantees, granteeRows, granteeColumns);
  const madeOf = new Map(granteeRows.map((g, i) => [g.id as string, made[i] as (typeof made)[number]]));
  const granteeAudits = new Map<string, AuditEvent>();
  for (const row of inserted) {
    const { index, grantName, person, file } = madeOf.get(row.id) as (typeof made)[number];
    const grantee: GranteeRow = {
      ...row,
      grantName,
      personRole: person.role,
      personFileId: file.id,
      personFileName: file.display_name,
      personFileNumber: file.number,
    };
    outcomes[index] = { grantId: row.grantId, grantee };
    const after: Grantee = presentGrantee(grantee, at);
    granteeAudits.set(row.grantId, {
      entityType: "grantee",
      action: "grantee.create",
      entityId: row.id,
      clientFileId: after.clientFileId,
      before: null,
      after,
    });
  }
  // Each grant's entry before its grantee's, as createGrant and addGrantee write them one after the other.
  await recordAudits(
    work.tx,
    work.audit,
    audits.flatMap((a) => [a, granteeAudits.get(a.entityId as string) as AuditEvent]),
  );
  return outcomes;
}
