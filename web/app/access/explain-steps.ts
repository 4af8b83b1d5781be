import { useTranslation } from "react-i18next";
import type { Explain, GranteeStatus } from "../../../contracts/grants";
import type { ContractCategory } from "../../../contracts/records";
import { useRecordFormat } from "../records/record-format";

/** One step of an explain answer. */
export type ExplainStep = Explain["steps"][number];

type KindShared = "asset" | "donation" | "person" | "claim" | "address";

/**
 * Turns explain's steps into plain sentences in the UI language: each rule with the labels the server
 * sends along (line code and name, category name, the tied contract's line, insurer and number, the
 * tied claim's date and description), never an id. A label missing (a record deleted meanwhile)
 * reads as a neutral word.
 */
export function useExplainSentences() {
  const { t } = useTranslation();
  const format = useRecordFormat();

  const lineName = (p: Record<string, string>) =>
    p.lineCode ? `${p.lineCode} (${p.lineName ?? ""})` : t("access.explain.unknownLine");
  const contractName = (p: Record<string, string>) =>
    p.contractInsurer
      ? [p.contractLineCode, p.contractInsurer, p.contractNumber].filter(Boolean).join(" ")
      : t("access.explain.unknownContract");
  const claimName = (p: Record<string, string>) =>
    p.claimDescription
      ? `${format.date(p.claimDate ?? null)} · ${p.claimDescription}`
      : t("access.explain.unknownClaim");

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
      case "file_in_grant": {
        const file = p.fileName ? `${p.fileName} (${p.fileNumber ?? ""})` : t("access.explain.thisFile");
        const name = p.grantName ?? grant;
        return ok
          ? t("access.explain.rules.file_in_grant.pass", { grant: name, file })
          : t("access.explain.rules.file_in_grant.fail", { grant: name, file });
      }
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
        const line = lineName(p);
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
        const category = p.categoryName ?? t("access.explain.unknownCategory");
        return ok
          ? t("access.explain.rules.document_category.pass", { category })
          : t("access.explain.rules.document_category.fail", { category });
      }
      case "tied_contract": {
        const contract = contractName(p);
        return ok
          ? t("access.explain.rules.tied_contract.pass", { contract })
          : t("access.explain.rules.tied_contract.fail", { contract });
      }
      case "tied_claim": {
        const claim = claimName(p);
        return ok
          ? t("access.explain.rules.tied_claim.pass", { claim })
          : t("access.explain.rules.tied_claim.fail", { claim });
      }
    }
  };
}
