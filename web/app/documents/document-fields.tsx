import { useTranslation } from "react-i18next";
import type { DocumentCategory } from "../../../contracts/documents";
import type { Contract } from "../../../contracts/records";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";

/** A document's details as its forms hold them: ids and the date as typed, "" for none. */
export interface DocumentDetailsValues {
  title: string;
  categoryId: string;
  contractId: string;
  documentDate: string;
}

/**
 * Title, category, contract and date of a document, shared by the upload and the edit form. The
 * contract select shows only when `showContract` (a file without contracts has nothing to offer).
 */
export function DocumentDetailsFields({
  values,
  onChange,
  errors,
  categories,
  contracts,
  showContract,
  disabled,
  titleRequired,
}: {
  values: DocumentDetailsValues;
  onChange: (name: keyof DocumentDetailsValues, value: string) => void;
  errors: Partial<Record<string, string>>;
  /** The categories offered (the caller decides whether inactive ones stay). */
  categories: DocumentCategory[];
  contracts: Contract[];
  showContract: boolean;
  disabled?: boolean;
  titleRequired?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField
        label={t("documents.fields.title")}
        value={values.title}
        maxLength={200}
        required={titleRequired}
        disabled={disabled}
        error={errors.title}
        onChange={(event) => onChange("title", event.target.value)}
      />
      <Select
        label={t("documents.fields.category")}
        value={values.categoryId}
        disabled={disabled}
        error={errors.categoryId}
        onChange={(event) => onChange("categoryId", event.target.value)}
      >
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      {showContract ? (
        <Select
          label={t("documents.fields.contract")}
          value={values.contractId}
          disabled={disabled}
          error={errors.contractId}
          onChange={(event) => onChange("contractId", event.target.value)}
        >
          <option value="">{t("documents.fields.noContract")}</option>
          {contracts.map((c) => (
            <option key={c.id} value={c.id}>
              {contractLabel(c)}
            </option>
          ))}
        </Select>
      ) : null}
      <TextField
        label={t("documents.fields.documentDate")}
        type="date"
        value={values.documentDate}
        disabled={disabled}
        error={errors.documentDate}
        onChange={(event) => onChange("documentDate", event.target.value)}
      />
    </div>
  );
}

/** "Allianz · 123-456 · Hausrat": what identifies a contract in a select. */
export function contractLabel(c: Contract): string {
  return [c.insurer, c.number, c.productName ?? c.risk ?? c.lineOfBusiness?.name].filter(Boolean).join(" · ");
}
