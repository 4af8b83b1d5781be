import { and, eq, inArray, notInArray, or, type SQL, sql } from "drizzle-orm";
import { type CaseKind, caseKindFeature, caseKinds } from "../../../contracts/cases.js";
import type { AccessLevel, GrantFeature } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { cases } from "../cases/cases.tables.js";
import { clientFiles, persons } from "../clients/clients.tables.js";
import { grantees, grants } from "../grants/grants.tables.js";
import { visibleClientFilesCondition } from "./client-files.access.js";
import { accountsReachingFile } from "./notification-reach.js";
import type { FileAccess } from "./portal-access.js";
import { requireVisible } from "./portal-edits.js";
import type { FileStanding, StaffActor } from "./staff.policy.js";

// Who may open, read and answer cases (CASE-1, PORTAL-6, PORTAL-7).
//
// Portal:
// - A case-creating feature (messages, claim reporting, contract capture, quote requests, client
//   uploads) counts only from a grant that enables it; a grant with `casesPrimaryContactsOnly` offers
//   its features only to grantees marked primary contact (seed 004: "Primärkontakt festlegen").
// - Writing (opening a case, answering in a thread) needs `read_write` on that grant: a `read`
//   grantee and a staff preview write nothing at all (SEC-13), they read the cases they see.
// - Who sees which case: whoever opened it (by account or as the same person), and the file's
//   "case readers" — on a household file the holders, co-holders and partners, on any file its
//   operational contacts — the same people who hear about case updates (CASE-2). Employees and
//   external advisors see only their own cases.
// - Answering in a thread: the one who opened it always (the firm may ask them something), other
//   case readers when a case-creating feature is theirs here; both need `read_write`.
// - Confirmation cases (kind `confirmation`) are the firm's own follow-up of a confirmation request:
//   the portal shows the request as a banner, never the case — not in the list, not by its id.
//
// Back office: staff see the cases of the files they may read, and any case assigned to them (the
// grant's case handler need not be on the file's team to handle what the portal sends). A reply
// reaches the client in the portal only while whoever opened the case still reaches the file.

/** One grant through which the viewer reaches the file, with what cases depend on. */
export interface CaseGrantFacts {
  grantId: string;
  granteeId: string;
  personId: string | null;
  role: string;
  access: AccessLevel;
  features: readonly GrantFeature[];
  caseHandlerId: string | null;
  isPrimaryContact: boolean;
  casesPrimaryContactsOnly: boolean;
  isOperationalContact: boolean;
  isEmployee: boolean;
}

/** The viewer's standing for cases on one file. */
export interface CaseStanding {
  fileId: string;
  fileKind: "private" | "business";
  caseOwnerId: string;
  preview: boolean;
  /** The signed-in account (null in a preview). */
  accountId: string | null;
  grants: CaseGrantFacts[];
}

/** Loads the case facts of the grants in `access` (primary contact, person flags, file kind) in one query. */
export async function loadCaseStanding(tx: ScopedTx, access: FileAccess): Promise<CaseStanding> {
  const granteeIds = access.grants.map((g) => g.grantee.id);
  const [file] = await tx.db
    .select({ kind: clientFiles.kind, caseOwnerId: clientFiles.caseOwnerId })
    .from(clientFiles)
    .where(and(eq(clientFiles.firmId, access.firmId), eq(clientFiles.id, access.fileId)));
  if (!file) throw new AppError("not_found");
  const rows =
    granteeIds.length === 0
      ? []
      : await tx.db
          .select({
            granteeId: grantees.id,
            isPrimaryContact: grantees.isPrimaryContact,
            casesPrimaryContactsOnly: grants.casesPrimaryContactsOnly,
            isOperationalContact: persons.isOperationalContact,
            isEmployee: persons.isEmployee,
          })
          .from(grantees)
          .innerJoin(grants, and(eq(grants.firmId, grantees.firmId), eq(grants.id, grantees.grantId)))
          .leftJoin(persons, and(eq(persons.firmId, grantees.firmId), eq(persons.id, grantees.personId)))
          .where(and(eq(grantees.firmId, access.firmId), inArray(grantees.id, granteeIds)));
  const byGrantee = new Map(rows.map((r) => [r.granteeId, r]));
  return {
    fileId: access.fileId,
    fileKind: file.kind as "private" | "business",
    caseOwnerId: file.caseOwnerId,
    preview: access.viewer.kind === "preview",
    accountId: access.viewer.kind === "account" ? access.viewer.accountId : null,
    grants: access.grants.map((g) => {
      const row = byGrantee.get(g.grantee.id);
      return {
        grantId: g.rules.id,
        granteeId: g.grantee.id,
        personId: g.grantee.personId,
        role: g.grantee.role,
        access: g.grantee.access,
        features: g.features,
        caseHandlerId: g.caseHandlerId,
        isPrimaryContact: row?.isPrimaryContact ?? false,
        casesPrimaryContactsOnly: row?.casesPrimaryContactsOnly ?? false,
        isOperationalContact: row?.isOperationalContact ?? false,
        isEmployee: row?.isEmployee ?? false,
      };
    }),
  };
}

