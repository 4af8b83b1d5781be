import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Donation, DonationParty } from "../../../contracts/records";
import { QueryView } from "../../ui/query-view";
import { ExplainButton } from "../access/explain-dialog";
import { DonationForm } from "./donation-dialog";
import { RecordEditDialogs, useRecordDialogs } from "./record-dialog";
import { useRecordFormat } from "./record-format";
import { Pill, RecordSection, RecordTable } from "./record-table";
import { donationsQuery } from "./records-api";

/** The Donations tab of a client file: the inventory of gifts between family members and others. */
export function DonationsTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const donations = useQuery(donationsQuery(clientFileId));
  const dialogs = useRecordDialogs<Donation>(clientFileId, "donations");
  const partyName = (party: DonationParty) => party.name ?? t("records.donations.removedPerson");
  const donationName = (d: Donation) =>
    `${format.date(d.donationDate)} ${partyName(d.donor)} → ${partyName(d.beneficiary)}`;

  return (
    <RecordSection
      title={t("records.donations.title")}
      addLabel={t("records.donations.add")}
      onAdd={dialogs.openNew}
    >
      <QueryView query={donations}>
        {(data) => (
          <RecordTable
            label={t("records.donations.tableLabel")}
            rows={data.donations}
            empty={t("records.donations.empty")}
            rowName={donationName}
            dialogs={dialogs}
            extraAction={(row) => (
              <ExplainButton
                fileId={clientFileId}
                kind="donation"
                recordId={row.id}
                name={donationName(row)}
              />
            )}
            columns={[
              {
                header: t("records.donations.donationDate"),
                className: "whitespace-nowrap",
                cell: (d) => format.date(d.donationDate),
              },
              { header: t("records.donations.donor"), cell: (d) => partyName(d.donor) },
              { header: t("records.donations.beneficiary"), cell: (d) => partyName(d.beneficiary) },
              {
                header: t("records.donations.kind"),
                cell: (d) => <Pill>{t(`records.donationKind.${d.kind}`)}</Pill>,
              },
              {
                header: t("records.donations.notes"),
                wide: true,
                className: "max-w-64",
                cell: (d) => <span className="line-clamp-2">{d.notes ?? t("records.common.none")}</span>,
              },
              {
                header: t("records.donations.amount"),
                numeric: true,
                cell: (d) => format.money(d.amount, d.currency),
              },
            ]}
          />
        )}
      </QueryView>
      <RecordEditDialogs
        dialogs={dialogs}
        newTitle={t("records.donations.newTitle")}
        editTitle={t("records.donations.editTitle")}
        renderForm={(donation, onDone) => (
          <DonationForm
            fileId={clientFileId}
            record={donation}
            persons={donations.data?.persons ?? []}
            onDone={onDone}
          />
        )}
        deleteMessage={(donation) =>
          t("records.donations.deleteConfirm", { date: format.date(donation.donationDate) })
        }
      />
    </RecordSection>
  );
}
