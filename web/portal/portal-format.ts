import type { MoneyTotal } from "../../contracts/records";
import { useRecordFormat } from "../app/records/record-format";

// Money and dates read as in the back office (one formatter for the whole product), plus the few
// things the portal names differently for clients.

/** Formatters for money and calendar dates in the UI language. */
export const usePortalFormat = useRecordFormat;

function toCents(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
  const cents = BigInt(whole || "0") * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2) || "0");
  return negative ? -cents : cents;
}

function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Exact sums per currency of amounts given as decimal strings ("1250.50"); only like currencies add. */
export function sumByCurrency(items: ReadonlyArray<{ currency: string; value: string }>): MoneyTotal[] {
  const sums = new Map<string, bigint>();
  for (const { currency, value } of items) sums.set(currency, (sums.get(currency) ?? 0n) + toCents(value));
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, cents]) => ({ currency, value: fromCents(cents) }));
}

/** A contract as a client recognises it: by risk or product name as the grant says (GRANT-5). */
export function contractTitle(
  contract: {
    productName?: string | null;
    risk?: string | null;
    insurer: string;
    lineOfBusiness: { name: string } | null;
  },
  showProductName: boolean,
): string {
  const first = showProductName ? contract.productName : contract.risk;
  const second = showProductName ? contract.risk : contract.productName;
  return first ?? second ?? contract.lineOfBusiness?.name ?? contract.insurer;
}

/** A contract named in one line, for claims and addresses: "Allianz · V-123 · Household". */
export function contractLine(contract: {
  number: string | null;
  insurer: string;
  lineOfBusiness: { name: string } | null;
}): string {
  return [contract.insurer, contract.number, contract.lineOfBusiness?.name].filter(Boolean).join(" · ");
}
