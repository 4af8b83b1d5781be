import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  csvEncodings,
  csvSeparators,
  dateFormats,
  decimalMarks,
  type ImportOptions,
  type ImportPreview,
  type ResolvedImportOptions,
} from "../../../contracts/imports";
import type importsCatalog from "../../i18n/features/imports/en.json";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { Select } from "../../ui/select";
import { ImportErrors } from "./import-errors";

type CellValue = string | number | boolean | null;
/** A field key the catalog names (the server's field keys). */
type FieldKey = keyof typeof importsCatalog.fields;

/** Fields whose values are codes ("private", "partner"), and the catalog that names each code. */
const codeCatalogs: Partial<Record<FieldKey, string>> = {
  kind: "clients.kind",
  role: "clients.role",
  salutation: "clients.salutation",
  advisorKind: "clients.advisorKind",
  status: "records.contractStatus",
  premiumFrequency: "records.frequency",
};

/** Shows a cell as read: booleans as yes/no, codes in words, empty as a dash. */
function CellText({ field, value }: { field: FieldKey; value: CellValue | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === "") return <span className="text-slate-400">—</span>;
  if (typeof value === "boolean") return <>{value ? t("imports.yes") : t("imports.no")}</>;
  const catalog = codeCatalogs[field];
  if (catalog && typeof value === "string")
    return <>{t(`${catalog}.${value}` as never, { defaultValue: value } as never) as unknown as string}</>;
  return <>{String(value)}</>;
}

/** The preview: detected options (changeable), the column mapping, sample rows, all row errors, and Run. */
export function ImportPreviewView({
  preview,
  onRepreview,
  repreviewing,
  onRun,
  running,
}: {
  preview: ImportPreview;
  onRepreview: (options: ImportOptions) => void;
  repreviewing: boolean;
  onRun: () => void;
  running: boolean;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<ResolvedImportOptions>(preview.options);
  const changed = (Object.keys(options) as Array<keyof ResolvedImportOptions>).some(
    (key) => options[key] !== preview.options[key],
  );
  const fields = preview.columns.filter((c) => c.field !== null).map((c) => c.field as FieldKey);
  const importable = preview.totalRows - preview.errorRows;
  const set = (key: keyof ResolvedImportOptions) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    setOptions((current) => ({ ...current, [key]: event.target.value }));
  const detectedHint = (key: keyof ResolvedImportOptions, label: string) =>
    preview.detected[key] === options[key]
      ? t("imports.options.detected")
      : t("imports.options.detectedWas", { value: label });

  return (
    <div className="flex flex-col gap-6">
      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold text-slate-900">{t("imports.options.heading")}</h2>
        <form
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
          onSubmit={(event) => {
            event.preventDefault();
            onRepreview(options);
          }}
        >
          <Select
            label={t("imports.options.separator")}
            value={options.separator}
            onChange={set("separator")}
            hint={detectedHint("separator", t(`imports.separator.${preview.detected.separator}`))}
          >
            {csvSeparators.map((s) => (
              <option key={s} value={s}>
                {t(`imports.separator.${s}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("imports.options.decimal")}
            value={options.decimal}
            onChange={set("decimal")}
            hint={detectedHint("decimal", t(`imports.decimal.${preview.detected.decimal}`))}
          >
            {decimalMarks.map((d) => (
              <option key={d} value={d}>
                {t(`imports.decimal.${d}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("imports.options.dateFormat")}
            value={options.dateFormat}
            onChange={set("dateFormat")}
            hint={detectedHint("dateFormat", preview.detected.dateFormat)}
          >
            {dateFormats.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
          <Select
            label={t("imports.options.encoding")}
            value={options.encoding}
            onChange={set("encoding")}
            hint={detectedHint("encoding", preview.detected.encoding)}
          >
            {csvEncodings.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </Select>
          <div className="sm:col-span-2 lg:col-span-4">
            <Button type="submit" variant="secondary" disabled={!changed} busy={repreviewing}>
              {t("imports.options.apply")}
            </Button>
          </div>
        </form>
      </Card>

      {preview.problems.map((problem) => (
        <Alert key={problem} title={t("imports.problemTitle")}>
          {problem}
        </Alert>
      ))}

      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold text-slate-900">{t("imports.mapping.heading")}</h2>
        <ul className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {preview.columns.map((column, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; positions do not
            <li key={i} className="flex items-baseline gap-2">
              <span className="font-medium text-slate-900">{column.header || "—"}</span>
              <span aria-hidden="true" className="text-slate-400">
                →
              </span>
              {column.field ? (
                <span className="text-slate-700">{t(`imports.fields.${column.field as FieldKey}`)}</span>
              ) : (
                <span className="text-amber-800">{t("imports.mapping.ignored")}</span>
              )}
            </li>
          ))}
        </ul>
        {preview.unknownColumns.length > 0 ? (
          <p className="text-sm text-amber-800">
            {t("imports.mapping.unknown", { columns: preview.unknownColumns.join(", ") })}
          </p>
        ) : null}
      </Card>

      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold text-slate-900">
          {t("imports.sample.heading", { count: preview.sampleRows.length, total: preview.totalRows })}
        </h2>
        {preview.sampleRows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("imports.sample.empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("imports.errors.row")}
                  </th>
                  {fields.map((field) => (
                    <th key={field} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                      {t(`imports.fields.${field}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.sampleRows.map((row) => (
                  <tr key={row.row}>
                    <td className="px-3 py-2 tabular-nums text-slate-600">{row.row}</td>
                    {fields.map((field) => (
                      <td key={field} className="whitespace-nowrap px-3 py-2">
                        <CellText field={field} value={row.values[field]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold text-slate-900">{t("imports.errors.heading")}</h2>
        <ImportErrors errors={preview.errors} errorRows={preview.errorRows} fileName={preview.fileName} />
      </Card>

      <div className="flex flex-wrap items-center gap-4">
        <Button
          onClick={onRun}
          busy={running}
          disabled={preview.problems.length > 0 || importable === 0 || changed}
        >
          {t("imports.run", { count: importable })}
        </Button>
        {changed ? <p className="text-sm text-slate-600">{t("imports.applyFirst")}</p> : null}
      </div>
    </div>
  );
}
