import { and, eq } from "drizzle-orm";
import type { Language } from "../../../contracts/common.js";
import {
  type AccessLevel,
  type CreateGrant,
  defaultGrantSettings,
  type GrantDetail,
  type GrantSummary,
  type UpdateGrant,
} from "../../../contracts/grants.js";
import type { ContractCategory } from "../../../contracts/records.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import { assertWithdrawalAllowed } from "../access/grant-management.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { FieldProblems } from "../records/records.validation.js";
import {
  assertFilesAllowed,
  type GuardedGrant,
  loadGuardedGrant,
  managementRefusal,
  presentManagement,
  readableFileIds,
} from "./grant-guard.js";
import { findGrantProfile } from "./grant-profiles.queries.js";
import { ensureDefaultProfiles } from "./grant-profiles.service.js";
import { checkSettingsPatch, loadFirmForGrants, mergeSettings } from "./grant-settings.js";
import { type GranteeMailDeps, queueAccessChangedMail } from "./grantee-mail.js";
import {
  granteeRole,
  granteeStatus,
  presentGranteeFor,
  presentGrantSummary,
  settingsOf,
} from "./grants.presenter.js";
import {
  contractsOfFiles,
  findProfileName,
  firmOf,
  listGrantees,
  listGrantFiles,
  listManualContracts,
  listVisibleGrants,
  replaceGrantContracts,
  replaceGrantFiles,
} from "./grants.queries.js";
import { grants } from "./grants.tables.js";

const audited = { entityType: "grant" } as const;

/** The outcome of a change: the answer, and the accounts whose sessions may have to end (after commit). */
export interface GrantOutcome<T> {
  result: T;
  accountsLosingAccess: string[];
}

/** The grants the actor can see (every bundled file visible to them), optionally those bundling one file. */
export async function listGrants(work: StaffWork, clientFileId?: string): Promise<GrantSummary[]> {
  if (clientFileId) await assertCanOnFile(work.tx, work.actor, "client_file.read", clientFileId);
  const rows = await listVisibleGrants(work.tx, work.actor, clientFileId);
  const ids = rows.map((g) => g.id);
  const [files, granteeRows] = [await listGrantFiles(work.tx, ids), await listGrantees(work.tx, ids)];
  return rows.map((g) => presentGrantSummary(g, files, granteeRows, work.audit.at));
}

/**
 * A guarded grant → the editor's detail: settings, files, manual contracts, grantees with status now,
 * the profile it started from, and whether the actor may manage it (the editor is read-only if not).
 */
export async function presentDetail(
  work: StaffWork,
  guarded: GuardedGrant,
  language: Language,
): Promise<GrantDetail> {
  const { grant, files } = guarded;
  const granteeRows = await listGrantees(work.tx, [grant.id]);
  const manual = await listManualContracts(work.tx, grant.id);
  const bundled = new Set(files.map((f) => f.id));
  // A revoked grantee may belong to a file the grant no longer bundles: name it only if readable.
  const others = granteeRows.flatMap((g) =>
    g.personFileId && !bundled.has(g.personFileId) ? [g.personFileId] : [],
  );
  const readable = others.length ? await readableFileIds(work, others) : new Set<string>();
  const profile = await findProfileName(work.tx, grant.profileId);
  return {
    ...presentGrantSummary(grant, files, granteeRows, work.audit.at),
    profile: profile ?? null,
    management: presentManagement(managementRefusal(work.actor, guarded.standings, guarded.firm), language),
    settings: settingsOf(grant),
    manualContracts: manual.map((c) => ({ ...c, category: c.category as ContractCategory })),
    grantees: granteeRows.map((g) =>
      presentGranteeFor(g, work.audit.at, (fileId) => bundled.has(fileId) || readable.has(fileId)),
    ),
  };
}

/** One grant with everything the editor shows; 404 unless the actor sees every bundled file. */
export async function getGrant(work: StaffWork, id: string, language: Language): Promise<GrantDetail> {
  return presentDetail(work, await loadGuardedGrant(work, id, "read"), language);
}

