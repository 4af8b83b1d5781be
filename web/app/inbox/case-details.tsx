import { useTranslation } from "react-i18next";
import type { CaseDetails } from "../../../contracts/cases";
import { useRecordFormat } from "../records/record-format";

/** The contract a case concerns, as the API gives it. */
interface ContractRef {
  number: string | null;
  insurer: string;
}

/**
 * What a claim report, a contract capture or a quote request says, as label–value pairs; the same
 * words for the client who sent it and the staff member who handles it.
 */
export function CaseDetailsList({
  details,
  contract,
}: {
  details: CaseDetails;
  contract: ContractRef | null;
}) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const money = (amount: string | null, currency: string) => (amount ? format.money(amount, currency) : null);
  const contractText = contract
    ? [contract.insurer, contract.number].filter(Boolean).join(" · ")
    : t("cases.details.noContract");
  let items: [string, string | null][] = [];
  if (details.kind === "claim_report") {
    const c = details.claim;
    items = [
      [t("cases.details.contract"), contractText],
      [t("cases.details.dateOfLoss"), format.date(c.dateOfLoss)],
      [t("cases.details.place"), c.place],
      [t("cases.details.whatHappened"), c.whatHappened],
      [t("cases.details.estimatedAmount"), money(c.estimatedAmount, c.currency)],
    ];
  } else if (details.kind === "contract_capture") {
    const c = details.contract;
    items = [
      [t("cases.details.insurer"), c.insurer],
      [t("cases.details.risk"), c.risk],
      [t("cases.details.policyNumber"), c.policyNumber],
      [t("cases.details.productName"), c.productName],
      [
        t("cases.details.premium"),
        c.premium
          ? [
              money(c.premium, c.currency),
              c.premiumFrequency ? t(`portal.frequency.${c.premiumFrequency}`) : null,
            ]
              .filter(Boolean)
              .join(" ")
          : null,
      ],
      [t("cases.details.startDate"), c.startDate ? format.date(c.startDate) : null],
      [t("cases.details.endDate"), c.endDate ? format.date(c.endDate) : null],
    ];
  } else if (details.kind === "quote_request") {
    const q = details.quote;
    items = [
      [t("cases.details.quoteRisk"), q.risk],
      [t("cases.details.wanted"), q.wanted],
      [t("cases.details.desiredStartDate"), q.desiredStartDate ? format.date(q.desiredStartDate) : null],
    ];
  }
  const shown = items.filter(([, value]) => value !== null && value !== "");
  if (shown.length === 0) return null;
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2" data-testid="case-details">
      {shown.map(([label, value]) => (
        <div key={label} className="flex flex-col">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="text-base break-words whitespace-pre-wrap text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
