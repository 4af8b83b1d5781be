import type { Language } from "../../../contracts/common.js";
import type { CreateImportQuery } from "../../../contracts/imports.js";
import type { AppDeps } from "../../deps.js";
import { actorOfApiKey } from "../access/api-keys.js";
import type { StaffWork } from "../access/staff-scope.js";
import type { ApiKeyWork } from "../api-keys/api-key-scope.js";
import { getImport, previewImport, startImport } from "../imports/imports.service.js";
import { recordSyncBatch } from "./sync-audit.js";

const asStaff = (work: ApiKeyWork): StaffWork => ({
  tx: work.tx,
  actor: actorOfApiKey(work.key),
  audit: work.audit,
});

/**
 * POST /api/sync/v1/imports: a CSV file through the imports service, read and started at once (no
 * preview step for a machine); a file that cannot run is refused naming its missing columns.
 */
export async function startSyncImport(
  deps: AppDeps,
  work: ApiKeyWork,
  query: CreateImportQuery,
  body: unknown,
  language: Language,
) {
  const staff = asStaff(work);
  const preview = await previewImport(deps, staff, query, body, language);
  await startImport(deps, staff, preview.id);
  await recordSyncBatch(
    work,
    query.kind,
    { importId: preview.id, totalRows: preview.totalRows },
    "sync.import",
  );
  return getImport(staff, preview.id, language);
}

/** GET /api/sync/v1/imports/:id: an import's progress, counts and row errors (the firm's imports only). */
export function getSyncImport(work: ApiKeyWork, id: string, language: Language) {
  return getImport(asStaff(work), id, language);
}