async function checkManualContracts(
  work: StaffWork,
  contractIds: readonly string[],
  fileIds: readonly string[],
  field: string,
  problems: FieldProblems,
) {
  const known = await contractsOfFiles(work.tx, contractIds, fileIds);
  if (contractIds.some((id) => !known.has(id))) problems.add(field, "grants.contract_not_in_grant");
}

/**
 * Creates a grant over `fileIds` (GRANT-1): the actor must see every file and be allowed by the firm
 * policy to manage access on each. Settings start from the profile (or the defaults) and take the
 * fields sent over them; the grant remembers the profile and takes its default access for new
 * grantees (GRANT-10). Audited.
 */
export async function createGrant(
  work: StaffWork,
  input: CreateGrant,
  language: Language,
): Promise<GrantDetail> {
  await ensureDefaultProfiles(work);
  const firm = await loadFirmForGrants(work.tx);
  const fileIds = [...new Set(input.fileIds)];
  await assertFilesAllowed(work, fileIds, "manage", firm);
  const problems = new FieldProblems();
  let base = defaultGrantSettings;
  let profileAccess: AccessLevel = "read";
  const profile = input.profileId ? await findGrantProfile(work.tx, input.profileId) : undefined;
  if (profile) {
    base = settingsOf(profile);
    profileAccess = profile.defaultAccess as AccessLevel;
  } else if (input.profileId) problems.add("profileId", "grants.profile_unknown");
  await checkSettingsPatch(work.tx, input.settings, problems);
  const manualIds = [...new Set(input.manualContractIds ?? [])];
  await checkManualContracts(work, manualIds, fileIds, "manualContractIds", problems);
  problems.throwIfAny();
  const id = newId(work.audit.at.getTime());
  await work.tx.db.insert(grants).values({
    firmId: firmOf(work.tx),
    id,
    name: input.name,
    profileId: profile?.id ?? null,
    defaultAccess: input.defaultAccess ?? profileAccess,
    ...mergeSettings(base, input.settings),
    createdAt: work.audit.at,
    updatedAt: work.audit.at,
  });
  await replaceGrantFiles(work.tx, id, fileIds);
  await replaceGrantContracts(work.tx, id, manualIds);
  const after = await presentDetail(work, await loadGuardedGrant(work, id, "read"), language);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "grant.create",
    entityId: id,
    before: null,
    after: auditShape(after),
  });
  return after;
}

/** What the audit keeps of a grant: its settings and composition, not the grantees' presentation. */
function auditShape(detail: GrantDetail) {
  return {
    id: detail.id,
    name: detail.name,
    profileId: detail.profile?.id ?? null,
    defaultAccess: detail.defaultAccess,
    settings: detail.settings,
    fileIds: detail.files.map((f) => f.id),
    manualContractIds: detail.manualContracts.map((c) => c.id),
  };
}

/** Renames a grant, changes its default access for new grantees and settings (only those sent); audited. */
export async function updateGrant(
  work: StaffWork,
  id: string,
  input: UpdateGrant,
  language: Language,
): Promise<GrantDetail> {
  const guarded = await loadGuardedGrant(work, id, "manage");
  const problems = new FieldProblems();
  await checkSettingsPatch(work.tx, input.settings, problems);
  problems.throwIfAny();
  const before = await presentDetail(work, guarded, language);
  await work.tx.db
    .update(grants)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.defaultAccess !== undefined ? { defaultAccess: input.defaultAccess } : {}),
      ...mergeSettings(before.settings, input.settings),
      updatedAt: work.audit.at,
    })
    .where(and(eq(grants.firmId, firmOf(work.tx)), eq(grants.id, id)));
  const after = await presentDetail(work, await loadGuardedGrant(work, id, "read"), language);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "grant.update",
    entityId: id,
    before: auditShape(before),
    after: auditShape(after),
  });
  return after;
}

/**
 * Deletes a grant with its grantees (audited). With `holdersAccessIrrevocable`, a grant through which
 * a holder or co-holder has access cannot be deleted (409 naming the policy). Grantees with an account
 * whose access this ends are told by mail; their sessions end after commit if nothing else is left.
 */
