import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PortalOverview } from "../../contracts/portal";
import { cn } from "../ui/cn";
import { contractTitle, sumByCurrency, usePortalFormat } from "./portal-format";

type Tables = NonNullable<PortalOverview["tables"]>;

/** The business view's detailed tables (GRANT-5): contracts and assets, scrolling sideways on phones. */
export function BusinessTables({ tables, showProductName }: { tables: Tables; showProductName: boolean }) {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const assetTotals = sumByCurrency(tables.assets);
  return (
    <div className="flex flex-col gap-6" data-testid="business-tables">
      {tables.contracts.length > 0 ? (
        <Table
          caption={t("portal.overview.contractsTable")}
          headers={[
            t("portal.contracts.what"),
            t("portal.contracts.insurer"),
            t("portal.contracts.number"),
            t("portal.contracts.status"),
            t("portal.contracts.term"),
            t("portal.contracts.premium"),
          ]}
          numeric={[5]}
          rows={tables.contracts.map((c) => [
            c.id,
            contractTitle(c, showProductName),
            c.insurer,
            c.number ?? "—",
            t(`portal.contractCategory.${c.category}`),
            [format.date(c.startDate), format.date(c.endDate)].filter(Boolean).join(" – ") || "—",
            c.premium
              ? `${format.money(c.premium, c.currency)}${c.premiumFrequency ? ` ${t(`portal.frequency.${c.premiumFrequency}`)}` : ""}`
              : "—",
          ])}
        />
      ) : null}
      {tables.assets.length > 0 ? (
        <Table
          caption={t("portal.overview.assetsTable")}
          headers={[t("portal.assets.kind"), t("portal.assets.description"), t("portal.assets.value")]}
          numeric={[2]}
          rows={tables.assets.map((a) => [
            a.id,
            t(`records.assetKind.${a.kind}`),
            a.description,
            format.money(a.value, a.currency),
          ])}
          footer={assetTotals.map((total) => [
            t("portal.overview.assetsTotal"),
            "",
            format.money(total.value, total.currency),
          ])}
        />
      ) : null}
    </div>
  );
}

function Table({
  caption,
  headers,
  rows,
  numeric,
  footer = [],
}: {
  caption: string;
  headers: string[];
  /** Each row: its key, then one cell per header. */
  rows: Array<[string, ...ReactNode[]]>;
  /** Columns right-aligned in tabular figures. */
  numeric: number[];
  footer?: ReactNode[][];
}) {
  const align = (index: number) => (numeric.includes(index) ? "text-right tabular-nums" : "text-left");
  return (
    // A region that scrolls sideways on phones; focusable so the keyboard can scroll it too.
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <table className="w-full border-collapse text-base">
        <caption className="px-4 pt-4 pb-2 text-left text-xl font-semibold text-slate-900">{caption}</caption>
        <thead className="bg-slate-50 text-sm text-slate-700">
          <tr>
            {headers.map((header, index) => (
              <th key={header} scope="col" className={cn("px-4 py-2 font-semibold", align(index))}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map(([key, ...cells]) => (
            <tr key={key}>
              {cells.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns of a fixed header.
                <td key={index} className={cn("min-w-28 px-4 py-3 align-top text-slate-900", align(index))}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footer.length > 0 ? (
          <tfoot className="border-t-2 border-slate-300 font-semibold">
            {footer.map((cells) => (
              <tr key={String(cells[2])}>
                {cells.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns of a fixed header.
                  <td key={index} className={cn("px-4 py-3 text-slate-900", align(index))}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </section>
  );
}
