import type {
  Contract,
  ContractStatus,
  ContractSummary,
  PremiumFrequency,
} from "../../../contracts/records.js";
import { contractCategory } from "./contract-category.js";
import type { ContractRow } from "./contracts.queries.js";

/** A contract row → the API's contract, with its line of business and its seed-004 category. */
export function presentContract(row: ContractRow): Contract {
  const status = row.status as ContractStatus;
  return {
    id: row.id,
    clientFileId: row.clientFileId,
    number: row.number,
    insurer: row.insurer,
    productName: row.productName,
    risk: row.risk,
    lineOfBusiness: row.line,
    status,
    category: contractCategory({
      status,
      offerDate: row.offerDate,
      applicationDate: row.applicationDate,
      documentDate: row.documentDate,
    }),
    offerDate: row.offerDate,
    applicationDate: row.applicationDate,
    documentDate: row.documentDate,
    startDate: row.startDate,
    endDate: row.endDate,
    premium: row.premium,
    premiumFrequency: row.premiumFrequency as PremiumFrequency | null,
    currency: row.currency,
    externalId: row.externalId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A contract as other records show it. */
export function presentContractSummary(row: ContractRow): ContractSummary {
  return { id: row.id, number: row.number, insurer: row.insurer, lineOfBusiness: row.line };
}
