import { AppError } from "../../platform/errors.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import { assertMayManageAccess } from "../access/grant-management.policy.js";
import { staffCanOnFile } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { type FirmForGrants, loadFirmForGrants } from "./grant-settings.js";
import { findGrant, type GrantFileRow, type GrantRow, listGrantFiles } from "./grants.queries.js";

/** A grant the staff member may work on, with its files and the firm's policies. */
export interface GuardedGrant {
  grant: GrantRow;
  files: GrantFileRow[];
  firm: FirmForGrants;
}

/**
 * Checks that the actor may act on every file in `fileIds`: first that they may read them all (a file
 * of another firm or one the actor may not see answers 404, before any 403 could reveal it), then with
 * `manage` that the firm policy `accessManagedBy` lets them manage portal access on each (403 naming
 * the policy).
 */
export async function assertFilesAllowed(
  work: StaffWork,
  fileIds: readonly string[],
  mode: "read" | "manage",
  firm: FirmForGrants,
): Promise<void> {
  const standings = [];
  for (const fileId of new Set(fileIds))
    standings.push(await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId));
  if (mode === "manage")
    for (const standing of standings) {
      if (!staffCanOnFile(work.actor, "client_file.edit", standing))
        throw new AppError("forbidden", "errors.not_on_file");
      assertMayManageAccess(work.actor, standing, firm.policies.accessManagedBy);
    }
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
  await assertFilesAllowed(
    work,
    files.map((f) => f.id),
    mode,
    firm,
  );
  return { grant, files, firm };
}
