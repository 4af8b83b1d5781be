import type {
  DocumentCategory,
  FirmPolicies,
  FirmProfile,
  LineOfBusiness,
} from "../../../contracts/settings.js";
import type { DocumentCategoryRow, FirmRow, LineOfBusinessRow } from "./settings.queries.js";

/** The logo's address; the version changes with every new logo so long caching stays correct. */
export function logoUrlOf(firm: Pick<FirmRow, "logoStorageKey">): string | null {
  if (!firm.logoStorageKey) return null;
  const version = firm.logoStorageKey.split("/").pop() ?? "";
  return `/api/firm/logo?v=${encodeURIComponent(version)}`;
}

/** The firm's profile as the API shows it (FIRM-1). */
export function presentFirmProfile(firm: FirmRow): FirmProfile {
  return {
    id: firm.firmId,
    name: firm.name,
    street: firm.street,
    postalCode: firm.postalCode,
    city: firm.city,
    country: firm.country,
    phone: firm.phone,
    email: firm.email,
    website: firm.website,
    primaryColor: firm.primaryColor,
    accentColor: firm.accentColor,
    defaultLanguage: firm.defaultLanguage as FirmProfile["defaultLanguage"],
    publicCode: firm.publicCode,
    logoUrl: logoUrlOf(firm),
    updatedAt: firm.updatedAt.toISOString(),
  };
}

/** The firm's policies as the API shows them (FIRM-3). */
export function presentFirmPolicies(firm: FirmRow): FirmPolicies {
  return {
    accessManagedBy: firm.accessManagedBy as FirmPolicies["accessManagedBy"],
    reminderDays: [...firm.reminderDays],
    invitationLifetimeDays: firm.invitationLifetimeDays,
    defaultSalutation: firm.defaultSalutation as FirmPolicies["defaultSalutation"],
    recommendedCategoryKeys: [...firm.recommendedCategoryKeys],
    holdersAccessIrrevocable: firm.holdersAccessIrrevocable,
    secondFactor: firm.secondFactor as FirmPolicies["secondFactor"],
    senderName: firm.senderName,
    replyTo: firm.replyTo,
  };
}

/** One line of business. */
export function presentLineOfBusiness(row: LineOfBusinessRow): LineOfBusiness {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One document category. */
export function presentDocumentCategory(row: DocumentCategoryRow): DocumentCategory {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A line of business as the audit log keeps it. The audit writer redacts every key named "code" (OTP
 * codes), so the line's code is recorded as `lineCode` to stay readable in the history.
 */
export function auditShapeOfLineOfBusiness(line: LineOfBusiness) {
  const { code, ...rest } = line;
  return { lineCode: code, ...rest };
}
