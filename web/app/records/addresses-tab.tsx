import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Address } from "../../../contracts/records";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { AddressForm } from "./address-dialog";
import { ConfirmDeleteDialog, RecordDialog, useRecordDialogs } from "./record-dialog";
import { contractName, useRecordFormat } from "./record-format";
import { EmptyState, RecordSection, RecordTable, RowActions, Td, Th } from "./record-table";
import { addressesQuery, useRecordMutations } from "./records-api";

/** The Addresses tab of a client file: risk locations and the contracts that cover them. */
export function AddressesTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const { language } = useRecordFormat();
  const addresses = useQuery(addressesQuery(clientFileId));
  const dialogs = useRecordDialogs<Address>();
  const { remove } = useRecordMutations(clientFileId, "reference-addresses");
  const editing = dialogs.editing === "new" ? null : dialogs.editing;
  const countries = useMemo(() => new Intl.DisplayNames([language], { type: "region" }), [language]);

  return (
    <RecordSection
      title={t("records.addresses.title")}
      addLabel={t("records.addresses.add")}
      onAdd={dialogs.openNew}
    >
      {addresses.isPending ? (
        <Loading />
      ) : addresses.isError ? (
        <LoadError heading="h2" error={addresses.error} onRetry={() => void addresses.refetch()} />
      ) : addresses.data.length === 0 ? (
        <EmptyState>{t("records.addresses.empty")}</EmptyState>
      ) : (
        <RecordTable
          label={t("records.addresses.tableLabel")}
          head={
            <>
              <Th>{t("records.addresses.label")}</Th>
              <Th>{t("records.addresses.address")}</Th>
              <Th>{t("records.addresses.contracts")}</Th>
              <Th>
                <span className="sr-only">{t("records.common.actions")}</span>
              </Th>
            </>
          }
        >
          {addresses.data.map((address) => (
            <tr key={address.id}>
              <Td className="font-medium">{address.label}</Td>
              <Td>
                <address className="not-italic">
                  {address.street}
                  <br />
                  {address.postalCode} {address.city}
                  {address.country !== "DE" ? `, ${countries.of(address.country) ?? address.country}` : ""}
                </address>
              </Td>
              <Td>
                {address.contracts.length === 0 ? (
                  <span className="text-slate-600">{t("records.addresses.noContracts")}</span>
                ) : (
                  <ul className="flex flex-col gap-0.5">
                    {address.contracts.map((c) => (
                      <li key={c.id}>
                        {c.lineOfBusiness ? (
                          <span className="font-medium">{c.lineOfBusiness.code} · </span>
                        ) : null}
                        {contractName(c)}
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
              <RowActions
                name={address.label}
                onEdit={() => dialogs.openEdit(address)}
                onDelete={() => dialogs.openDelete(address)}
              />
            </tr>
          ))}
        </RecordTable>
      )}

      <RecordDialog
        open={dialogs.editing !== null}
        title={editing ? t("records.addresses.editTitle") : t("records.addresses.newTitle")}
        onClose={dialogs.closeEdit}
      >
        <AddressForm fileId={clientFileId} address={editing} onDone={dialogs.closeEdit} />
      </RecordDialog>
      <ConfirmDeleteDialog
        open={dialogs.deleting !== null}
        message={
          dialogs.deleting ? t("records.addresses.deleteConfirm", { name: dialogs.deleting.label }) : ""
        }
        onConfirm={() => (dialogs.deleting ? remove.mutateAsync(dialogs.deleting.id) : Promise.resolve())}
        onClose={dialogs.closeDelete}
      />
    </RecordSection>
  );
}
