import type { PersonRole } from "../../../contracts/clients.js";
import type { AccessLevel, ContractMode, GrantFeature, RecordKind } from "../../../contracts/grants.js";
import type { ContractCategory } from "../../../contracts/records.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { type FileGrantRow, readFileGrantRows } from "./file-grants.sql.js";
import {
  decide,
  type EditRefusal,
  editRefusal,
  effectiveStatus,
  type GranteeRole,
  type GrantRules,
  type RecordFacts,
  type RelatedRecords,
  seesContactDetails,
} from "./sharing-rules.js";

/**
 * Who looks at the portal: a signed-in account (its active grantees), or a staff member previewing
 * one grantee (GRANT-8) — the same engine, read-only.
 */
export type PortalViewer =
  | { kind: "account"; accountId: string }
  | { kind: "preview"; granteeId: string; staffUserId: string };

/** One grant through which the viewer reaches a file, with the grantee it reaches it as. */
export interface ViewerGrant {
  rules: GrantRules;
  features: readonly GrantFeature[];
  view: "private" | "business";
  showProductName: boolean;
  caseHandlerId: string | null;
  showCaseHandler: boolean;
  grantee: {
    id: string;
    personId: string | null;
    access: AccessLevel;
    role: GranteeRole;
  };
}

/** The viewer's effective access to one file: the grants that reach it now. Empty means no access. */
export interface FileAccess {
  firmId: string;
  fileId: string;
  viewer: PortalViewer;
  grants: ViewerGrant[];
  grantIds: string[];
}

/**
 * Loads the grants through which `viewer` reaches `fileId` right now, in one query: the grantee rows
 * with their grants and the part of each manual contract list on this file (file-grants.sql.ts).
 */
export async function loadFileAccess(
  tx: ScopedTx,
  viewer: PortalViewer,
  fileId: string,
  now: Date,
): Promise<FileAccess> {
  const rows = await readFileGrantRows(tx, fileId, {
    account: viewer.kind === "account" ? viewer.accountId : null,
    grantee: viewer.kind === "preview" ? viewer.granteeId : null,
  });
  return fileAccessOfRows(tx, viewer, fileId, now, rows);
}

/**
 * The access `rows` of `portal_file_grants` give now. A grantee counts when active and not expired
 * (a lock, revoke or passed expiry takes effect on this very request); a preview also shows a
 * `pending` grantee, as they will see it once they join.
 */
export function fileAccessOfRows(
  tx: ScopedTx,
  viewer: PortalViewer,
  fileId: string,
  now: Date,
  rows: readonly FileGrantRow[],
): FileAccess {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("portal access needs a firm scope");
  const usable = rows.filter((row) => {
    const status = effectiveStatus(
      { status: row.status as "pending" | "active" | "locked" | "revoked", expiresAt: row.expires_at },
      now,
    );
    return status === "active" || (viewer.kind === "preview" && status === "pending");
  });
  const grantIds = [...new Set(usable.map((r) => r.grant_id))];
  const viewerGrants = usable.map((row): ViewerGrant => {
    const rules: GrantRules = {
      id: row.grant_id,
      name: row.grant_name,
      shareAssets: row.share_assets,
      shareDonations: row.share_donations,
      sharePersons: row.share_persons,
      shareClaims: row.share_claims,
      shareAddresses: row.share_addresses,
      contractMode: row.contract_mode as ContractMode,
      contractCategories: row.contract_categories as ContractCategory[],
      lineOfBusinessIds: row.line_of_business_ids,
      documentCategoryIds: row.document_category_ids,
      // What this access concerns: the one file (the grant's other files are other requests).
      fileIds: new Set([fileId]),
      manualContractIds: new Set(row.manual_contract_ids ?? []),
    };
    return {
      rules,
      features: row.features as GrantFeature[],
      view: row.view as "private" | "business",
      showProductName: row.show_product_name,
      caseHandlerId: row.case_handler_id,
      showCaseHandler: row.show_case_handler,
      grantee: {
        id: row.grantee_id,
        personId: row.person_id,
        access: row.access as AccessLevel,
        role: (row.person_role as PersonRole | null) ?? "external_advisor",
      },
    };
  });
  return { firmId, fileId, viewer, grants: viewerGrants, grantIds };
}

/** The file's access, or 404 when the viewer has none (a file one cannot see does not exist for them). */
export async function requireFileAccess(
  tx: ScopedTx,
  viewer: PortalViewer,
  fileId: string,
  now: Date,
  /** The rows already read in the transaction's opening round trip, if any. */
  opened?: readonly FileGrantRow[],
): Promise<FileAccess> {
  const access = opened
    ? fileAccessOfRows(tx, viewer, fileId, now, opened)
    : await loadFileAccess(tx, viewer, fileId, now);
  if (access.grants.length === 0) throw new AppError("not_found");
  return access;
}

/**
 * The grants under which the viewer may change records of `kind` (to check the record is shown by
 * one of them), or a 403 naming the reason: a preview never writes (SEC-13), `read` changes nothing,
 * and a role may change only some kinds (external advisors: persons, assets, donations).
 */
export function grantsAllowingEdit(access: FileAccess, kind: RecordKind): string[] {
  if (access.viewer.kind === "preview") throw new AppError("forbidden", "access.preview_read_only");
  const refusals: EditRefusal[] = [];
  const allowed: string[] = [];
  for (const g of access.grants) {
    const refusal = editRefusal(g.grantee.access, g.grantee.role, kind);
    if (refusal) refusals.push(refusal);
    else allowed.push(g.rules.id);
  }
  if (allowed.length > 0) return allowed;
  throw new AppError(
    "forbidden",
    refusals.includes("role_may_not_edit_kind") ? "access.role_may_not_edit" : "access.read_only",
  );
}

/**
 * Whether one of the viewer's grants on the file — or, given `amongGrantIds`, one of those — shows
 * `record`: the engine's own decision (sharing-rules.ts) over rows a list has read for the file.
 */
export function viewerSees(
  access: FileAccess,
  record: RecordFacts,
  related: RelatedRecords,
  amongGrantIds?: readonly string[],
): boolean {
  return access.grants.some(
    (g) => (!amongGrantIds || amongGrantIds.includes(g.rules.id)) && decide(g.rules, record, related).visible,
  );
}

/** Whether the viewer sees other persons' contact details on this file through any of its grants. */
export function viewerSeesContactDetails(access: FileAccess): boolean {
  return access.grants.some((g) => seesContactDetails(g.grantee.access, g.grantee.role));
}

/** The viewer's features on this file: the union over its grants (GRANT-4). */
export function viewerFeatures(access: FileAccess): Set<GrantFeature> {
  return new Set(access.grants.flatMap((g) => g.features));
}
