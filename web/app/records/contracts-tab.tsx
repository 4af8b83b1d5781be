import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Contract, type ContractStatus, contractStatuses } from "../../../contracts/records";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { Select } from "../../ui/select";
import { ContractForm } from "./contract-dialog";
import { ConfirmDeleteDialog, RecordDialog, useRecordDialogs } from "./record-dialog";
import { contractName, useRecordFormat } from "./record-format";
import { EmptyState, Pill, RecordSection, RecordTable, RowActions, Td, Th, toneOf } from "./record-table";
import { contractsQuery, useRecordMutations } from "./records-api";

/** The Contracts tab of a client file: the contracts by line of business, with status and category. */
export function ContractsTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const [status, setStatus] = useState<ContractStatus | "">("");
  const contracts = useQuery(contractsQuery(clientFileId, status || undefined));
  const dialogs = useRecordDialogs<Contract>();
  const { remove } = useRecordMutations(clientFileId, "contracts");
  const editing = dialogs.editing === "new" ? null : dialogs.editing;

  const filter = (
    <Select
      label={t("records.contracts.filterStatus")}
      value={status}
      onChange={(event) => setStatus(event.target.value as ContractStatus | "")}
      className="min-w-44"
    >
      <option value="">{t("records.contracts.allStatuses")}</option>
      {contractStatuses.map((s) => (
        <option key={s} value={s}>
          {t(`records.contractStatus.${s}`)}
        </option>
      ))}
    </Select>
  );

  return (
    <RecordSection
      title={t("records.contracts.title")}
      addLabel={t("records.contracts.add")}
      onAdd={dialogs.openNew}
      toolbar={filter}
    >
      {contracts.isPending ? (
        <Loading />
      ) : contracts.isError ? (
        <LoadError heading="h2" error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : contracts.data.length === 0 ? (
        <EmptyState>
          {status ? t("records.contracts.emptyFiltered") : t("records.contracts.empty")}
        </EmptyState>
      ) : (
        <RecordTable
          label={t("records.contracts.tableLabel")}
          head={
            <>
              <Th>{t("records.contracts.line")}</Th>
              <Th>{t("records.contracts.insurer")}</Th>
              <Th wide>{t("records.contracts.risk")}</Th>
              <Th>{t("records.contracts.status")}</Th>
              <Th>{t("records.contracts.category")}</Th>
              <Th wide>{t("records.contracts.term")}</Th>
              <Th numeric>{t("records.contracts.premium")}</Th>
              <Th>
                <span className="sr-only">{t("records.common.actions")}</span>
              </Th>
            </>
          }
        >
          {contracts.data.map((c) => (
            <tr key={c.id}>
              <Td>
                {c.lineOfBusiness ? (
                  <span title={c.lineOfBusiness.name}>
                    <span className="font-medium">{c.lineOfBusiness.code}</span>
                    <span className="block text-xs text-slate-600">{c.lineOfBusiness.name}</span>
                  </span>
                ) : (
                  t("records.common.none")
                )}
              </Td>
              <Td>
                <span className="font-medium">{c.insurer}</span>
                {c.number || c.productName ? (
                  <span className="block text-xs text-slate-600">
                    {[c.number, c.productName].filter(Boolean).join(" · ")}
                  </span>
                ) : null}
              </Td>
              <Td wide className="max-w-48 truncate">
                {c.risk ?? t("records.common.none")}
              </Td>
              <Td>
                <Pill tone={toneOf[c.status]}>{t(`records.contractStatus.${c.status}`)}</Pill>
              </Td>
              <Td>
                <Pill tone={toneOf[c.category]}>{t(`records.contractCategory.${c.category}`)}</Pill>
              </Td>
              <Td wide className="whitespace-nowrap">
                {c.startDate || c.endDate
                  ? `${format.date(c.startDate)} – ${format.date(c.endDate)}`
                  : t("records.common.none")}
              </Td>
              <Td numeric>
                {c.premium === null ? (
                  t("records.common.none")
                ) : (
                  <>
                    {format.money(c.premium, c.currency)}
                    {c.premiumFrequency ? (
                      <span className="block text-xs text-slate-600">
                        {t(`records.frequency.${c.premiumFrequency}`)}
                      </span>
                    ) : null}
                  </>
                )}
              </Td>
              <RowActions
                name={contractName(c)}
                onEdit={() => dialogs.openEdit(c)}
                onDelete={() => dialogs.openDelete(c)}
              />
            </tr>
          ))}
        </RecordTable>
      )}

      <RecordDialog
        open={dialogs.editing !== null}
        title={editing ? t("records.contracts.editTitle") : t("records.contracts.newTitle")}
        onClose={dialogs.closeEdit}
      >
        <ContractForm fileId={clientFileId} contract={editing} onDone={dialogs.closeEdit} />
      </RecordDialog>
      <ConfirmDeleteDialog
        open={dialogs.deleting !== null}
        message={
          dialogs.deleting
            ? t("records.contracts.deleteConfirm", { name: contractName(dialogs.deleting) })
            : ""
        }
        onConfirm={() => (dialogs.deleting ? remove.mutateAsync(dialogs.deleting.id) : Promise.resolve())}
        onClose={dialogs.closeDelete}
      />
    </RecordSection>
  );
}
