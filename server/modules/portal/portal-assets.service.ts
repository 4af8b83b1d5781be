import type { PortalAsset } from "../../../contracts/portal.js";
import type { AssetInput, AssetUpdate } from "../../../contracts/records.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { FileAccess } from "../access/portal-access.js";
import {
  assertStillChangeable,
  editGrantIds,
  requireChangeable,
  requireCreatable,
} from "../access/portal-edits.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { presentAsset } from "../records/assets.presenter.js";
import { deleteAssetRow, findAssetRow, insertAsset, updateAssetRow } from "../records/assets.queries.js";
import { assetValuesOf } from "../records/assets.rules.js";
import { FieldProblems } from "../records/records.validation.js";
import { presentPortalAsset } from "./portal.presenter.js";
import { listShownAssets } from "./portal-lists.queries.js";

// PORTAL-8: a read_write grantee whose role allows it adds, changes and removes assets of the file.
// Validation is the back office's (same schemas and checks); the audit marks the change as the client's.

const audited = { entityType: "asset" } as const;

async function loadRow(work: PortalWork, fileId: string, id: string) {
  const row = await findAssetRow(work.tx, work.firmId, fileId, id);
  if (!row) throw new AppError("not_found");
  return row;
}

async function presentShown(work: PortalWork, access: FileAccess, id: string): Promise<PortalAsset> {
  const [row] = await listShownAssets(work.tx, access, editGrantIds(access, "asset"), id);
  if (!row) throw new AppError("not_found");
  return presentPortalAsset(row);
}

/** Adds an asset to the file from the portal (audited as the client's). */
export async function createPortalAsset(work: PortalWork, fileId: string, input: AssetInput) {
  const access = await requirePortalFile(work, fileId);
  requireCreatable(access, "asset");
  const problems = new FieldProblems();
  const changed = assetValuesOf(input, problems);
  problems.throwIfAny();
  const id = newId(work.now.getTime());
  await insertAsset(work.tx, {
    firmId: work.firmId,
    id,
    clientFileId: fileId,
    kind: input.kind,
    description: input.description,
    value: changed.value ?? "0.00",
    currency: input.currency ?? "EUR",
    valuationDate: input.valuationDate ?? null,
    createdAt: work.now,
    updatedAt: work.now,
  });
  await assertStillChangeable(work.tx, access, "asset", id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "portal.asset.create",
    entityId: id,
    clientFileId: fileId,
    before: null,
    after: presentAsset(await loadRow(work, fileId, id)),
  });
  return presentShown(work, access, id);
}

/** Changes an asset the viewer may change (audited with before and after). */
export async function updatePortalAsset(work: PortalWork, fileId: string, id: string, patch: AssetUpdate) {
  const access = await requirePortalFile(work, fileId);
  await requireChangeable(work.tx, access, "asset", id);
  const row = await loadRow(work, fileId, id);
  const problems = new FieldProblems();
  const changed = assetValuesOf(patch, problems);
  problems.throwIfAny();
  await updateAssetRow(work.tx, work.firmId, id, {
    kind: row.kind,
    description: row.description,
    value: row.value,
    currency: row.currency,
    valuationDate: row.valuationDate,
    ...changed,
    updatedAt: work.now,
  });
  await assertStillChangeable(work.tx, access, "asset", id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "portal.asset.update",
    entityId: id,
    clientFileId: fileId,
    before: presentAsset(row),
    after: presentAsset(await loadRow(work, fileId, id)),
  });
  return presentShown(work, access, id);
}

/** Removes an asset the viewer may change (audited). */
export async function deletePortalAsset(work: PortalWork, fileId: string, id: string) {
  const access = await requirePortalFile(work, fileId);
  await requireChangeable(work.tx, access, "asset", id);
  const row = await loadRow(work, fileId, id);
  await deleteAssetRow(work.tx, work.firmId, id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "portal.asset.delete",
    entityId: id,
    clientFileId: fileId,
    before: presentAsset(row),
    after: null,
  });
}
