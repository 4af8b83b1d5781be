import { and, eq, inArray, sql } from "drizzle-orm";
import type { PersonRole } from "../../../contracts/clients.js";
import type { AccessLevel, RecordKind } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { persons } from "../clients/clients.tables.js";
import { type FileAccess, grantsAllowingEdit } from "./portal-access.js";
import { clientEditableContractStatuses, editRefusal } from "./sharing-rules.js";
import { shownBySomeGrant, tableOfKind } from "./visibility.sql.js";

// Portal writes (PORTAL-8) and family access (PORTAL-9): which grants allow a change, and whether the
// one record a change targets is shown by one of them. Lists use editGrantIds for their `editable` flags.

/** The ids of the grants under which the viewer may change records of `kind`; none in a preview. */
export function editGrantIds(access: FileAccess, kind: RecordKind): string[] {
  if (access.viewer.kind === "preview") return [];
  return access.grants
    .filter((g) => editRefusal(g.grantee.access, g.grantee.role, kind) === null)
    .map((g) => g.rules.id);
}

const creatableToggle = { asset: "shareAssets", donation: "shareDonations" } as const;

/**
 * The grants under which the viewer may add a record of `kind`: they must allow the change (403 with
 * the access.* reason otherwise) and share the kind, so the new record is one the viewer then sees.
 */
export function requireCreatable(access: FileAccess, kind: keyof typeof creatableToggle): string[] {
  const allowed = new Set(grantsAllowingEdit(access, kind));
  const sharing = access.grants.filter((g) => allowed.has(g.rules.id) && g.rules[creatableToggle[kind]]);
  if (sharing.length === 0) throw new AppError("forbidden", "portal.kind_not_shared");
  return sharing.map((g) => g.rules.id);
}

/** Whether the viewer may add a record of `kind` here (for the UI; the write checks again). */
export function mayCreate(access: FileAccess, kind: keyof typeof creatableToggle): boolean {
  const allowed = new Set(editGrantIds(access, kind));
  return access.grants.some((g) => allowed.has(g.rules.id) && g.rules[creatableToggle[kind]]);
}

/** Whether one record of the file is shown to the viewer, and shown by a grant in `editIds`; one query. */
async function standingOf(
  tx: ScopedTx,
  access: FileAccess,
  kind: RecordKind,
  id: string,
  editIds: readonly string[],
) {
  const table = sql.raw(tableOfKind[kind]);
  const { rows } = await tx.db.execute<{ visible: boolean; editable: boolean }>(
    sql`select ${shownBySomeGrant(kind, access.grantIds)} as visible,
               ${shownBySomeGrant(kind, editIds)} as editable
          from ${table}
         where ${table}.firm_id = ${access.firmId} and ${table}.client_file_id = ${access.fileId}
           and ${table}.id = ${id}`,
  );
  return rows[0];
}

/** 404 unless the record of `kind` is one the viewer sees on this file (before any other answer). */
export async function requireVisible(tx: ScopedTx, access: FileAccess, kind: RecordKind, id: string) {
  const standing = await standingOf(tx, access, kind, id, []);
  if (!standing?.visible) throw new AppError("not_found");
}

/**
 * Checks that the viewer may change one record of `kind`: 403 when no grant allows the change (a
 * preview, `read`, or a role that may not change the kind), 404 when the record is not one the viewer
 * sees on this file, 403 when the grants that show it do not allow the change.
 */
export async function requireChangeable(
  tx: ScopedTx,
  access: FileAccess,
  kind: RecordKind,
  id: string,
): Promise<void> {
  const allowed = grantsAllowingEdit(access, kind);
  const standing = await standingOf(tx, access, kind, id, allowed);
  if (!standing?.visible) throw new AppError("not_found");
  if (!standing.editable) throw new AppError("forbidden", "access.read_only");
}

/**
 * After a change, in the same transaction: the record must still be one the viewer may change, or the
 * change is refused (and rolled back) — a client cannot move a record out of their own sight.
 */
export async function assertStillChangeable(
  tx: ScopedTx,
  access: FileAccess,
  kind: RecordKind,
  id: string,
): Promise<void> {
  const standing = await standingOf(tx, access, kind, id, editGrantIds(access, kind));
  if (!standing?.editable) throw new AppError("forbidden", "portal.change_would_hide");
}

/** Contracts a client may change are those held elsewhere; the firm's own stay the firm's (403). */
export function assertClientEditableContract(status: string): void {
  if (!(clientEditableContractStatuses as readonly string[]).includes(status))
    throw new AppError("forbidden", "portal.contract_not_editable");
}

// ---- PORTAL-9: holders and co-holders give family members access ----

/** The family roles a holder may give access to from the portal; never outside advisors. */
export const familyGrantableRoles: readonly PersonRole[] = ["partner", "child", "relative", "co_holder"];

const levelRank: Record<AccessLevel, number> = { read: 1, read_write: 2 };

/** Through which grant, at which level, and as which person the viewer manages family access. */
export interface FamilyManager {
  grantId: string;
  level: AccessLevel;
  personId: string;
}

/**
 * The viewer as a manager of family access on this file, or the reason they are not: the file must be
 * a household, and the viewer a holder or co-holder *of this file* with `read_write` access (read-only
 * access changes nothing, SEC-13). Several such grants: the highest level wins, then the grant id.
 */
export async function familyManagerOf(
  tx: ScopedTx,
  access: FileAccess,
  fileKind: "private" | "business",
): Promise<FamilyManager | { refusal: string }> {
  if (fileKind !== "private") return { refusal: "portal.family_private_only" };
  const candidates = access.grants.filter(
    (g) => g.grantee.personId !== null && (g.grantee.role === "holder" || g.grantee.role === "co_holder"),
  );
  const personIds = [...new Set(candidates.map((g) => g.grantee.personId as string))];
  const onFile =
    personIds.length === 0
      ? new Set<string>()
      : new Set(
          (
            await tx.db
              .select({ id: persons.id })
              .from(persons)
              .where(
                and(
                  eq(persons.firmId, access.firmId),
                  eq(persons.clientFileId, access.fileId),
                  inArray(persons.id, personIds),
                ),
              )
          ).map((p) => p.id),
        );
  const mine = candidates
    .filter((g) => onFile.has(g.grantee.personId as string))
    .sort(
      (a, b) =>
        levelRank[b.grantee.access] - levelRank[a.grantee.access] || a.rules.id.localeCompare(b.rules.id),
    );
  const best = mine[0];
  if (!best) return { refusal: "portal.family_holders_only" };
  if (best.grantee.access !== "read_write") return { refusal: "portal.family_read_only" };
  return { grantId: best.rules.id, level: best.grantee.access, personId: best.grantee.personId as string };
}

/** Whether `level` is at most the manager's own. */
export function withinOwnLevel(manager: FamilyManager, level: AccessLevel): boolean {
  return levelRank[level] <= levelRank[manager.level];
}
