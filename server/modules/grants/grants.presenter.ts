import type { PersonRole } from "../../../contracts/clients.js";
import type {
  AccessLevel,
  ContractMode,
  Grantee,
  GranteeCounts,
  GrantFeature,
  GrantFile,
  GrantSettings,
  GrantSummary,
  PortalView,
  StoredGranteeStatus,
} from "../../../contracts/grants.js";
import type { ContractCategory } from "../../../contracts/records.js";
import { effectiveStatus, type GrantRules } from "../access/sharing-rules.js";
import type { GranteeRow, GrantFileRow, GrantRow } from "./grants.queries.js";

/** The settings columns grants and profiles share, as stored. */
export type SettingsColumns = Pick<GrantRow, keyof GrantSettings>;

/** The settings columns of a grant or profile row → the API's settings. */
export function settingsOf(row: SettingsColumns): GrantSettings {
  return {
    shareAssets: row.shareAssets,
    shareDonations: row.shareDonations,
    sharePersons: row.sharePersons,
    shareClaims: row.shareClaims,
    shareAddresses: row.shareAddresses,
    contractMode: row.contractMode as ContractMode,
    contractCategories: row.contractCategories as ContractCategory[],
    lineOfBusinessIds: row.lineOfBusinessIds,
    documentCategoryIds: row.documentCategoryIds,
    features: row.features as GrantFeature[],
    view: row.view as PortalView,
    showProductName: row.showProductName,
    caseHandlerId: row.caseHandlerId,
    showCaseHandler: row.showCaseHandler,
    casesPrimaryContactsOnly: row.casesPrimaryContactsOnly,
  };
}

/** A grant with its files and manual list → the rules sharing-rules.ts decides with. */
export function rulesOf(
  grant: { id: string; name: string },
  settings: GrantSettings,
  fileIds: Iterable<string>,
  manualContractIds: Iterable<string>,
): GrantRules {
  return {
    id: grant.id,
    name: grant.name,
    shareAssets: settings.shareAssets,
    shareDonations: settings.shareDonations,
    sharePersons: settings.sharePersons,
    shareClaims: settings.shareClaims,
    shareAddresses: settings.shareAddresses,
    contractMode: settings.contractMode,
    contractCategories: settings.contractCategories,
    lineOfBusinessIds: settings.lineOfBusinessIds,
    documentCategoryIds: settings.documentCategoryIds,
    fileIds: new Set(fileIds),
    manualContractIds: new Set(manualContractIds),
  };
}

/** The role a grantee acts in: its person's role, or external advisor for an outside person. */
export function granteeRole(row: Pick<GranteeRow, "personRole">): PersonRole {
  return (row.personRole as PersonRole | null) ?? "external_advisor";
}

/** A grantee's status right now (a passed expiry date makes it `expired`). */
export function granteeStatus(row: Pick<GranteeRow, "status" | "expiresAt">, now: Date) {
  return effectiveStatus({ status: row.status as StoredGranteeStatus, expiresAt: row.expiresAt }, now);
}

/** A grantee row → the API's grantee; `now` derives `expired`. */
export function presentGrantee(row: GranteeRow, now: Date): Grantee {
  return {
    id: row.id,
    grantId: row.grantId,
    grantName: row.grantName,
    personId: row.personId,
    clientFileId: row.personFileId,
    clientFileName: row.personFileName,
    clientFileNumber: row.personFileNumber,
    name: row.name,
    email: row.email,
    role: granteeRole(row),
    access: row.access as AccessLevel,
    isPrimaryContact: row.isPrimaryContact,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    status: granteeStatus(row, now),
    storedStatus: row.status as StoredGranteeStatus,
    hasAccount: row.accountId !== null,
    grantedByPortal: row.grantedByPortal,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A grantee as a staff member sees it: the name and number of the person's file only when they may
 * open that file (`readable`); the person's own name stays, since it says who reaches the records.
 */
export function presentGranteeFor(row: GranteeRow, now: Date, readable: (fileId: string) => boolean) {
  const grantee = presentGrantee(row, now);
  if (grantee.clientFileId === null || readable(grantee.clientFileId)) return grantee;
  return { ...grantee, clientFileName: null, clientFileNumber: null };
}

/** Counts grantees by their status right now. */
export function countGrantees(rows: readonly GranteeRow[], now: Date): GranteeCounts {
  const counts: GranteeCounts = { total: 0, pending: 0, active: 0, locked: 0, revoked: 0, expired: 0 };
  for (const row of rows) {
    counts.total += 1;
    counts[granteeStatus(row, now)] += 1;
  }
  return counts;
}

/** A bundled file → the API's shape. */
export function presentGrantFile(row: GrantFileRow): GrantFile {
  return {
    id: row.id,
    number: row.number,
    displayName: row.displayName,
    kind: row.kind as "private" | "business",
  };
}

/** A grant with its files and grantees → the list's shape. */
export function presentGrantSummary(
  grant: GrantRow,
  files: readonly GrantFileRow[],
  granteeRows: readonly GranteeRow[],
  now: Date,
): GrantSummary {
  return {
    id: grant.id,
    name: grant.name,
    files: files.filter((f) => f.grantId === grant.id).map(presentGrantFile),
    granteeCounts: countGrantees(
      granteeRows.filter((g) => g.grantId === grant.id),
      now,
    ),
    defaultAccess: grant.defaultAccess as AccessLevel,
    contractMode: grant.contractMode as ContractMode,
    view: grant.view as PortalView,
    createdAt: grant.createdAt.toISOString(),
    updatedAt: grant.updatedAt.toISOString(),
  };
}
