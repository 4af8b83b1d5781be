import { useTranslation } from "react-i18next";
import type { ImportRowError } from "../../../contracts/imports";
import { Button } from "../../ui/button";

/** Quotes a cell for CSV when it holds a separator, a quote or a line break. */
function csvCell(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The errors as a CSV file (";" and a BOM, so spreadsheet programs in German and French open it cleanly). */
function errorsCsv(errors: readonly ImportRowError[], headers: [string, string, string]): Blob {
  const lines = [headers, ...errors.map((e) => [String(e.row), e.column ?? "", e.reason])];
  const text = lines.map((cells) => cells.map(csvCell).join(";")).join("\r\n");
  return new Blob([`\uFEFF${text}\r\n`], { type: "text/csv;charset=utf-8" });
}

/** The table of row errors (row as numbered in the file, column, reason) with a CSV download. */
export function ImportErrors({
  errors,
  errorRows,
  fileName,
}: {
  errors: readonly ImportRowError[];
  errorRows: number;
  fileName: string;
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return <p className="text-sm text-emerald-800">{t("imports.errors.none")}</p>;
  const headers: [string, string, string] = [
    t("imports.errors.row"),
    t("imports.errors.column"),
    t("imports.errors.reason"),
  ];
  const download = () => {
    const url = URL.createObjectURL(errorsCsv(errors, headers));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName.replace(/\.csv$/i, "")}-${t("imports.errors.fileSuffix")}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">
          {t("imports.errors.summary", { rows: errorRows, shown: errors.length })}
        </p>
        <Button variant="secondary" size="sm" onClick={download}>
          {t("imports.errors.download")}
        </Button>
      </div>
      <div className="max-h-96 overflow-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("imports.errors.caption")}</caption>
          <thead className="sticky top-0 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {headers[0]}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {headers[1]}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {headers[2]}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((e, i) => (
              // Several errors may share a row and column; the position keeps keys unique.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is static once shown
              <tr key={i}>
                <td className="px-3 py-2 tabular-nums">{e.row}</td>
                <td className="px-3 py-2">{e.column ?? "—"}</td>
                <td className="px-3 py-2">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
