import type { PersonRole } from "../../../contracts/clients.js";
import type { AccessLevel, GranteeStatus, GrantSettings, RecordKind } from "../../../contracts/grants.js";
import type { ContractCategory } from "../../../contracts/records.js";
import { contractCategory } from "../records/contract-category.js";

// The sharing rules of GRANT-3 as plain functions over loaded rows: what explain (GRANT-9) answers and
// what the SQL in visibility.sql.ts must agree with (the SEC-12 model test checks both).

/** A grant as the rules see it. */
export interface GrantRules
  extends Pick<
    GrantSettings,
    | "shareAssets"
    | "shareDonations"
    | "sharePersons"
    | "shareClaims"
    | "shareAddresses"
    | "contractMode"
    | "contractCategories"
    | "lineOfBusinessIds"
    | "documentCategoryIds"
  > {
  id: string;
  name: string;
  fileIds: ReadonlySet<string>;
  manualContractIds: ReadonlySet<string>;
}

/** A contract as the rules see it. */
export interface ContractFacts {
  id: string;
  clientFileId: string;
  status: Parameters<typeof contractCategory>[0]["status"];
  offerDate: string | null;
  applicationDate: string | null;
  documentDate: string | null;
  lineOfBusinessId: string | null;
}

/** What a contract row must hold for the rules (its status still unchecked text). */
export type ContractRowFacts = Omit<ContractFacts, "status"> & { status: string };

/** A contract row's facts (any row with these columns: a table row, or a join's columns). */
export function contractFactsOf(row: ContractRowFacts): ContractFacts {
  return {
    id: row.id,
    clientFileId: row.clientFileId,
    status: row.status as ContractFacts["status"],
    offerDate: row.offerDate,
    applicationDate: row.applicationDate,
    documentDate: row.documentDate,
    lineOfBusinessId: row.lineOfBusinessId,
  };
}

/** Any record, with what the rules need to know about it. */
export type RecordFacts =
  | { kind: "asset" | "donation" | "person"; id: string; clientFileId: string }
  | { kind: "contract"; contract: ContractFacts }
  | { kind: "claim"; id: string; clientFileId: string; contractId: string | null }
  | { kind: "address"; id: string; clientFileId: string; contractIds: readonly string[] }
  | {
      kind: "document";
      id: string;
      clientFileId: string;
      sharedToPortal: boolean;
      categoryId: string;
      contractId: string | null;
      claimId: string | null;
    };

/** Looks up the contracts and claims a record is tied to (they decide whether it shows). */
export interface RelatedRecords {
  contract(id: string): ContractFacts | undefined;
  claim(id: string): { id: string; contractId: string | null } | undefined;
}

/** One rule that was checked, in the order checked; `params` fill the reason's sentence. */
export interface RuleStep {
  rule:
    | "file_in_grant"
    | "kind_shared"
    | "contract_category"
    | "contract_line"
    | "contract_manual_list"
    | "document_share_flag"
    | "document_category"
    | "tied_contract"
    | "tied_claim";
  passed: boolean;
  params?: Record<string, string>;
}

/** Whether a grant shows a record, and the steps that decided it (the last failed step is the reason). */
export interface GrantDecision {
  visible: boolean;
  steps: RuleStep[];
}

const kindToggle = {
  asset: "shareAssets",
  donation: "shareDonations",
  person: "sharePersons",
  claim: "shareClaims",
  address: "shareAddresses",
} as const;

function fileOf(record: RecordFacts): string {
  return record.kind === "contract" ? record.contract.clientFileId : record.clientFileId;
}

/** The contract steps: by category (and line) or by the manual list. */
function contractSteps(grant: GrantRules, contract: ContractFacts): RuleStep[] {
  if (grant.contractMode === "manual") {
    return [{ rule: "contract_manual_list", passed: grant.manualContractIds.has(contract.id) }];
  }
  const category: ContractCategory = contractCategory(contract);
  const steps: RuleStep[] = [
    { rule: "contract_category", passed: grant.contractCategories.includes(category), params: { category } },
  ];
  if (grant.lineOfBusinessIds.length > 0) {
    steps.push({
      rule: "contract_line",
      // A contract without a line cannot be in a chosen line.
      passed:
        contract.lineOfBusinessId !== null && grant.lineOfBusinessIds.includes(contract.lineOfBusinessId),
      params: { lineOfBusinessId: contract.lineOfBusinessId ?? "" },
    });
  }
  return steps;
}

function allPassed(steps: RuleStep[]): boolean {
  return steps.every((s) => s.passed);
}

/** Whether `grant` shows `contract` (the steps say why). */
export function contractVisibleUnder(grant: GrantRules, contract: ContractFacts): boolean {
  return grant.fileIds.has(contract.clientFileId) && allPassed(contractSteps(grant, contract));
}

