import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Claim } from "../../../contracts/records";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { ClaimForm } from "./claim-dialog";
import { ConfirmDeleteDialog, RecordDialog, useRecordDialogs } from "./record-dialog";
import { contractName, useRecordFormat } from "./record-format";
import { EmptyState, Pill, RecordSection, RecordTable, RowActions, Td, Th, toneOf } from "./record-table";
import { claimsQuery, useRecordMutations } from "./records-api";

/** The Claims tab of a client file: claims newest first, each showing its contract. */
export function ClaimsTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const claims = useQuery(claimsQuery(clientFileId));
  const dialogs = useRecordDialogs<Claim>();
  const { remove } = useRecordMutations(clientFileId, "claims");
  const editing = dialogs.editing === "new" ? null : dialogs.editing;

  return (
    <RecordSection
      title={t("records.claims.title")}
      addLabel={t("records.claims.add")}
      onAdd={dialogs.openNew}
    >
      {claims.isPending ? (
        <Loading />
      ) : claims.isError ? (
        <LoadError heading="h2" error={claims.error} onRetry={() => void claims.refetch()} />
      ) : claims.data.length === 0 ? (
        <EmptyState>{t("records.claims.empty")}</EmptyState>
      ) : (
        <RecordTable
          label={t("records.claims.tableLabel")}
          head={
            <>
              <Th>{t("records.claims.claimDate")}</Th>
              <Th>{t("records.claims.description")}</Th>
              <Th>{t("records.claims.contract")}</Th>
              <Th>{t("records.claims.status")}</Th>
              <Th wide>{t("records.claims.insurerReference")}</Th>
              <Th numeric>{t("records.claims.amount")}</Th>
              <Th>
                <span className="sr-only">{t("records.common.actions")}</span>
              </Th>
            </>
          }
        >
          {claims.data.map((claim) => (
            <tr key={claim.id}>
              <Td className="whitespace-nowrap">{format.date(claim.claimDate)}</Td>
              <Td className="max-w-72">
                <span className="line-clamp-2">{claim.description}</span>
              </Td>
              <Td>
                {claim.contract ? (
                  <>
                    {claim.contract.lineOfBusiness ? (
                      <span className="font-medium">{claim.contract.lineOfBusiness.code} · </span>
                    ) : null}
                    {contractName(claim.contract)}
                  </>
                ) : (
                  <span className="text-slate-600">{t("records.claims.noContract")}</span>
                )}
              </Td>
              <Td>
                <Pill tone={toneOf[claim.status]}>{t(`records.claimStatus.${claim.status}`)}</Pill>
              </Td>
              <Td wide>{claim.insurerReference ?? t("records.common.none")}</Td>
              <Td numeric>
                {claim.amount === null
                  ? t("records.common.none")
                  : format.money(claim.amount, claim.currency)}
              </Td>
              <RowActions
                name={`${format.date(claim.claimDate)} ${claim.description.slice(0, 40)}`}
                onEdit={() => dialogs.openEdit(claim)}
                onDelete={() => dialogs.openDelete(claim)}
              />
            </tr>
          ))}
        </RecordTable>
      )}

      <RecordDialog
        open={dialogs.editing !== null}
        title={editing ? t("records.claims.editTitle") : t("records.claims.newTitle")}
        onClose={dialogs.closeEdit}
      >
        <ClaimForm fileId={clientFileId} claim={editing} onDone={dialogs.closeEdit} />
      </RecordDialog>
      <ConfirmDeleteDialog
        open={dialogs.deleting !== null}
        message={
          dialogs.deleting
            ? t("records.claims.deleteConfirm", { date: format.date(dialogs.deleting.claimDate) })
            : ""
        }
        onConfirm={() => (dialogs.deleting ? remove.mutateAsync(dialogs.deleting.id) : Promise.resolve())}
        onClose={dialogs.closeDelete}
      />
    </RecordSection>
  );
}
