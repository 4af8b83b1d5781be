import type { Asset, AssetKind } from "../../../contracts/records.js";
import type { AssetRow } from "./assets.queries.js";

/** An asset row → the API's asset. */
export function presentAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    clientFileId: row.clientFileId,
    kind: row.kind as AssetKind,
    description: row.description,
    value: row.value,
    currency: row.currency,
    valuationDate: row.valuationDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
