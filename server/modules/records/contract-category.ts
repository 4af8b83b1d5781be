import type { ContractCategory, ContractStatus } from "../../../contracts/records.js";

/** What the category rule looks at: the status and the three seed-004 dates. */
export interface CategoryInput {
  status: ContractStatus;
  offerDate: string | null;
  applicationDate: string | null;
  documentDate: string | null;
}

/**
 * The seed-004 category of a contract, by which grants share contracts: every status but `own` is its
 * own category; an `own` contract is a `policy` once it has a document date, an `application` once it
 * has an application date, else `own`; an `offer` that carries an offer date counts as `own`.
 */
export function contractCategory(contract: CategoryInput): ContractCategory {
  switch (contract.status) {
    case "own":
      // With both dates set the policy has been issued on the application, so `policy` wins.
      if (contract.documentDate) return "policy";
      if (contract.applicationDate) return "application";
      return "own";
    case "offer":
      return contract.offerDate ? "own" : "offer";
    default:
      return contract.status;
  }
}
