import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Claim } from "../../../contracts/records";
import { QueryView } from "../../ui/query-view";
import { ExplainButton } from "../access/explain-dialog";
import { ClaimForm } from "./claim-dialog";
import { RecordEditDialogs, useRecordDialogs } from "./record-dialog";
import { useRecordFormat } from "./record-format";
import { ContractWithLine, Pill, RecordSection, RecordTable, toneOf } from "./record-table";
import { claimsQuery } from "./records-api";

/** The Claims tab of a client file: claims newest first, each showing its contract. */
export function ClaimsTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const claims = useQuery(claimsQuery(clientFileId));
  const dialogs = useRecordDialogs<Claim>(clientFileId, "claims");

  return (
    <RecordSection
      title={t("records.claims.title")}
      addLabel={t("records.claims.add")}
      onAdd={dialogs.openNew}
    >
      <QueryView query={claims}>
        {(data) => (
          <RecordTable
            label={t("records.claims.tableLabel")}
            rows={data}
            empty={t("records.claims.empty")}
            rowName={(claim) => `${format.date(claim.claimDate)} ${claim.description.slice(0, 40)}`}
            extraAction={(row) => (
              <ExplainButton
                fileId={clientFileId}
                kind="claim"
                recordId={row.id}
                name={`${format.date(row.claimDate)} ${row.description.slice(0, 40)}`}
              />
            )}
            dialogs={dialogs}
            columns={[
              {
                header: t("records.claims.claimDate"),
                className: "whitespace-nowrap",
                cell: (c) => format.date(c.claimDate),
              },
              {
                header: t("records.claims.description"),
                className: "max-w-72",
                cell: (c) => <span className="line-clamp-2">{c.description}</span>,
              },
              {
                header: t("records.claims.contract"),
                cell: (c) =>
                  c.contract ? (
                    <ContractWithLine contract={c.contract} />
                  ) : (
                    <span className="text-slate-600">{t("records.claims.noContract")}</span>
                  ),
              },
              {
                header: t("records.claims.status"),
                cell: (c) => <Pill tone={toneOf[c.status]}>{t(`records.claimStatus.${c.status}`)}</Pill>,
              },
              {
                header: t("records.claims.insurerReference"),
                wide: true,
                cell: (c) => c.insurerReference ?? t("records.common.none"),
              },
              {
                header: t("records.claims.amount"),
                numeric: true,
                cell: (c) =>
                  c.amount === null ? t("records.common.none") : format.money(c.amount, c.currency),
              },
            ]}
          />
        )}
      </QueryView>
      <RecordEditDialogs
        dialogs={dialogs}
        newTitle={t("records.claims.newTitle")}
        editTitle={t("records.claims.editTitle")}
        renderForm={(claim, onDone) => <ClaimForm fileId={clientFileId} record={claim} onDone={onDone} />}
        deleteMessage={(claim) => t("records.claims.deleteConfirm", { date: format.date(claim.claimDate) })}
      />
    </RecordSection>
  );
}
