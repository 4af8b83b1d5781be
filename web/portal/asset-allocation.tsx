import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { PortalOverview } from "../../contracts/portal";
import type { AssetKind } from "../../contracts/records";
import { useUiLanguage } from "../i18n/use-ui-language";
import { usePortalFormat } from "./portal-format";

// PORTAL-3: the private view's asset allocation as a donut beside a table of the same figures. The
// table is the text alternative (and the only place for the exact amounts); the donut names its shares
// in one sentence for screen readers. Each kind keeps one colour, each with at least 3:1 against white.

const kindColours: Record<AssetKind, string> = {
  real_estate: "#0f4c5c",
  bank_account: "#1d4ed8",
  securities: "#7c3aed",
  life_insurance: "#be123c",
  pension: "#15803d",
  business_share: "#b45309",
  vehicle: "#86198f",
  valuables: "#0e7490",
  other: "#475569",
};

type TotalRow = PortalOverview["assetTotals"][number];

interface Slice {
  kind: AssetKind;
  value: string;
  share: number;
}

/** The kinds of one currency with their share of its positive total (debts show in the table only). */
function slicesOf(rows: TotalRow[]): Slice[] {
  const positive = rows.filter((row) => Number(row.value) > 0);
  const total = positive.reduce((sum, row) => sum + Number(row.value), 0);
  return rows
    .map((row) => ({
      kind: row.kind,
      value: row.value,
      share: total > 0 && Number(row.value) > 0 ? Number(row.value) / total : 0,
    }))
    .sort((a, b) => b.share - a.share);
}

/** Asset totals by kind, per currency: a donut and the table it draws. */
export function AssetAllocation({ rows }: { rows: TotalRow[] }) {
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();
  return (
    <div className="flex flex-col gap-6">
      {currencies.map((currency) => (
        <CurrencyAllocation
          key={currency}
          currency={currency}
          slices={slicesOf(rows.filter((row) => row.currency === currency))}
          withCurrency={currencies.length > 1}
        />
      ))}
    </div>
  );
}

function CurrencyAllocation({
  currency,
  slices,
  withCurrency,
}: {
  currency: string;
  slices: Slice[];
  withCurrency: boolean;
}) {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const language = useUiLanguage();
  const captionId = useId();
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 });
  const charted = slices.filter((slice) => slice.share > 0);
  const summary = charted
    .map((slice) => `${t(`records.assetKind.${slice.kind}`)} ${percent.format(slice.share)}`)
    .join(", ");
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start" data-testid="asset-allocation">
      {charted.length > 0 ? (
        <Donut slices={charted} label={t("portal.overview.allocationChart", { shares: summary })} />
      ) : null}
      <table className="w-full min-w-0 text-base" aria-labelledby={captionId}>
        <caption id={captionId} className="sr-only">
          {withCurrency
            ? t("portal.overview.allocationTableCurrency", { currency })
            : t("portal.overview.allocationTable")}
        </caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{t("portal.overview.allocationKind")}</th>
            <th scope="col">{t("portal.overview.allocationValue")}</th>
            <th scope="col">{t("portal.overview.allocationShare")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {slices.map((slice) => (
            <tr key={slice.kind}>
              <th scope="row" className="py-2 pr-2 text-left font-normal text-slate-700">
                <span className="flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block size-3 shrink-0 rounded-sm"
                    style={{ backgroundColor: kindColours[slice.kind] }}
                  />
                  <span className="break-words">{t(`records.assetKind.${slice.kind}`)}</span>
                </span>
              </th>
              <td className="py-2 pr-2 text-right text-slate-900 tabular-nums">
                {format.money(slice.value, currency)}
              </td>
              <td className="w-16 py-2 text-right text-slate-700 tabular-nums">
                {slice.share > 0 ? percent.format(slice.share) : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A donut of the slices (largest first, clockwise from the top); `label` says the same in words. */
function Donut({ slices, label }: { slices: Slice[]; label: string }) {
  const radius = 15.9155; // circumference 100: a slice's share is its dash length
  const gap = slices.length > 1 ? 0.6 : 0;
  let offset = 0;
  return (
    <svg
      viewBox="0 0 42 42"
      role="img"
      aria-label={label}
      className="size-36 shrink-0 self-center sm:self-start"
      data-testid="asset-donut"
    >
      <circle cx="21" cy="21" r={radius} fill="none" stroke="#e2e8f0" strokeWidth="6" />
      {slices.map((slice) => {
        const length = Math.max(0, slice.share * 100 - gap);
        const circle = (
          <circle
            key={slice.kind}
            cx="21"
            cy="21"
            r={radius}
            fill="none"
            stroke={kindColours[slice.kind]}
            strokeWidth="6"
            strokeDasharray={`${length} ${100 - length}`}
            // Dashes start at three o'clock; 25 moves the first to twelve, then each follows the last.
            strokeDashoffset={25 - offset}
          />
        );
        offset += slice.share * 100;
        return circle;
      })}
    </svg>
  );
}
