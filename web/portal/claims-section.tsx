import { useTranslation } from "react-i18next";
import { QueryView } from "../ui/query-view";
import { usePortalFile } from "./file-context";
import { usePortalList } from "./portal-api";
import { contractLine, usePortalFormat } from "./portal-format";
import { Details, EmptyNote, ItemCard, ItemList, SectionHeader, Tag } from "./portal-ui";

/** Claims (PORTAL-4), newest first as the API gives them; reporting a claim comes with PORTAL-7. */
export function ClaimsSection() {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { firmId, fileId } = usePortalFile();
  const list = usePortalList(firmId, fileId, "claims");
  return (
    <>
      <SectionHeader title={t("portal.sections.claims")} />
      <QueryView query={list}>
        {(data) =>
          data.claims.length === 0 ? (
            <EmptyNote>{t("portal.claims.empty")}</EmptyNote>
          ) : (
            <ItemList label={t("portal.sections.claims")}>
              {data.claims.map((claim) => (
                <ItemCard
                  key={claim.id}
                  overline={t("portal.claims.dateOfLoss", { date: format.date(claim.claimDate) })}
                  title={claim.description}
                  badge={<Tag>{t(`records.claimStatus.${claim.status}`)}</Tag>}
                >
                  <Details
                    items={[
                      [t("portal.claims.contract"), claim.contract ? contractLine(claim.contract) : null],
                      [
                        t("portal.claims.amount"),
                        claim.amount ? format.money(claim.amount, claim.currency) : null,
                      ],
                      [t("portal.claims.insurerReference"), claim.insurerReference],
                    ]}
                  />
                </ItemCard>
              ))}
            </ItemList>
          )
        }
      </QueryView>
    </>
  );
}