function tiedContractStep(grant: GrantRules, contractId: string, related: RelatedRecords): RuleStep {
  const contract = related.contract(contractId);
  return {
    rule: "tied_contract",
    passed: contract !== undefined && contractVisibleUnder(grant, contract),
    params: { contractId },
  };
}

function claimVisibleUnder(
  grant: GrantRules,
  claim: { contractId: string | null },
  related: RelatedRecords,
): boolean {
  if (!grant.shareClaims) return false;
  return claim.contractId === null || tiedContractStep(grant, claim.contractId, related).passed;
}

/**
 * Decides whether one grant shows one record: the file must be bundled; assets, donations, persons,
 * claims and addresses follow their toggle; contracts their category (and line) or the manual list;
 * documents their share flag and category; and a claim, address or document tied to a contract the
 * grant hides stays hidden (an address tied to several contracts needs all of them shown).
 */
export function decide(grant: GrantRules, record: RecordFacts, related: RelatedRecords): GrantDecision {
  const steps: RuleStep[] = [{ rule: "file_in_grant", passed: grant.fileIds.has(fileOf(record)) }];
  switch (record.kind) {
    case "contract":
      steps.push(...contractSteps(grant, record.contract));
      break;
    case "document": {
      steps.push({ rule: "document_share_flag", passed: record.sharedToPortal });
      if (grant.documentCategoryIds.length > 0)
        steps.push({
          rule: "document_category",
          passed: grant.documentCategoryIds.includes(record.categoryId),
          params: { categoryId: record.categoryId },
        });
      if (record.contractId) steps.push(tiedContractStep(grant, record.contractId, related));
      if (record.claimId) {
        const claim = related.claim(record.claimId);
        steps.push({
          rule: "tied_claim",
          passed: claim !== undefined && claimVisibleUnder(grant, claim, related),
          params: { claimId: record.claimId },
        });
      }
      break;
    }
    default: {
      steps.push({
        rule: "kind_shared",
        passed: grant[kindToggle[record.kind]],
        params: { kind: record.kind },
      });
      if (record.kind === "claim" && record.contractId)
        steps.push(tiedContractStep(grant, record.contractId, related));
      if (record.kind === "address")
        for (const contractId of record.contractIds) steps.push(tiedContractStep(grant, contractId, related));
    }
  }
  // Stop at the first failed step: it is the reason, later steps would only add noise.
  const firstFailed = steps.findIndex((s) => !s.passed);
  const shown = firstFailed === -1 ? steps : steps.slice(0, firstFailed + 1);
  return { visible: firstFailed === -1, steps: shown };
}

/** The role a grantee acts in: the person's role on the file, or `external_advisor` for outsiders. */
export type GranteeRole = PersonRole;

/** A grantee's status as it is right now: a passed expiry date makes any status `expired`. */
export function effectiveStatus(
  grantee: { status: Exclude<GranteeStatus, "expired">; expiresAt: Date | null },
  now: Date,
): GranteeStatus {
  if (grantee.status === "revoked") return "revoked";
  if (grantee.expiresAt && grantee.expiresAt.getTime() <= now.getTime()) return "expired";
  return grantee.status;
}

/** The record kinds a `read_write` grantee may change from the portal, by role (GRANT-6, PORTAL-8). */
const editableByRole: Record<GranteeRole, readonly RecordKind[]> = {
  holder: ["person", "asset", "donation", "address", "contract"],
  co_holder: ["person", "asset", "donation", "address", "contract"],
  partner: ["person", "asset", "donation", "address", "contract"],
  child: ["person", "asset", "donation", "address", "contract"],
  relative: ["person", "asset", "donation", "address", "contract"],
  contact: ["person", "asset", "donation", "address", "contract"],
  // Seed 003: outside advisors change persons, assets and donations, nothing else.
  external_advisor: ["person", "asset", "donation"],
};

/** Why a portal change is refused, for the 403's message. */
export type EditRefusal = "read_only" | "role_may_not_edit_kind" | null;

/** Whether a grantee with this access and role may change records of `kind` (null = yes). */
export function editRefusal(access: AccessLevel, role: GranteeRole, kind: RecordKind): EditRefusal {
  if (access !== "read_write") return "read_only";
  return editableByRole[role].includes(kind) ? null : "role_may_not_edit_kind";
}

/** Whether this grantee sees other persons' contact details (GRANT-3: holders, co-holders, read_write). */
export function seesContactDetails(access: AccessLevel, role: GranteeRole): boolean {
  return access === "read_write" || role === "holder" || role === "co_holder";
}

/**
 * Contracts a client may change from the portal: only those held elsewhere (foreign, partly foreign),
 * which the client knows best; the firm's own contracts stay the firm's to change.
 */
export const clientEditableContractStatuses = ["foreign", "partly_foreign"] as const;
