import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Explain, GranteeStatus } from "../../../contracts/grants";
import type { ContractCategory } from "../../../contracts/records";
import { useRecordFormat } from "../records/record-format";
import { claimsQuery, contractsQuery } from "../records/records-api";
import { documentCategoriesQuery, linesOfBusinessQuery } from "../settings/settings-api";

/** One step of an explain answer. */
export type ExplainStep = Explain["steps"][number];

type KindShared = "asset" | "donation" | "person" | "claim" | "address";

/**
 * Turns explain's steps into plain sentences in the UI language: each rule with its params, the ids
 * in them (line of business, document category, tied contract or claim) named as people know them.
 * Names load lazily from lists the back office already caches; until they arrive, a neutral word.
 */
export function useExplainSentences(fileId: string) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const lines = useQuery(linesOfBusinessQuery);
  const categories = useQuery(documentCategoriesQuery);
  const contracts = useQuery(contractsQuery(fileId));
  const claims = useQuery(claimsQuery(fileId));

  const lineName = (id: string) => {
    const line = lines.data?.find((l) => l.id === id);
    return line ? `${line.code} (${line.name})` : t("access.explain.unknownLine");
  };
  const categoryName = (id: string) =>
    categories.data?.find((c) => c.id === id)?.name ?? t("access.explain.unknownCategory");
  const contractName = (id: string) => {
    const c = contracts.data?.find((contract) => contract.id === id);
    if (!c) return t("access.explain.unknownContract");
    return [c.lineOfBusiness?.code, c.insurer, c.number].filter(Boolean).join(" ");
  };
  const claimName = (id: string) => {
    const claim = claims.data?.find((c) => c.id === id);
    return claim
      ? `${format.date(claim.claimDate)} · ${claim.description}`
      : t("access.explain.unknownClaim");
  };

  /** The sentence of one step; `who` and `grant` name the grantee and the grant. */
  return (step: ExplainStep, who: string, grant: string): string => {
    const p = step.params;
    const ok = step.passed;
    switch (step.rule) {
      case "grantee_status": {
        const status = (p.status ?? "active") as GranteeStatus;
        if (ok) return t("access.explain.rules.grantee_status.pass", { name: who });
        if (status === "pending") return t("access.explain.rules.grantee_status.pending", { name: who });
        return t("access.explain.rules.grantee_status.fail", {
          name: who,
          status: t(`access.statusWord.${status}`),
        });
      }
      case "file_in_grant":
        return ok
          ? t("access.explain.rules.file_in_grant.pass", { grant })
          : t("access.explain.rules.file_in_grant.fail", { grant });
      case "kind_shared": {
        const kind = t(`access.explain.kinds.${(p.kind ?? "asset") as KindShared}`);
        return ok
          ? t("access.explain.rules.kind_shared.pass", { kind })
          : t("access.explain.rules.kind_shared.fail", { kind });
      }
      case "contract_category": {
        const category = t(`records.contractCategory.${(p.category ?? "own") as ContractCategory}`);
        return ok
          ? t("access.explain.rules.contract_category.pass", { category })
          : t("access.explain.rules.contract_category.fail", { category });
      }
      case "contract_line": {
        if (!p.lineOfBusinessId) return t("access.explain.rules.contract_line.noLine");
        const line = lineName(p.lineOfBusinessId);
        return ok
          ? t("access.explain.rules.contract_line.pass", { line })
          : t("access.explain.rules.contract_line.fail", { line });
      }
      case "contract_manual_list":
        return ok
          ? t("access.explain.rules.contract_manual_list.pass")
          : t("access.explain.rules.contract_manual_list.fail");
      case "document_share_flag":
        return ok
          ? t("access.explain.rules.document_share_flag.pass")
          : t("access.explain.rules.document_share_flag.fail");
      case "document_category": {
        const category = categoryName(p.categoryId ?? "");
        return ok
          ? t("access.explain.rules.document_category.pass", { category })
          : t("access.explain.rules.document_category.fail", { category });
      }
      case "tied_contract": {
        const contract = contractName(p.contractId ?? "");
        return ok
          ? t("access.explain.rules.tied_contract.pass", { contract })
          : t("access.explain.rules.tied_contract.fail", { contract });
      }
      case "tied_claim": {
        const claim = claimName(p.claimId ?? "");
        return ok
          ? t("access.explain.rules.tied_claim.pass", { claim })
          : t("access.explain.rules.tied_claim.fail", { claim });
      }
    }
  };
}
