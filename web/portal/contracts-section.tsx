import { useTranslation } from "react-i18next";
import type { PortalContract } from "../../contracts/portal";
import { QueryView } from "../ui/query-view";
import { ContractForm } from "./contract-form";
import { useListActions, usePortalFile } from "./file-context";
import { ItemActions } from "./item-actions";
import { usePortalList } from "./portal-api";
import { useEditing } from "./portal-form";
import { contractTitle, usePortalFormat } from "./portal-format";
import { Details, EmptyNote, ItemCard, ItemList, PortalDialog, SectionHeader, Tag } from "./portal-ui";

/** Contracts (PORTAL-4); those held with other providers can be kept up to date by the client (PORTAL-8). */
export function ContractsSection() {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { firmId, fileId, overview } = usePortalFile();
  const may = useListActions("contracts");
  const list = usePortalList(firmId, fileId, "contracts");
  const edit = useEditing<PortalContract>();

  const premiumOf = (c: PortalContract) =>
    c.premium
      ? [
          format.money(c.premium, c.currency),
          c.premiumFrequency ? t(`portal.frequency.${c.premiumFrequency}`) : "",
        ]
          .filter(Boolean)
          .join(" ")
      : null;
  const termOf = (c: PortalContract) =>
    c.startDate || c.endDate
      ? [format.date(c.startDate) || "…", format.date(c.endDate) || t("portal.contracts.open")].join(" – ")
      : null;

  return (
    <>
      <SectionHeader title={t("portal.sections.contracts")} />
      <QueryView query={list}>
        {(data) =>
          data.contracts.length === 0 ? (
            <EmptyNote>{t("portal.contracts.empty")}</EmptyNote>
          ) : (
            <ItemList label={t("portal.sections.contracts")}>
              {data.contracts.map((contract) => {
                const title = contractTitle(contract, overview.showProductName);
                return (
                  <ItemCard
                    key={contract.id}
                    overline={[contract.insurer, contract.number].filter(Boolean).join(" · ")}
                    title={title}
                    badge={
                      <Tag tone={contract.category === "policy" ? "brand" : "neutral"}>
                        {t(`portal.contractCategory.${contract.category}`)}
                      </Tag>
                    }
                    actions={
                      may.change && contract.editable ? (
                        <ItemActions name={title} onEdit={() => edit.openEdit(contract)} />
                      ) : null
                    }
                  >
                    <Details
                      items={[
                        [t("portal.contracts.line"), contract.lineOfBusiness?.name],
                        [
                          overview.showProductName
                            ? t("portal.contracts.risk")
                            : t("portal.contracts.product"),
                          overview.showProductName ? contract.risk : contract.productName,
                        ],
                        [t("portal.contracts.term"), termOf(contract)],
                        [t("portal.contracts.premium"), premiumOf(contract)],
                        [t("portal.contracts.applicationDate"), format.date(contract.applicationDate)],
                        [t("portal.contracts.documentDate"), format.date(contract.documentDate)],
                      ]}
                    />
                  </ItemCard>
                );
              })}
            </ItemList>
          )
        }
      </QueryView>
      <PortalDialog open={edit.open} title={t("portal.contracts.editTitle")} onClose={edit.close}>
        {edit.record ? <ContractForm contract={edit.record} onDone={edit.close} /> : null}
      </PortalDialog>
    </>
  );
}
