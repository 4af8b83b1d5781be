import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Donation, DonationParty } from "../../../contracts/records";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { DonationForm } from "./donation-dialog";
import { ConfirmDeleteDialog, RecordDialog, useRecordDialogs } from "./record-dialog";
import { useRecordFormat } from "./record-format";
import { EmptyState, Pill, RecordSection, RecordTable, RowActions, Td, Th } from "./record-table";
import { donationsQuery, useRecordMutations } from "./records-api";

/** The Donations tab of a client file: the inventory of gifts between family members and others. */
export function DonationsTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const donations = useQuery(donationsQuery(clientFileId));
  const dialogs = useRecordDialogs<Donation>();
  const { remove } = useRecordMutations(clientFileId, "donations");
  const editing = dialogs.editing === "new" ? null : dialogs.editing;
  const partyName = (party: DonationParty) => party.name ?? t("records.donations.removedPerson");

  return (
    <RecordSection
      title={t("records.donations.title")}
      addLabel={t("records.donations.add")}
      onAdd={dialogs.openNew}
    >
      {donations.isPending ? (
        <Loading />
      ) : donations.isError ? (
        <LoadError heading="h2" error={donations.error} onRetry={() => void donations.refetch()} />
      ) : donations.data.donations.length === 0 ? (
        <EmptyState>{t("records.donations.empty")}</EmptyState>
      ) : (
        <RecordTable
          label={t("records.donations.tableLabel")}
          head={
            <>
              <Th>{t("records.donations.donationDate")}</Th>
              <Th>{t("records.donations.donor")}</Th>
              <Th>{t("records.donations.beneficiary")}</Th>
              <Th>{t("records.donations.kind")}</Th>
              <Th wide>{t("records.donations.notes")}</Th>
              <Th numeric>{t("records.donations.amount")}</Th>
              <Th>
                <span className="sr-only">{t("records.common.actions")}</span>
              </Th>
            </>
          }
        >
          {donations.data.donations.map((donation) => (
            <tr key={donation.id}>
              <Td className="whitespace-nowrap">{format.date(donation.donationDate)}</Td>
              <Td>{partyName(donation.donor)}</Td>
              <Td>{partyName(donation.beneficiary)}</Td>
              <Td>
                <Pill>{t(`records.donationKind.${donation.kind}`)}</Pill>
              </Td>
              <Td wide className="max-w-64">
                <span className="line-clamp-2">{donation.notes ?? t("records.common.none")}</span>
              </Td>
              <Td numeric>{format.money(donation.amount, donation.currency)}</Td>
              <RowActions
                name={`${format.date(donation.donationDate)} ${partyName(donation.donor)} → ${partyName(donation.beneficiary)}`}
                onEdit={() => dialogs.openEdit(donation)}
                onDelete={() => dialogs.openDelete(donation)}
              />
            </tr>
          ))}
        </RecordTable>
      )}

      <RecordDialog
        open={dialogs.editing !== null}
        title={editing ? t("records.donations.editTitle") : t("records.donations.newTitle")}
        onClose={dialogs.closeEdit}
      >
        <DonationForm
          fileId={clientFileId}
          donation={editing}
          persons={donations.data?.persons ?? []}
          onDone={dialogs.closeEdit}
        />
      </RecordDialog>
      <ConfirmDeleteDialog
        open={dialogs.deleting !== null}
        message={
          dialogs.deleting
            ? t("records.donations.deleteConfirm", { date: format.date(dialogs.deleting.donationDate) })
            : ""
        }
        onConfirm={() => (dialogs.deleting ? remove.mutateAsync(dialogs.deleting.id) : Promise.resolve())}
        onClose={dialogs.closeDelete}
      />
    </RecordSection>
  );
}
