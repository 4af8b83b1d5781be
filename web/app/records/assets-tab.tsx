import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Asset, AssetList } from "../../../contracts/records";
import { QueryView } from "../../ui/query-view";
import { ExplainButton } from "../access/explain-dialog";
import { AssetForm } from "./asset-dialog";
import { RecordEditDialogs, useRecordDialogs } from "./record-dialog";
import { useRecordFormat } from "./record-format";
import { Pill, RecordSection, RecordTable } from "./record-table";
import { assetsQuery } from "./records-api";

/** The Assets tab of a client file: what the household or company owns, with totals per currency. */
export function AssetsTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const assets = useQuery(assetsQuery(clientFileId));
  const dialogs = useRecordDialogs<Asset>(clientFileId, "assets");

  return (
    <RecordSection
      title={t("records.assets.title")}
      addLabel={t("records.assets.add")}
      onAdd={dialogs.openNew}
    >
      <QueryView query={assets}>
        {(data) => (
          <>
            <RecordTable
              label={t("records.assets.tableLabel")}
              rows={data.assets}
              empty={t("records.assets.empty")}
              rowName={(asset) => asset.description}
              extraAction={(row) => (
                <ExplainButton fileId={clientFileId} kind="asset" recordId={row.id} name={row.description} />
              )}
              dialogs={dialogs}
              columns={[
                {
                  header: t("records.assets.kind"),
                  cell: (a) => <Pill>{t(`records.assetKind.${a.kind}`)}</Pill>,
                },
                {
                  header: t("records.assets.description"),
                  className: "font-medium",
                  cell: (a) => a.description,
                },
                {
                  header: t("records.assets.valuationDate"),
                  className: "whitespace-nowrap",
                  cell: (a) => (a.valuationDate ? format.date(a.valuationDate) : t("records.common.none")),
                },
                {
                  header: t("records.assets.value"),
                  numeric: true,
                  cell: (a) => format.money(a.value, a.currency),
                },
              ]}
            />
            {data.assets.length > 0 ? <AssetTotals totals={data.totals} /> : null}
          </>
        )}
      </QueryView>
      <RecordEditDialogs
        dialogs={dialogs}
        newTitle={t("records.assets.newTitle")}
        editTitle={t("records.assets.editTitle")}
        renderForm={(asset, onDone) => <AssetForm fileId={clientFileId} record={asset} onDone={onDone} />}
        deleteMessage={(asset) => t("records.assets.deleteConfirm", { name: asset.description })}
      />
    </RecordSection>
  );
}

/** The sum of the assets in each currency, below the table. */
function AssetTotals({ totals }: { totals: AssetList["totals"] }) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  return (
    <dl
      aria-label={t("records.assets.totalsLabel")}
      className="ml-auto flex flex-col gap-1 rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm"
    >
      {totals.map((total) => (
        <div key={total.currency} className="flex items-baseline justify-between gap-8">
          <dt className="text-slate-600">
            {t("records.assets.totals")} {total.currency}
          </dt>
          <dd className="text-right font-semibold tabular-nums text-slate-900">
            {format.money(total.value, total.currency)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