/** Whether this grant offers its case-creating features to the viewer: read_write, and the primary-contact rule. */
function offersCases(g: CaseGrantFacts): boolean {
  return g.access === "read_write" && (!g.casesPrimaryContactsOnly || g.isPrimaryContact);
}

const caseFeatures = new Set<GrantFeature>(Object.values(caseKindFeature));

/** The grants that let the viewer create a case of `kind` here; none in a preview. */
export function grantsCreating(standing: CaseStanding, kind: CaseKind): CaseGrantFacts[] {
  if (standing.preview) return [];
  const feature = caseKindFeature[kind];
  return standing.grants.filter((g) => offersCases(g) && g.features.includes(feature));
}

/** Why grants that enable a feature still do not let the viewer use it: the 403 to answer. */
function refusal(standing: CaseStanding, enabling: readonly CaseGrantFacts[]): AppError {
  if (standing.preview) return new AppError("forbidden", "access.preview_read_only");
  if (enabling.length === 0) return new AppError("forbidden", "cases.feature_off");
  if (!enabling.some((g) => g.access === "read_write")) return new AppError("forbidden", "access.read_only");
  return new AppError("forbidden", "cases.primary_contact_only");
}

/** The kinds the viewer may create here now. */
export function creatableKinds(standing: CaseStanding): CaseKind[] {
  return caseKinds.filter((kind) => grantsCreating(standing, kind).length > 0);
}

/** Whether the viewer may report a claim without naming a contract (a grant enabling both). */
export function mayReportClaimWithoutContract(standing: CaseStanding): boolean {
  return grantsCreating(standing, "claim_report").some((g) =>
    g.features.includes("claim_reporting_without_contract"),
  );
}

/**
 * The grants under which the viewer creates a case of `kind`, or 403 naming why not: a preview or a
 * `read` grantee never writes; a feature the grant offers only to primary contacts; a feature that is off.
 */
export function requireCreating(standing: CaseStanding, kind: CaseKind): CaseGrantFacts[] {
  const allowed = grantsCreating(standing, kind);
  if (allowed.length > 0) return allowed;
  const feature = caseKindFeature[kind];
  throw refusal(
    standing,
    standing.grants.filter((g) => g.features.includes(feature)),
  );
}

/** 403 unless the viewer may create a case of some kind here (checked before an upload is read). */
export function requireCreatingSome(standing: CaseStanding): void {
  if (creatableKinds(standing).length > 0) return;
  throw refusal(
    standing,
    standing.grants.filter((g) => g.features.some((f) => caseFeatures.has(f))),
  );
}

/**
 * Checks a claim's contract: one a grant that lets the viewer report claims shows them, or none only
 * when such a grant allows claims without a contract. Problems are field errors on `details.contractId`.
 */
export async function checkClaimContract(
  tx: ScopedTx,
  access: FileAccess,
  standing: CaseStanding,
  contractId: string | null,
): Promise<void> {
  if (contractId === null) {
    if (!mayReportClaimWithoutContract(standing)) {
      throw new AppError(
        "invalid",
        "errors.invalid",
        {},
        { fields: [{ field: "details.contractId", message: "cases.contract_required" }] },
      );
    }
    return;
  }
  const grantIds = grantsCreating(standing, "claim_report").map((g) => g.grantId);
  try {
    await requireVisible(tx, { ...access, grantIds }, "contract", contractId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      throw new AppError(
        "invalid",
        "errors.invalid",
        {},
        { fields: [{ field: "details.contractId", message: "cases.contract_unknown" }] },
      );
    }
    throw error;
  }
}

const householdReaders = new Set(["holder", "co_holder", "partner"]);

/** Whether the viewer sees every case of the file (not only their own): the file's case readers. */
export function seesAllCasesOfFile(standing: CaseStanding): boolean {
  return standing.grants.some(
    (g) =>
      !g.isEmployee &&
      ((standing.fileKind === "private" && householdReaders.has(g.role)) || g.isOperationalContact),
  );
}

/** Who opened a case, as far as the rules look at it (and its kind, when known). */
export interface CaseOpener {
  createdByAccountId: string | null;
  createdByPersonId: string | null;
  kind?: string;
}

/** The case kinds the portal never shows: the firm's own follow-up of a confirmation request. */
const firmOnlyKinds = ["confirmation"];

/** Whether the portal shows cases of this kind at all. */
export function portalShowsCaseKind(kind: string): boolean {
  return !firmOnlyKinds.includes(kind);
}

/** Whether the viewer opened this case: the same account, or the same person of the file. */
export function openedByViewer(standing: CaseStanding, opener: CaseOpener): boolean {
  if (standing.accountId !== null && opener.createdByAccountId === standing.accountId) return true;
  return (
    opener.createdByPersonId !== null && standing.grants.some((g) => g.personId === opener.createdByPersonId)
  );
}

