import type { Asset } from "../../../contracts/records";
import { AssetFields, assetFormBody, assetFormDefaults, assetFormSchema } from "../../ui/asset-fields";
import { RecordFormShell } from "./record-dialog";
import { type RecordFormProps, useRecordForm } from "./record-form";

/** The add/edit form of an asset, in a dialog body. */
export function AssetForm({ fileId, record: asset, onDone }: RecordFormProps<Asset>) {
  const { field, shell } = useRecordForm({
    fileId,
    kind: "assets",
    id: asset?.id,
    schema: assetFormSchema,
    onDone,
    defaultValues: (format) => assetFormDefaults(asset, "real_estate", format.amountForInput),
    toBody: assetFormBody,
  });
  return (
    <RecordFormShell {...shell}>
      <AssetFields area="records" field={field} />
    </RecordFormShell>
  );
}
