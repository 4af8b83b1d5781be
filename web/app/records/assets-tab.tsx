import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Asset } from "../../../contracts/records";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { AssetForm } from "./asset-dialog";
import { ConfirmDeleteDialog, RecordDialog, useRecordDialogs } from "./record-dialog";
import { useRecordFormat } from "./record-format";
import { EmptyState, Pill, RecordSection, RecordTable, RowActions, Td, Th } from "./record-table";
import { assetsQuery, useRecordMutations } from "./records-api";

/** The Assets tab of a client file: what the household or company owns, with totals per currency. */
export function AssetsTab({ clientFileId }: { clientFileId: string }) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const assets = useQuery(assetsQuery(clientFileId));
  const dialogs = useRecordDialogs<Asset>();
  const { remove } = useRecordMutations(clientFileId, "assets");
  const editing = dialogs.editing === "new" ? null : dialogs.editing;

  return (
    <RecordSection
      title={t("records.assets.title")}
      addLabel={t("records.assets.add")}
      onAdd={dialogs.openNew}
    >
      {assets.isPending ? (
        <Loading />
      ) : assets.isError ? (
        <LoadError heading="h2" error={assets.error} onRetry={() => void assets.refetch()} />
      ) : assets.data.assets.length === 0 ? (
        <EmptyState>{t("records.assets.empty")}</EmptyState>
      ) : (
        <>
          <RecordTable
            label={t("records.assets.tableLabel")}
            head={
              <>
                <Th>{t("records.assets.kind")}</Th>
                <Th>{t("records.assets.description")}</Th>
                <Th>{t("records.assets.valuationDate")}</Th>
                <Th numeric>{t("records.assets.value")}</Th>
                <Th>
                  <span className="sr-only">{t("records.common.actions")}</span>
                </Th>
              </>
            }
          >
            {assets.data.assets.map((asset) => (
              <tr key={asset.id}>
                <Td>
                  <Pill>{t(`records.assetKind.${asset.kind}`)}</Pill>
                </Td>
                <Td className="font-medium">{asset.description}</Td>
                <Td className="whitespace-nowrap">
                  {asset.valuationDate ? format.date(asset.valuationDate) : t("records.common.none")}
                </Td>
                <Td numeric>{format.money(asset.value, asset.currency)}</Td>
                <RowActions
                  name={asset.description}
                  onEdit={() => dialogs.openEdit(asset)}
                  onDelete={() => dialogs.openDelete(asset)}
                />
              </tr>
            ))}
          </RecordTable>
          <dl
            aria-label={t("records.assets.totalsLabel")}
            className="ml-auto flex flex-col gap-1 rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm"
          >
            {assets.data.totals.map((total) => (
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
        </>
      )}

      <RecordDialog
        open={dialogs.editing !== null}
        title={editing ? t("records.assets.editTitle") : t("records.assets.newTitle")}
        onClose={dialogs.closeEdit}
      >
        <AssetForm fileId={clientFileId} asset={editing} onDone={dialogs.closeEdit} />
      </RecordDialog>
      <ConfirmDeleteDialog
        open={dialogs.deleting !== null}
        message={
          dialogs.deleting ? t("records.assets.deleteConfirm", { name: dialogs.deleting.description }) : ""
        }
        onConfirm={() => (dialogs.deleting ? remove.mutateAsync(dialogs.deleting.id) : Promise.resolve())}
        onClose={dialogs.closeDelete}
      />
    </RecordSection>
  );
}
