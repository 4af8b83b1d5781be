import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalDonation } from "../../contracts/portal";
import { Button } from "../ui/button";
import { QueryView } from "../ui/query-view";
import { ConfirmRemoveDialog } from "./confirm-dialog";
import { DonationForm } from "./donation-form";
import { useListActions, usePortalFile } from "./file-context";
import { ItemActions } from "./item-actions";
import { usePortalChange, usePortalList } from "./portal-api";
import { useEditing } from "./portal-form";
import { usePortalFormat } from "./portal-format";
import { Details, EmptyNote, ItemCard, ItemList, PortalDialog, SectionHeader } from "./portal-ui";

/** Donations (PORTAL-4); read_write viewers add, change and remove them (PORTAL-8). */
export function DonationsSection() {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { firmId, fileId } = usePortalFile();
  const may = useListActions("donations");
  const list = usePortalList(firmId, fileId, "donations");
  const persons = usePortalList(firmId, fileId, "persons");
  const change = usePortalChange(firmId, fileId);
  const edit = useEditing<PortalDonation>();
  const [removing, setRemoving] = useState<PortalDonation | null>(null);
  const partyName = (party: PortalDonation["donor"]) => party.name ?? t("portal.donations.someone");
  const choices = (persons.data?.persons ?? []).map((p) => ({
    id: p.id,
    name: `${p.firstName} ${p.lastName}`,
  }));

  return (
    <>
      <SectionHeader
        title={t("portal.sections.donations")}
        action={may.create ? <Button onClick={edit.openNew}>{t("portal.donations.add")}</Button> : null}
      />
      <QueryView query={list}>
        {(data) =>
          data.donations.length === 0 ? (
            <EmptyNote>{t("portal.donations.empty")}</EmptyNote>
          ) : (
            <ItemList label={t("portal.sections.donations")}>
              {data.donations.map((donation) => {
                const name = t("portal.donations.itemName", {
                  date: format.date(donation.donationDate),
                  amount: format.money(donation.amount, donation.currency),
                });
                return (
                  <ItemCard
                    key={donation.id}
                    overline={`${t(`records.donationKind.${donation.kind}`)} · ${format.date(donation.donationDate)}`}
                    title={format.money(donation.amount, donation.currency)}
                    actions={
                      may.change && donation.editable ? (
                        <ItemActions
                          name={name}
                          onEdit={() => edit.openEdit(donation)}
                          onRemove={() => setRemoving(donation)}
                        />
                      ) : null
                    }
                  >
                    <Details
                      items={[
                        [t("portal.donations.donor"), partyName(donation.donor)],
                        [t("portal.donations.beneficiary"), partyName(donation.beneficiary)],
                        [t("portal.donations.notes"), donation.notes],
                      ]}
                    />
                  </ItemCard>
                );
              })}
            </ItemList>
          )
        }
      </QueryView>
      <PortalDialog
        open={edit.open}
        title={edit.record ? t("portal.donations.editTitle") : t("portal.donations.newTitle")}
        onClose={edit.close}
      >
        <DonationForm donation={edit.record} persons={choices} onDone={edit.close} />
      </PortalDialog>
      <ConfirmRemoveDialog
        open={removing !== null}
        message={t("portal.donations.removeConfirm", {
          date: removing ? format.date(removing.donationDate) : "",
        })}
        onConfirm={() =>
          removing
            ? change.mutateAsync({ path: `donations/${removing.id}`, method: "DELETE" })
            : Promise.resolve()
        }
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
