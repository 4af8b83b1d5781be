import type { Claim, ClaimStatus, ContractSummary } from "../../../contracts/records.js";
import type { ClaimRow } from "./claims.queries.js";

/** A claim row and its contract's summary (null without one) → the API's claim. */
export function presentClaim(row: ClaimRow, contract: ContractSummary | null): Claim {
  return {
    id: row.id,
    clientFileId: row.clientFileId,
    contract,
    claimDate: row.claimDate,
    description: row.description,
    status: row.status as ClaimStatus,
    amount: row.amount,
    currency: row.currency,
    insurerReference: row.insurerReference,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
