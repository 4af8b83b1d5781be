import type { AssetInput, AssetUpdate } from "../../../contracts/records.js";
import { newId } from "../../platform/ids.js";
import { assertCanOnFile } from "../access/client-files.access.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { presentAsset } from "./assets.presenter.js";
import {
  type AssetValues,
  assetTotals,
  deleteAssetRow,
  findAssetRow,
  insertAsset,
  listAssetRows,
  updateAssetRow,
} from "./assets.queries.js";
import { assetValuesOf, newAssetRow } from "./assets.rules.js";
import { firmOf, recordNotFound } from "./records.scope.js";
import { FieldProblems } from "./records.validation.js";

const audited = { entityType: "asset" } as const;

async function loadAsset(work: StaffWork, fileId: string, id: string) {
  const row = await findAssetRow(work.tx, firmOf(work.tx), fileId, id);
  if (!row) throw recordNotFound();
  return row;
}

/** The file's assets and their totals per currency. */
export async function listAssets(work: StaffWork, fileId: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  const firmId = firmOf(work.tx);
  const [rows, totals] = [
    await listAssetRows(work.tx, firmId, fileId),
    await assetTotals(work.tx, firmId, fileId),
  ];
  return { assets: rows.map(presentAsset), totals };
}

/** One asset of the file. */
export async function getAsset(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.read", fileId);
  return presentAsset(await loadAsset(work, fileId, id));
}

/** Adds an asset to the file (audited). */
export async function createAsset(work: StaffWork, fileId: string, input: AssetInput) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const problems = new FieldProblems();
  const id = newId(work.audit.at.getTime());
  const row = newAssetRow(
    input,
    { firmId: firmOf(work.tx), clientFileId: fileId, id, at: work.audit.at },
    problems,
  );
  problems.throwIfAny();
  await insertAsset(work.tx, row);
  const after = presentAsset(await loadAsset(work, fileId, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "asset.create",
    entityId: id,
    clientFileId: fileId,
    before: null,
    after,
  });
  return after;
}

/** Changes the fields a patch carries (audited). */
export async function updateAsset(work: StaffWork, fileId: string, id: string, patch: AssetUpdate) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadAsset(work, fileId, id);
  const problems = new FieldProblems();
  const changed = assetValuesOf(patch, problems);
  problems.throwIfAny();
  const values: AssetValues = {
    kind: row.kind,
    description: row.description,
    value: row.value,
    currency: row.currency,
    valuationDate: row.valuationDate,
    ...changed,
    updatedAt: work.audit.at,
  };
  await updateAssetRow(work.tx, firmOf(work.tx), id, values);
  const after = presentAsset(await loadAsset(work, fileId, id));
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "asset.update",
    entityId: id,
    clientFileId: fileId,
    before: presentAsset(row),
    after,
  });
  return after;
}

/** Removes an asset from the file (audited). */
export async function deleteAsset(work: StaffWork, fileId: string, id: string) {
  await assertCanOnFile(work.tx, work.actor, "client_file.edit", fileId);
  const row = await loadAsset(work, fileId, id);
  await deleteAssetRow(work.tx, firmOf(work.tx), id);
  await recordAudit(work.tx, work.audit, {
    ...audited,
    action: "asset.delete",
    entityId: id,
    clientFileId: fileId,
    before: presentAsset(row),
    after: null,
  });
}
