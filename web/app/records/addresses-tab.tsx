import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Address } from "../../../contracts/records";
import { QueryView } from "../../ui/query-view";
import { ExplainButton } from "../access/explain-dialog";
import { AddressForm } from "./address-dialog";
import { RecordEditDialogs, useRecordDialogs } from "./record-dialog";
import { useRecordFormat } from "./record-format";
import { ContractWithLine, RecordSection, RecordTable } from "./record-table";
import { addressesQuery } from "./records-api";

/** The Addresses tab of a client file: risk locations and the contracts that cover them. */
export function AddressesTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const { language } = useRecordFormat();
  const addresses = useQuery(addressesQuery(clientFileId));
  const dialogs = useRecordDialogs<Address>(clientFileId, "reference-addresses");
  const countries = useMemo(() => new Intl.DisplayNames([language], { type: "region" }), [language]);

  return (
    <RecordSection
      title={t("records.addresses.title")}
      addLabel={t("records.addresses.add")}
      onAdd={dialogs.openNew}
    >
      <QueryView query={addresses}>
        {(data) => (
          <RecordTable
            label={t("records.addresses.tableLabel")}
            rows={data}
            empty={t("records.addresses.empty")}
            rowName={(address) => address.label}
            extraAction={(row) => (
              <ExplainButton fileId={clientFileId} kind="address" recordId={row.id} name={row.label} />
            )}
            dialogs={dialogs}
            columns={[
              { header: t("records.addresses.label"), className: "font-medium", cell: (a) => a.label },
              {
                header: t("records.addresses.address"),
                cell: (a) => (
                  <address className="not-italic">
                    {a.street}
                    <br />
                    {a.postalCode} {a.city}
                    {a.country !== "DE" ? `, ${countries.of(a.country) ?? a.country}` : ""}
                  </address>
                ),
              },
              {
                header: t("records.addresses.contracts"),
                cell: (a) =>
                  a.contracts.length === 0 ? (
                    <span className="text-slate-600">{t("records.addresses.noContracts")}</span>
                  ) : (
                    <ul className="flex flex-col gap-0.5">
                      {a.contracts.map((c) => (
                        <li key={c.id}>
                          <ContractWithLine contract={c} />
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        )}
      </QueryView>
      <RecordEditDialogs
        dialogs={dialogs}
        newTitle={t("records.addresses.newTitle")}
        editTitle={t("records.addresses.editTitle")}
        renderForm={(address, onDone) => (
          <AddressForm fileId={clientFileId} record={address} onDone={onDone} />
        )}
        deleteMessage={(address) => t("records.addresses.deleteConfirm", { name: address.label })}
      />
    </RecordSection>
  );
}
