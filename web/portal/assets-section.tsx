import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../contracts/common";
import type { PortalAsset } from "../../contracts/portal";
import { assetKinds } from "../../contracts/records";
import { amountField, amountValue, currencyCode, currencyField } from "../app/records/record-form";
import { AmountField, ChoiceOptions, CurrencyField } from "../app/records/record-inputs";
import { Button } from "../ui/button";
import { QueryView } from "../ui/query-view";
import { Select } from "../ui/select";
import { TextField } from "../ui/text-field";
import { ConfirmRemoveDialog } from "./confirm-dialog";
import { usePortalFile } from "./file-context";
import { usePortalChange, usePortalList } from "./portal-api";
import { useEditing, usePortalForm } from "./portal-form";
import { usePortalFormat } from "./portal-format";
import { Details, DialogForm, EmptyNote, ItemCard, ItemList, PortalDialog, SectionHeader } from "./portal-ui";

/** Assets (PORTAL-4), with their total; read_write viewers add, change and remove them (PORTAL-8). */
export function AssetsSection() {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { firmId, fileId, preview } = usePortalFile();
  const list = usePortalList(firmId, fileId, "assets");
  const change = usePortalChange(firmId, fileId);
  const edit = useEditing<PortalAsset>();
  const [removing, setRemoving] = useState<PortalAsset | null>(null);
  const canCreate = Boolean(list.data?.canCreate) && !preview;

  return (
    <>
      <SectionHeader
        title={t("portal.sections.assets")}
        action={canCreate ? <Button onClick={edit.openNew}>{t("portal.assets.add")}</Button> : null}
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
                      asset.editable && !preview ? (
                        <>
                          <Button
                            variant="secondary"
                            onClick={() => edit.openEdit(asset)}
                            aria-label={t("portal.common.editItem", { name: asset.description })}
                          >
                            {t("portal.common.edit")}
                          </Button>
                          <Button
                            variant="secondary"
                            onClick={() => setRemoving(asset)}
                            aria-label={t("portal.common.removeItem", { name: asset.description })}
                          >
                            {t("portal.common.remove")}
                          </Button>
                        </>
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

function assetSchema(language: Language) {
  return z.object({
    kind: z.enum(assetKinds),
    description: z.string().trim().min(1, "validation.required"),
    value: amountField(language, false),
    currency: currencyField,
    valuationDate: z.string(),
  });
}

function AssetForm({ asset, onDone }: { asset: PortalAsset | null; onDone: () => void }) {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { field, shell } = usePortalForm({
    schema: assetSchema,
    onDone,
    defaultValues: {
      kind: asset?.kind ?? "bank_account",
      description: asset?.description ?? "",
      value: format.amountForInput(asset?.value ?? null),
      currency: asset?.currency ?? "EUR",
      valuationDate: asset?.valuationDate ?? "",
    },
    toChange: (v, language) => ({
      path: asset ? `assets/${asset.id}` : "assets",
      method: asset ? "PATCH" : "POST",
      body: {
        kind: v.kind,
        description: v.description.trim(),
        value: amountValue(v.value, language),
        currency: currencyCode(v.currency),
        valuationDate: v.valuationDate || null,
      },
    }),
  });
  return (
    <DialogForm {...shell}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("portal.assets.kind")} {...field("kind")}>
          <ChoiceOptions values={assetKinds} labelOf={(kind) => t(`records.assetKind.${kind}`)} />
        </Select>
        <TextField type="date" label={t("portal.assets.valuationDate")} {...field("valuationDate")} />
        <TextField
          className="sm:col-span-2"
          label={t("portal.assets.description")}
          {...field("description")}
        />
        <AmountField label={t("portal.assets.value")} {...field("value")} />
        <CurrencyField {...field("currency")} />
      </div>
    </DialogForm>
  );
}
