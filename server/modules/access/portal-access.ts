import { and, eq, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PersonRole } from "../../../contracts/clients.js";
import type { AccessLevel, ContractMode, GrantFeature, RecordKind } from "../../../contracts/grants.js";
import type { ContractCategory } from "../../../contracts/records.js";
import { preparedOn, type ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { persons } from "../clients/clients.tables.js";
import { grantees, grantFiles, grants } from "../grants/grants.tables.js";
import {
  type EditRefusal,
  editRefusal,
  effectiveStatus,
  type GranteeRole,
  type GrantRules,
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

/** The statement behind loadFileAccess, per kind of viewer (their grantees by account, or one grantee). */
function fileAccessQuery(viewerKind: PortalViewer["kind"]) {
  return (db: NodePgDatabase) => {
    const viewerId = sql.placeholder("viewerId");
    const fileId = sql.placeholder("fileId");
    return db
      .select({
        grant: grants,
        grantee: grantees,
        personRole: persons.role,
        // The grant's manual list, only as far as it concerns this file: one statement, bounded however
        // many files the grant bundles.
        manualContractIds: sql<string[] | null>`(select array_agg(gc.contract_id) from grant_contracts gc
          join contracts c on c.firm_id = gc.firm_id and c.id = gc.contract_id
          where gc.firm_id = ${grants.firmId} and gc.grant_id = ${grants.id} and c.client_file_id = ${fileId})`,
      })
      .from(grantees)
      .innerJoin(grants, and(eq(grants.firmId, grantees.firmId), eq(grants.id, grantees.grantId)))
      .innerJoin(
        grantFiles,
        and(
          eq(grantFiles.firmId, grants.firmId),
          eq(grantFiles.grantId, grants.id),
          eq(grantFiles.clientFileId, fileId),
        ),
      )
      .leftJoin(persons, and(eq(persons.firmId, grantees.firmId), eq(persons.id, grantees.personId)))
      .where(
        and(
          eq(grantees.firmId, sql.placeholder("firmId")),
          viewerKind === "account" ? eq(grantees.accountId, viewerId) : eq(grantees.id, viewerId),
        ),
      )
      .prepare(`portal_file_access_${viewerKind}`);
  };
}

/**
 * Loads the grants through which `viewer` reaches `fileId` right now, in one query: the grantee rows
 * with their grants and the part of each manual contract list on this file. A grantee counts when
 * active and not expired (a lock, revoke or passed expiry takes effect on this very request); a
 * preview also shows a `pending` grantee, as they will see it once they join.
 */
export async function loadFileAccess(
  tx: ScopedTx,
  viewer: PortalViewer,
  fileId: string,
  now: Date,
): Promise<FileAccess> {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("portal access needs a firm scope");
  const rows = await preparedOn(
    tx,
    `portal_file_access_${viewer.kind}`,
    fileAccessQuery(viewer.kind),
  ).execute({
    firmId,
    viewerId: viewer.kind === "account" ? viewer.accountId : viewer.granteeId,
    fileId,
  });
  const usable = rows.filter(({ grantee }) => {
    const status = effectiveStatus(
      { status: grantee.status as "pending" | "active" | "locked" | "revoked", expiresAt: grantee.expiresAt },
      now,
    );
    return status === "active" || (viewer.kind === "preview" && status === "pending");
  });
  const grantIds = [...new Set(usable.map((r) => r.grant.id))];
  const viewerGrants = usable.map(({ grant, grantee, personRole, manualContractIds }): ViewerGrant => {
    const rules: GrantRules = {
      id: grant.id,
      name: grant.name,
      shareAssets: grant.shareAssets,
      shareDonations: grant.shareDonations,
      sharePersons: grant.sharePersons,
      shareClaims: grant.shareClaims,
      shareAddresses: grant.shareAddresses,
      contractMode: grant.contractMode as ContractMode,
      contractCategories: grant.contractCategories as ContractCategory[],
      lineOfBusinessIds: grant.lineOfBusinessIds,
      documentCategoryIds: grant.documentCategoryIds,
      // What this access concerns: the one file (the grant's other files are other requests).
      fileIds: new Set([fileId]),
      manualContractIds: new Set(manualContractIds ?? []),
    };
    return {
      rules,
      features: grant.features as GrantFeature[],
      view: grant.view as "private" | "business",
      showProductName: grant.showProductName,
      caseHandlerId: grant.caseHandlerId,
      showCaseHandler: grant.showCaseHandler,
      grantee: {
        id: grantee.id,
        personId: grantee.personId,
        access: grantee.access as AccessLevel,
        role: (personRole as PersonRole | null) ?? "external_advisor",
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
): Promise<FileAccess> {
  const access = await loadFileAccess(tx, viewer, fileId, now);
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

/** Whether the viewer sees other persons' contact details on this file through any of its grants. */
export function viewerSeesContactDetails(access: FileAccess): boolean {
  return access.grants.some((g) => seesContactDetails(g.grantee.access, g.grantee.role));
}

/** The viewer's features on this file: the union over its grants (GRANT-4). */
export function viewerFeatures(access: FileAccess): Set<GrantFeature> {
  return new Set(access.grants.flatMap((g) => g.features));
}
