import type { AdvisorKind, PersonRole } from "../../../contracts/clients.js";
import type {
  PortalAddress,
  PortalAsset,
  PortalClaim,
  PortalContract,
  PortalDocument,
  PortalDonation,
  PortalPerson,
} from "../../../contracts/portal.js";
import type {
  AssetKind,
  ClaimStatus,
  ContractStatus,
  DonationKind,
  MoneyTotal,
  PremiumFrequency,
} from "../../../contracts/records.js";
import { isPreviewable } from "../documents/documents.content.js";
import { contractCategory } from "../records/contract-category.js";
import type {
  ShownAddressRow,
  ShownAssetRow,
  ShownClaimRow,
  ShownContractRow,
  ShownDocumentRow,
  ShownDonationRow,
  ShownPersonRow,
} from "./portal-lists.queries.js";

// Rows → the portal's shapes: only what a client may see, never storage keys or external ids.

function lineOf(id: string | null, code: string | null, name: string | null) {
  return id && code !== null && name !== null ? { id, code, name } : null;
}

/** A shown contract. */
export function presentPortalContract(row: ShownContractRow): PortalContract {
  const c = row.contract;
  const status = c.status as ContractStatus;
  return {
    id: c.id,
    number: c.number,
    insurer: c.insurer,
    productName: c.productName,
    risk: c.risk,
    lineOfBusiness: lineOf(row.lineId, row.lineCode, row.lineName),
    status,
    category: contractCategory({
      status,
      offerDate: c.offerDate,
      applicationDate: c.applicationDate,
      documentDate: c.documentDate,
    }),
    offerDate: c.offerDate,
    applicationDate: c.applicationDate,
    documentDate: c.documentDate,
    startDate: c.startDate,
    endDate: c.endDate,
    premium: c.premium,
    premiumFrequency: c.premiumFrequency as PremiumFrequency | null,
    currency: c.currency,
    editable: row.editable,
  };
}

/** A shown asset. */
export function presentPortalAsset(row: ShownAssetRow): PortalAsset {
  const a = row.asset;
  return {
    id: a.id,
    kind: a.kind as AssetKind,
    description: a.description,
    value: a.value,
    currency: a.currency,
    valuationDate: a.valuationDate,
    editable: row.editable,
  };
}

/** A shown claim with its contract. */
export function presentPortalClaim(row: ShownClaimRow): PortalClaim {
  const c = row.claim;
  return {
    id: c.id,
    contract:
      row.contractId && row.contractInsurer !== null
        ? {
            id: row.contractId,
            number: row.contractNumber,
            insurer: row.contractInsurer,
            lineOfBusiness: lineOf(row.lineId, row.lineCode, row.lineName),
          }
        : null,
    claimDate: c.claimDate,
    description: c.description,
    status: c.status as ClaimStatus,
    amount: c.amount,
    currency: c.currency,
    insurerReference: c.insurerReference,
  };
}

/** A shown reference address with its contracts. */
export function presentPortalAddress(row: ShownAddressRow): PortalAddress {
  const a = row.address;
  return {
    id: a.id,
    label: a.label,
    street: a.street,
    postalCode: a.postalCode,
    city: a.city,
    country: a.country,
    contracts: row.contracts,
    editable: row.editable,
  };
}

/**
 * A shown person: email, phone and birth date only when the viewer sees contact details, or when
 * the person is the viewer themself (their own entry is always complete).
 */
export function presentPortalPerson(
  row: ShownPersonRow,
  viewer: { personIds: ReadonlySet<string>; seesContactDetails: boolean },
): PortalPerson {
  const p = row.person;
  const isViewer = viewer.personIds.has(p.id);
  const shown = isViewer || viewer.seesContactDetails;
  return {
    id: p.id,
    role: p.role as PersonRole,
    relationToHolder: p.relationToHolder,
    advisorKind: p.advisorKind as AdvisorKind | null,
    organisation: p.organisation,
    firstName: p.firstName,
    lastName: p.lastName,
    email: shown ? p.email : null,
    phoneE164: shown ? p.phoneE164 : null,
    birthDate: shown ? p.birthDate : null,
    isViewer,
    contactDetailsShown: shown,
    editable: row.editable,
  };
}

function partyName(first: string | null, last: string | null): string | null {
  return first !== null && last !== null ? `${first} ${last}` : null;
}

/** A shown donation; a side that is a person of the file carries the person's current name. */
export function presentPortalDonation(row: ShownDonationRow): PortalDonation {
  const d = row.donation;
  return {
    id: d.id,
    donor: {
      personId: d.donorPersonId,
      name: d.donorPersonId ? partyName(row.donorFirst, row.donorLast) : d.donorName,
    },
    beneficiary: {
      personId: d.beneficiaryPersonId,
      name: d.beneficiaryPersonId ? partyName(row.beneficiaryFirst, row.beneficiaryLast) : d.beneficiaryName,
    },
    donationDate: d.donationDate,
    amount: d.amount,
    currency: d.currency,
    kind: d.kind as DonationKind,
    notes: d.notes,
    editable: row.editable,
  };
}

/** A shown document: what the client needs to find and open it (no storage key, no hash, no uploader). */
export function presentPortalDocument(row: ShownDocumentRow): PortalDocument {
  const { document: d, category, current } = row;
  return {
    id: d.id,
    title: d.title,
    category: { id: category.id, key: category.key, name: category.name },
    documentDate: d.documentDate,
    createdAt: d.createdAt.toISOString(),
    version: d.currentVersion,
    fileName: current.fileName,
    contentType: current.contentType,
    sizeBytes: current.sizeBytes,
    previewable: isPreviewable(current.contentType),
    contractId: d.contractId,
    claimId: d.claimId,
    unread: row.unread,
  };
}

/** "1250.50" → 125050n: amounts are summed in exact cents. */
export function toCents(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2) || "0");
  return negative ? -cents : cents;
}

/** 125050n → "1250.50". */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Sums amounts per currency, exactly, sorted by currency code. */
export function totalsByCurrency(items: Array<{ currency: string; cents: bigint }>): MoneyTotal[] {
  const sums = new Map<string, bigint>();
  for (const { currency, cents } of items) sums.set(currency, (sums.get(currency) ?? 0n) + cents);
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, cents]) => ({ currency, value: fromCents(cents) }));
}