/** The SQL condition "the viewer sees this case" for the file's list (file and firm are the caller's). */
export function visibleCasesForViewer(standing: CaseStanding): SQL | undefined {
  const shownKinds = notInArray(cases.kind, firmOnlyKinds);
  if (seesAllCasesOfFile(standing)) return shownKinds;
  const personIds = standing.grants.flatMap((g) => (g.personId ? [g.personId] : []));
  const conditions: SQL[] = [];
  if (standing.accountId) conditions.push(eq(cases.createdByAccountId, standing.accountId));
  if (personIds.length > 0) conditions.push(inArray(cases.createdByPersonId, personIds));
  // A preview of an outside grantee who has no person here: nothing of theirs to show.
  return conditions.length > 0 ? and(shownKinds, or(...conditions)) : sql`false`;
}

/** Whether the viewer sees one case of the file. */
export function viewerSeesCase(standing: CaseStanding, opener: CaseOpener): boolean {
  if (opener.kind !== undefined && !portalShowsCaseKind(opener.kind)) return false;
  return seesAllCasesOfFile(standing) || openedByViewer(standing, opener);
}

/** Whether the viewer writes at all here: not a preview, and `read_write` on a grant reaching the file. */
function writes(standing: CaseStanding): boolean {
  return !standing.preview && standing.grants.some((g) => g.access === "read_write");
}

/** Whether the viewer may write in this case's thread now (see the rules above). */
export function mayReplyToCase(standing: CaseStanding, opener: CaseOpener): boolean {
  if (!writes(standing) || !viewerSeesCase(standing, opener)) return false;
  return openedByViewer(standing, opener) || creatableKinds(standing).length > 0;
}

/** Whether the viewer may write in threads of this file at all (each case says for itself: canReply). */
export function mayReplyOnFile(standing: CaseStanding): boolean {
  return writes(standing);
}

/** 403 unless the viewer may write in the case's thread (a case they do not see is the caller's 404). */
export function requireReplying(standing: CaseStanding, opener: CaseOpener): void {
  if (standing.preview) throw new AppError("forbidden", "access.preview_read_only");
  if (!writes(standing)) throw new AppError("forbidden", "access.read_only");
  if (!mayReplyToCase(standing, opener)) throw new AppError("forbidden", "cases.feature_off");
}

// ---- assignment ----

/** What the assignment looks at; `activeStaff` are the firm's active staff members' user ids. */
export interface AssignmentFacts {
  /** The case handlers of the grants the case was created through, in order of preference. */
  caseHandlerIds: readonly (string | null)[];
  caseOwnerId: string | null;
  activeStaff: ReadonlySet<string>;
}

/** Who a new case goes to, and why. */
export interface Assignment {
  assigneeUserId: string | null;
  reason: "case_handler" | "case_owner" | "admins";
}

/**
 * CASE-1: the grant's case handler when they are an active staff member, else the file's case owner
 * when active, else nobody in person — the firm's admins see to it.
 */
export function chooseAssignee(facts: AssignmentFacts): Assignment {
  const handler = facts.caseHandlerIds.find((id) => id !== null && facts.activeStaff.has(id));
  if (handler) return { assigneeUserId: handler, reason: "case_handler" };
  if (facts.caseOwnerId && facts.activeStaff.has(facts.caseOwnerId))
    return { assigneeUserId: facts.caseOwnerId, reason: "case_owner" };
  return { assigneeUserId: null, reason: "admins" };
}

// ---- back office ----

/** Whether a staff member sees a case: they may read its file, or it is assigned to them. */
export function staffSeesCase(actor: StaffActor, file: FileStanding, assigneeUserId: string | null): boolean {
  if (actor.staff.role === "admin") return true;
  if (assigneeUserId === actor.user.id) return true;
  return file.caseOwnerId === actor.user.id || file.teamUserIds.includes(actor.user.id);
}

/** The SQL condition of staffSeesCase for the inbox query (joined with client_files). */
export function visibleCasesForStaff(actor: StaffActor): SQL | undefined {
  const fileCondition = visibleClientFilesCondition(actor);
  if (!fileCondition) return undefined;
  return or(fileCondition, eq(cases.assigneeUserId, actor.user.id));
}

/**
 * Whether a staff reply reaches the client in the portal: the case's kind is one the portal shows, and
 * whoever opened it still reaches the file now — their account (not deleted) or another account of the
 * same person, through an active, unexpired grantee. Replies are kept either way; this says whether
 * the client will read them there.
 */
export async function caseReachesClient(
  tx: ScopedTx,
  row: CaseOpener & { kind: string; clientFileId: string },
  now: Date,
): Promise<boolean> {
  if (!portalShowsCaseKind(row.kind)) return false;
  if (row.createdByAccountId === null && row.createdByPersonId === null) return false;
  const reach = await accountsReachingFile(tx, row.clientFileId, null, now);
  return reach.some(
    (r) =>
      (row.createdByAccountId !== null && r.accountId === row.createdByAccountId) ||
      (row.createdByPersonId !== null && r.personId === row.createdByPersonId),
  );
}
