import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Contract, type ContractStatus, contractStatuses } from "../../../contracts/records";
import { QueryView } from "../../ui/query-view";
import { Select } from "../../ui/select";
import { ExplainButton } from "../access/explain-dialog";
import { ContractForm } from "./contract-dialog";
import { RecordEditDialogs, useRecordDialogs } from "./record-dialog";
import { contractName, useRecordFormat } from "./record-format";
import { ChoiceOptions } from "./record-inputs";
import { Pill, RecordSection, RecordTable, toneOf } from "./record-table";
import { contractsQuery } from "./records-api";

/** The Contracts tab of a client file: the contracts by line of business, with status and category. */
export function ContractsTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const [status, setStatus] = useState<ContractStatus | "">("");
  const contracts = useQuery(contractsQuery(clientFileId, status || undefined));
  const dialogs = useRecordDialogs<Contract>(clientFileId, "contracts");

  const filter = (
    <Select
      label={t("records.contracts.filterStatus")}
      value={status}
      onChange={(event) => setStatus(event.target.value as ContractStatus | "")}
      className="min-w-44"
    >
      <option value="">{t("records.contracts.allStatuses")}</option>
      <ChoiceOptions values={contractStatuses} labelOf={(s) => t(`records.contractStatus.${s}`)} />
    </Select>
  );

  return (
    <RecordSection
      title={t("records.contracts.title")}
      addLabel={t("records.contracts.add")}
      onAdd={dialogs.openNew}
      toolbar={filter}
    >
      <QueryView query={contracts}>
        {(data) => (
          <RecordTable
            label={t("records.contracts.tableLabel")}
            rows={data}
            empty={status ? t("records.contracts.emptyFiltered") : t("records.contracts.empty")}
            rowName={contractName}
            extraAction={(row) => (
              <ExplainButton
                fileId={clientFileId}
                kind="contract"
                recordId={row.id}
                name={contractName(row)}
              />
            )}
            dialogs={dialogs}
            columns={[
              {
                header: t("records.contracts.line"),
                cell: (c) =>
                  c.lineOfBusiness ? (
                    <span title={c.lineOfBusiness.name}>
                      <span className="font-medium">{c.lineOfBusiness.code}</span>
                      <span className="block text-xs text-slate-600">{c.lineOfBusiness.name}</span>
                    </span>
                  ) : (
                    t("records.common.none")
                  ),
              },
              {
                header: t("records.contracts.insurer"),
                cell: (c) => (
                  <>
                    <span className="font-medium">{c.insurer}</span>
                    {c.number || c.productName ? (
                      <span className="block text-xs text-slate-600">
                        {[c.number, c.productName].filter(Boolean).join(" · ")}
                      </span>
                    ) : null}
                  </>
                ),
              },
              {
                header: t("records.contracts.risk"),
                wide: true,
                className: "max-w-48 truncate",
                cell: (c) => c.risk ?? t("records.common.none"),
              },
              {
                header: t("records.contracts.status"),
                cell: (c) => <Pill tone={toneOf[c.status]}>{t(`records.contractStatus.${c.status}`)}</Pill>,
              },
              {
                header: t("records.contracts.category"),
                cell: (c) => (
                  <Pill tone={toneOf[c.category]}>{t(`records.contractCategory.${c.category}`)}</Pill>
                ),
              },
              {
                header: t("records.contracts.term"),
                wide: true,
                className: "whitespace-nowrap",
                cell: (c) =>
                  c.startDate || c.endDate
                    ? `${format.date(c.startDate)} – ${format.date(c.endDate)}`
                    : t("records.common.none"),
              },
              {
                header: t("records.contracts.premium"),
                numeric: true,
                cell: (c) =>
                  c.premium === null ? (
                    t("records.common.none")
                  ) : (
                    <Premium amount={c.premium} currency={c.currency} frequency={c.premiumFrequency} />
                  ),
              },
            ]}
          />
        )}
      </QueryView>
      <RecordEditDialogs
        dialogs={dialogs}
        newTitle={t("records.contracts.newTitle")}
        editTitle={t("records.contracts.editTitle")}
        renderForm={(contract, onDone) => (
          <ContractForm fileId={clientFileId} record={contract} onDone={onDone} />
        )}
        deleteMessage={(contract) => t("records.contracts.deleteConfirm", { name: contractName(contract) })}
      />
    </RecordSection>
  );
}

/** A contract's premium with its frequency beneath it. */
function Premium({
  amount,
  currency,
  frequency,
}: {
  amount: string;
  currency: string;
  frequency: Contract["premiumFrequency"];
}) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  return (
    <>
      {format.money(amount, currency)}
      {frequency ? (
        <span className="block text-xs text-slate-600">{t(`records.frequency.${frequency}`)}</span>
      ) : null}
    </>
  );
}