export async function deleteGrant(
  work: StaffWork,
  deps: GranteeMailDeps,
  id: string,
): Promise<GrantOutcome<null>> {
  const guarded = await loadGuardedGrant(work, id, "manage");
  const granteeRows = await listGrantees(work.tx, [id]);
  const live = granteeRows.filter((g) => g.status !== "revoked");
  for (const g of live) assertWithdrawalAllowed(guarded.firm.policies, granteeRole(g), "remove");
  // Only for the audit, which keeps no translated text.
  const before = await presentDetail(work, guarded, "en");
  const losing = live.filter((g) => g.accountId && granteeStatus(g, work.audit.at) === "active");
  for (const g of losing) await queueAccessChangedMail(work.tx, deps, guarded.firm, g, [{ kind: "ended" }]);
  await work.tx.db.delete(grants).where(and(eq(grants.firmId, firmOf(work.tx)), eq(grants.id, id)));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "grant.delete",
    entityId: id,
    before: { ...auditShape(before), granteeIds: granteeRows.map((g) => g.id) },
    after: null,
  });
  return { result: null, accountsLosingAccess: losing.map((g) => g.accountId as string) };
}

/**
 * Sets the files a grant bundles (GRANT-1): the actor must be allowed to manage access on the files
 * it bundles now and on every file it will bundle. A file whose persons still have (unrevoked) access
 * through this grant cannot be removed (409): their access would silently point at nothing. Manual
 * contracts of removed files leave the list. Audited.
 */
export async function setGrantFiles(
  work: StaffWork,
  id: string,
  fileIds: string[],
  language: Language,
): Promise<GrantDetail> {
  const guarded = await loadGuardedGrant(work, id, "manage");
  const next = [...new Set(fileIds)];
  await assertFilesAllowed(work, next, "manage", guarded.firm);
  const removed = new Set(guarded.files.map((f) => f.id).filter((f) => !next.includes(f)));
  const stranded = (await listGrantees(work.tx, [id])).filter(
    (g) => g.personFileId !== null && removed.has(g.personFileId) && g.status !== "revoked",
  );
  if (stranded.length > 0)
    throw new AppError(
      "conflict",
      "grants.file_has_grantees",
      {},
      {
        fields: [{ field: "fileIds", message: "grants.file_has_grantees" }],
        granteeIds: stranded.map((g) => g.id),
      },
    );
  const before = await presentDetail(work, guarded, language);
  await replaceGrantFiles(work.tx, id, next);
  const keptContracts = await contractsOfFiles(
    work.tx,
    before.manualContracts.map((c) => c.id),
    next,
  );
  await replaceGrantContracts(work.tx, id, [...keptContracts]);
  await touchGrant(work, id);
  const after = await presentDetail(work, await loadGuardedGrant(work, id, "read"), language);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "grant.files",
    entityId: id,
    before: auditShape(before),
    after: auditShape(after),
  });
  return after;
}

/** Sets the manual contract list: contracts of bundled files only (else 400 naming `contractIds`). Audited. */
export async function setGrantContracts(
  work: StaffWork,
  id: string,
  contractIds: string[],
  language: Language,
): Promise<GrantDetail> {
  const guarded = await loadGuardedGrant(work, id, "manage");
  const next = [...new Set(contractIds)];
  const problems = new FieldProblems();
  await checkManualContracts(
    work,
    next,
    guarded.files.map((f) => f.id),
    "contractIds",
    problems,
  );
  problems.throwIfAny();
  const before = await presentDetail(work, guarded, language);
  await replaceGrantContracts(work.tx, id, next);
  await touchGrant(work, id);
  const after = await presentDetail(work, await loadGuardedGrant(work, id, "read"), language);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "grant.contracts",
    entityId: id,
    before: auditShape(before),
    after: auditShape(after),
  });
  return after;
}

async function touchGrant(work: StaffWork, id: string) {
  await work.tx.db
    .update(grants)
    .set({ updatedAt: work.audit.at })
    .where(and(eq(grants.firmId, firmOf(work.tx)), eq(grants.id, id)));
}
