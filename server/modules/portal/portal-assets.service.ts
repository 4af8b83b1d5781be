import type { PortalAsset } from "../../../contracts/portal.js";
import type { AssetInput, AssetUpdate } from "../../../contracts/records.js";
import type { PortalWork } from "../access/portal-scope.js";
import { presentAsset } from "../records/assets.presenter.js";
import {
  type AssetRow,
  deleteAssetRow,
  findAssetRow,
  insertAsset,
  updateAssetRow,
} from "../records/assets.queries.js";
import { assetValuesOf, newAssetRow } from "../records/assets.rules.js";
import { FieldProblems } from "../records/records.validation.js";
import { presentPortalAsset } from "./portal.presenter.js";
import { listShownAssets } from "./portal-lists.queries.js";
import {
  createPortalRecord,
  deletePortalRecord,
  type PortalRecordStore,
  updatePortalRecord,
} from "./portal-record-writes.js";

// PORTAL-8: a read_write grantee whose role allows it adds, changes and removes assets of the file.
// Validation is the back office's (same schemas and checks); the audit marks the change as the client's.

const assetStore: PortalRecordStore<AssetRow, PortalAsset> = {
  kind: "asset",
  find: findAssetRow,
  remove: deleteAssetRow,
  auditState: presentAsset,
  presentShown: async (tx, access, editIds, id) => {
    const [row] = await listShownAssets(tx, access, editIds, id);
    return row && presentPortalAsset(row);
  },
};

/** Adds an asset to the file from the portal (audited as the client's). */
export function createPortalAsset(work: PortalWork, fileId: string, input: AssetInput) {
  return createPortalRecord(work, fileId, assetStore, async (_access, id) => {
    const problems = new FieldProblems();
    const row = newAssetRow(input, { firmId: work.firmId, clientFileId: fileId, id, at: work.now }, problems);
    problems.throwIfAny();
    await insertAsset(work.tx, row);
  });
}

/** Changes an asset the viewer may change (audited with before and after). */
export function updatePortalAsset(work: PortalWork, fileId: string, id: string, patch: AssetUpdate) {
  return updatePortalRecord(work, fileId, id, assetStore, async (_access, row) => {
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
  });
}

/** Removes an asset the viewer may change (audited). */
export function deletePortalAsset(work: PortalWork, fileId: string, id: string) {
  return deletePortalRecord(work, fileId, id, assetStore);
}
