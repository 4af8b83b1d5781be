import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalAsset } from "../../contracts/portal";
import { AssetFields, assetFormBody, assetFormDefaults, assetFormSchema } from "../ui/asset-fields";
import { Button } from "../ui/button";
import { QueryView } from "../ui/query-view";
import { ConfirmRemoveDialog } from "./confirm-dialog";
import { useListActions, usePortalFile } from "./file-context";
import { ItemActions } from "./item-actions";
import { usePortalChange, usePortalList } from "./portal-api";
import { useEditing, usePortalForm } from "./portal-form";
import { usePortalFormat } from "./portal-format";
import { Details, DialogForm, EmptyNote, ItemCard, ItemList, PortalDialog, SectionHeader } from "./portal-ui";

/** Assets (PORTAL-4), with their total; read_write viewers add, change and remove them (PORTAL-8). */
export function AssetsSection() {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { firmId, fileId } = usePortalFile();
  const may = useListActions("assets");
  const list = usePortalList(firmId, fileId, "assets");
  const change = usePortalChange(firmId, fileId);
  const edit = useEditing<PortalAsset>();
  const [removing, setRemoving] = useState<PortalAsset | null>(null);

  return (
    <>
      <SectionHeader
        title={t("portal.sections.assets")}
        action={may.create ? <Button onClick={edit.openNew}>{t("portal.assets.add")}</Button> : null}
      />
      <QueryView query={list}>
        {(data) =>
          data.assets.length === 0 ? (
            <EmptyNote>{t("portal.assets.empty")}</EmptyNote>
          ) : (
            <>
              <ItemList label={t("portal.sections.assets")}>
                {data.assets.map((asset) => (
                  <ItemCard
                    key={asset.id}
                    overline={t(`records.assetKind.${asset.kind}`)}
                    title={asset.description}
                    actions={
                      may.change && asset.editable ? (
                        <ItemActions
                          name={asset.description}
                          onEdit={() => edit.openEdit(asset)}
                          onRemove={() => setRemoving(asset)}
                        />
                      ) : null
                    }
                  >
                    <Details
                      items={[
                        [t("portal.assets.value"), format.money(asset.value, asset.currency)],
                        [t("portal.assets.valuationDate"), format.date(asset.valuationDate)],
                      ]}
                    />
                  </ItemCard>
                ))}
              </ItemList>
              <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
                <p className="text-sm text-slate-700">{t("portal.overview.assetsTotal")}</p>
                {data.totals.map((total) => (
                  <p key={total.currency} className="text-xl font-semibold text-slate-900 tabular-nums">
                    {format.money(total.value, total.currency)}
                  </p>
                ))}
              </div>
            </>
          )
        }
      </QueryView>
      <PortalDialog
        open={edit.open}
        title={edit.record ? t("portal.assets.editTitle") : t("portal.assets.newTitle")}
        onClose={edit.close}
      >
        <AssetForm asset={edit.record} onDone={edit.close} />
      </PortalDialog>
      <ConfirmRemoveDialog
        open={removing !== null}
        message={t("portal.assets.removeConfirm", { name: removing?.description ?? "" })}
        onConfirm={() =>
          removing
            ? change.mutateAsync({ path: `assets/${removing.id}`, method: "DELETE" })
            : Promise.resolve()
        }
        onClose={() => setRemoving(null)}
      />
    </>
  );
}

function AssetForm({ asset, onDone }: { asset: PortalAsset | null; onDone: () => void }) {
  const format = usePortalFormat();
  const { field, shell } = usePortalForm({
    schema: assetFormSchema,
    onDone,
    defaultValues: assetFormDefaults(asset, "bank_account", format.amountForInput),
    toChange: (v, language) => ({
      path: asset ? `assets/${asset.id}` : "assets",
      method: asset ? "PATCH" : "POST",
      body: assetFormBody(v, language),
    }),
  });
  return (
    <DialogForm {...shell}>
      <AssetFields area="portal" field={field} />
    </DialogForm>
  );
}
