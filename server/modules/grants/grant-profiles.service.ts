import {
  type AccessLevel,
  type CreateGrantProfile,
  defaultGrantSettings,
  type GrantProfile,
  type UpdateGrantProfile,
} from "../../../contracts/grants.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { assertStaffCan } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { FieldProblems } from "../records/records.validation.js";
import {
  deleteGrantProfileRow,
  findGrantProfile,
  type GrantProfileRow,
  insertDefaultGrantProfiles,
  insertGrantProfile,
  listGrantProfiles,
  updateGrantProfileRow,
} from "./grant-profiles.queries.js";
import { checkSettingsPatch, mergeSettings } from "./grant-settings.js";
import { settingsOf } from "./grants.presenter.js";
import { firmOf } from "./grants.queries.js";

const audited = { entityType: "grant_profile" } as const;

/** A profile row → the API's profile. */
export function presentGrantProfile(row: GrantProfileRow): GrantProfile {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    isDefault: row.key !== null,
    defaultAccess: row.defaultAccess as AccessLevel,
    settings: settingsOf(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Makes sure the firm has its starting profiles (firms older than profiles get them now). */
export async function ensureDefaultProfiles(work: StaffWork): Promise<void> {
  await insertDefaultGrantProfiles(work.tx, work.actor.staff.firmLanguage);
}

/** The firm's grant profiles, for every staff member (grants start from them). */
export async function listProfiles(work: StaffWork): Promise<GrantProfile[]> {
  await ensureDefaultProfiles(work);
  return (await listGrantProfiles(work.tx)).map(presentGrantProfile);
}

/** One profile of the firm, or 404. */
export async function loadProfile(work: StaffWork, id: string): Promise<GrantProfileRow> {
  const row = await findGrantProfile(work.tx, id);
  if (!row) throw new AppError("not_found");
  return row;
}

/** Adds a profile (administrators: profiles are firm-wide settings), audited. */
export async function createProfile(work: StaffWork, input: CreateGrantProfile): Promise<GrantProfile> {
  assertStaffCan(work.actor, "settings.manage");
  const problems = new FieldProblems();
  await checkSettingsPatch(work.tx, input.settings, problems);
  problems.throwIfAny();
  const id = newId(work.audit.at.getTime());
  await insertGrantProfile(work.tx, {
    firmId: firmOf(work.tx),
    id,
    key: null,
    name: input.name,
    defaultAccess: input.defaultAccess ?? "read",
    ...mergeSettings(defaultGrantSettings, input.settings),
    createdAt: work.audit.at,
    updatedAt: work.audit.at,
  });
  const after = presentGrantProfile(await loadProfile(work, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "grant_profile.create",
    entityId: id,
    before: null,
    after,
  });
  return after;
}

/** Changes a profile (administrators), audited; grants made from it keep their own settings. */
export async function updateProfile(
  work: StaffWork,
  id: string,
  input: UpdateGrantProfile,
): Promise<GrantProfile> {
  assertStaffCan(work.actor, "settings.manage");
  const row = await loadProfile(work, id);
  const problems = new FieldProblems();
  await checkSettingsPatch(work.tx, input.settings, problems);
  problems.throwIfAny();
  const before = presentGrantProfile(row);
  await updateGrantProfileRow(work.tx, id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.defaultAccess !== undefined ? { defaultAccess: input.defaultAccess } : {}),
    ...mergeSettings(before.settings, input.settings),
    updatedAt: work.audit.at,
  });
  const after = presentGrantProfile(await loadProfile(work, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "grant_profile.update",
    entityId: id,
    before,
    after,
  });
  return after;
}

/**
 * Deletes one of the firm's own profiles (administrators), audited. The starting profiles can be
 * changed but not deleted: every firm keeps them (and they would be written again on the next list).
 */
export async function deleteProfile(work: StaffWork, id: string): Promise<void> {
  assertStaffCan(work.actor, "settings.manage");
  const row = await loadProfile(work, id);
  if (row.key !== null) throw new AppError("conflict", "grants.profile_is_default");
  await deleteGrantProfileRow(work.tx, id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "grant_profile.delete",
    entityId: id,
    before: presentGrantProfile(row),
    after: null,
  });
}
