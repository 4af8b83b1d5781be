import { useMemo } from "react";
import type { ContractSummary } from "../../../contracts/records";
import { useUiLanguage } from "../../i18n/use-ui-language";

/** What useRecordFormat returns: the UI language and its money and date formatters. */
export type RecordFormat = ReturnType<typeof useRecordFormat>;

/** Formatters for money and calendar dates in the UI language. */
export function useRecordFormat() {
  const language = useUiLanguage();
  return useMemo(() => {
    const moneyFormats = new Map<string, Intl.NumberFormat>();
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
    const plainNumber = new Intl.NumberFormat(language, { useGrouping: false, minimumFractionDigits: 2 });
    return {
      language,
      /** "1250.50" + "EUR" → "1.250,50 €" in German. */
      money(amount: string, currency: string): string {
        let format = moneyFormats.get(currency);
        if (!format) {
          try {
            format = new Intl.NumberFormat(language, { style: "currency", currency });
          } catch {
            // A code the browser does not know: show the number and the code as they are.
            return `${amount} ${currency}`;
          }
          moneyFormats.set(currency, format);
        }
        // Up to 14 digits (numeric(14, 2)) stay exact as a double.
        return format.format(Number(amount));
      },
      /** "2025-06-01" → "1 Jun 2025" / "01.06.2025"; calendar dates carry no time zone, so read as UTC. */
      date(value: string | null): string {
        return value ? dateFormat.format(new Date(`${value}T00:00:00Z`)) : "";
      },
      /** A stored amount as the form shows it for editing ("1250.50" → "1250,50" in German). */
      amountForInput(amount: string | null): string {
        return amount === null ? "" : plainNumber.format(Number(amount));
      },
    };
  }, [language]);
}

/** How a contract is named in lists, buttons and questions: its number with its insurer, else the insurer. */
export function contractName(contract: Pick<ContractSummary, "number" | "insurer">): string {
  return contract.number ? `${contract.number} (${contract.insurer})` : contract.insurer;
}
