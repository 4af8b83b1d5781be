import { and, eq, inArray } from "drizzle-orm";
import type { GrantSettings, GrantSettingsPatch } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import type { AccessPolicies } from "../access/grant-management.policy.js";
import { documentCategories } from "../documents/documents.tables.js";
import { firms, staffMembers } from "../firms/firms.tables.js";
import { linesOfBusiness } from "../records/records.tables.js";
import type { FieldProblems } from "../records/records.validation.js";
import { firmOf } from "./grants.queries.js";

/** Settings after a change: the fields of `patch` over `base`, lists without duplicates. */
export function mergeSettings(base: GrantSettings, patch: GrantSettingsPatch | undefined): GrantSettings {
  const merged = { ...base, ...patch };
  return {
    ...merged,
    contractCategories: [...new Set(merged.contractCategories)],
    lineOfBusinessIds: [...new Set(merged.lineOfBusinessIds)],
    documentCategoryIds: [...new Set(merged.documentCategoryIds)],
    features: [...new Set(merged.features)],
  };
}

async function idsOfFirm(
  tx: ScopedTx,
  table: typeof linesOfBusiness | typeof documentCategories,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.firmId, firmOf(tx)), inArray(table.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/**
 * Checks what a settings change refers to: lines of business and document categories must be the
 * firm's, the case handler an active staff member of the firm. Only the fields sent are checked, so a
 * grant keeps a line that was deactivated since. Problems are noted under `settings.<field>`.
 */
export async function checkSettingsPatch(
  tx: ScopedTx,
  patch: GrantSettingsPatch | undefined,
  problems: FieldProblems,
): Promise<void> {
  if (!patch) return;
  if (patch.lineOfBusinessIds?.length) {
    const known = await idsOfFirm(tx, linesOfBusiness, patch.lineOfBusinessIds);
    if (patch.lineOfBusinessIds.some((id) => !known.has(id)))
      problems.add("settings.lineOfBusinessIds", "grants.line_of_business_unknown");
  }
  if (patch.documentCategoryIds?.length) {
    const known = await idsOfFirm(tx, documentCategories, patch.documentCategoryIds);
    if (patch.documentCategoryIds.some((id) => !known.has(id)))
      problems.add("settings.documentCategoryIds", "grants.document_category_unknown");
  }
  if (patch.caseHandlerId) {
    const [member] = await tx.db
      .select({ active: staffMembers.active })
      .from(staffMembers)
      .where(and(eq(staffMembers.firmId, firmOf(tx)), eq(staffMembers.userId, patch.caseHandlerId)));
    if (!member?.active) problems.add("settings.caseHandlerId", "grants.case_handler_unknown");
  }
}

/** The firm's name, language, colours and the access policies (FIRM-3) the grant rules read. */
export async function loadFirmForGrants(tx: ScopedTx) {
  const [firm] = await tx.db
    .select({
      name: firms.name,
      language: firms.defaultLanguage,
      primaryColor: firms.primaryColor,
      street: firms.street,
      postalCode: firms.postalCode,
      city: firms.city,
      phone: firms.phone,
      email: firms.email,
      senderName: firms.senderName,
      replyTo: firms.replyTo,
      defaultSalutation: firms.defaultSalutation,
      accessManagedBy: firms.accessManagedBy,
      holdersAccessIrrevocable: firms.holdersAccessIrrevocable,
    })
    .from(firms)
    .where(eq(firms.firmId, firmOf(tx)));
  if (!firm) throw new Error("the firm of the scope does not exist");
  const policies: AccessPolicies = {
    accessManagedBy: firm.accessManagedBy as AccessPolicies["accessManagedBy"],
    holdersAccessIrrevocable: firm.holdersAccessIrrevocable,
  };
  return { ...firm, policies };
}

export type FirmForGrants = Awaited<ReturnType<typeof loadFirmForGrants>>;
