import type { Language } from "../../../contracts/common.js";
import type { AccessManagement } from "../../../contracts/grants.js";
import { AppError } from "../../platform/errors.js";
import { translate } from "../../platform/i18n/translate.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import {
  accessManagementRefusal,
  assertMayManageAccess,
  externalAdvisorRefusal,
} from "../access/grant-management.policy.js";
import { type FileStanding, type StaffActor, staffCanOnFile } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { type FirmForGrants, loadFirmForGrants } from "./grant-settings.js";
import {
  findGrant,
  type GrantFileRow,
  type GrantRow,
  listGrantFiles,
  loadFileStandings,
} from "./grants.queries.js";

/** A grant the staff member may work on, with its files, how they stand to each, and the firm's policies. */
export interface GuardedGrant {
  grant: GrantRow;
  files: GrantFileRow[];
  standings: FileStanding[];
  firm: FirmForGrants;
}

/**
 * Checks that the actor may act on every file in `fileIds`: first that they may read them all (a file
 * of another firm or one the actor may not see answers 404, before any 403 could reveal it), then with
 * `manage` that the firm policy `accessManagedBy` lets them manage portal access on each (403 naming
 * the policy). Answers how the actor stands to each file.
 */
export async function assertFilesAllowed(
  work: StaffWork,
  fileIds: readonly string[],
  mode: "read" | "manage",
  firm: FirmForGrants,
): Promise<FileStanding[]> {
  const standings: FileStanding[] = [];
  for (const fileId of new Set(fileIds))
    standings.push(await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId));
  if (mode === "manage")
    for (const standing of standings) {
      if (!staffCanOnFile(work.actor, "client_file.edit", standing))
        throw new AppError("forbidden", "errors.not_on_file");
      assertMayManageAccess(work.actor, standing, firm.policies.accessManagedBy);
    }
  return standings;
}

/**
 * Why the actor may not manage access on all of these files (null = may): the same rules
 * assertFilesAllowed enforces with `manage`, asked instead of enforced so the UI can say so up front.
 */
export function managementRefusal(
  actor: StaffActor,
  standings: readonly FileStanding[],
  firm: FirmForGrants,
): string | null {
  for (const standing of standings) {
    if (!staffCanOnFile(actor, "client_file.edit", standing)) return "errors.not_on_file";
    const refusal = accessManagementRefusal(actor, standing, firm.policies.accessManagedBy);
    if (refusal) return refusal;
  }
  return null;
}

/** A management refusal → what the API says: allowed or why not (translated), and advisors allowed. */
export function presentManagement(refusal: string | null, language: Language): AccessManagement {
  return {
    allowed: refusal === null,
    reason: refusal,
    message: refusal ? translate(language, refusal) : null,
    // Staff who may manage access may add advisors (seed 003); the policy says so, not this module.
    mayAddExternalAdvisors: refusal === null && externalAdvisorRefusal("staff", "external_advisor") === null,
  };
}

/**
 * Loads a grant for the actor: 404 when it is not the firm's or bundles a file the actor may not see
 * (a grant is only as visible as its least visible file); with `manage`, 403 unless the firm policy
 * lets the actor manage access on every bundled file.
 */
export async function loadGuardedGrant(
  work: StaffWork,
  grantId: string,
  mode: "read" | "manage",
): Promise<GuardedGrant> {
  const grant = await findGrant(work.tx, grantId);
  if (!grant) throw new AppError("not_found");
  const files = await listGrantFiles(work.tx, [grant.id]);
  const firm = await loadFirmForGrants(work.tx);
  const standings = await assertFilesAllowed(
    work,
    files.map((f) => f.id),
    mode,
    firm,
  );
  return { grant, files, standings, firm };
}

/** Among `fileIds`, those the actor may open, by the staff rules: one query, however many files. */
export async function readableFileIds(work: StaffWork, fileIds: readonly string[]): Promise<Set<string>> {
  const standings = await loadFileStandings(work.tx, fileIds);
  const readable = [...standings].filter(([, s]) => staffCanOnFile(work.actor, "client_file.read", s));
  return new Set(readable.map(([id]) => id));
}
