import { and, asc, eq, type SQL } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { PersonRole } from "../../../contracts/clients.js";
import type {
  AccessLevel,
  GranteeStatus,
  GrantFeature,
  PortalView,
  RecordKind,
} from "../../../contracts/grants.js";
import { PREVIEW_HEADER } from "../../../contracts/portal.js";
import type { AppDeps } from "../../deps.js";
import { inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { type AuditContext, auditContextOf } from "../audit/audit.service.js";
import { clientFiles, persons } from "../clients/clients.tables.js";
import { grantees, grantFiles, grants } from "../grants/grants.tables.js";
import { type Actor, adoptActor, inSessionFirmScope, type OpeningRows, requireActor } from "./actor.js";
import { assertCanOnFile, visibleClientFilesCondition } from "./client-files.access.js";
import { accountFileGrantsStatement, type FileGrantRow } from "./file-grants.sql.js";
import { type FileAccess, type PortalViewer, requireFileAccess } from "./portal-access.js";
import { requireVisible } from "./portal-edits.js";
import {
  assertFirmFactorsRows,
  assertFirmSecondFactor,
  firmFactorsStatement,
} from "./second-factor-policy.js";
import { effectiveStatus } from "./sharing-rules.js";
import { requireStaff, type StaffActor } from "./staff.policy.js";

/** What a portal use case gets: one transaction in one firm (PORTAL-2), the viewer, the audit context. */
export interface PortalWork {
  tx: ScopedTx;
  firmId: string;
  viewer: PortalViewer;
  /** The account's name, or in a preview the previewed grantee's. */
  viewerName: string;
  /** The staff member previewing (GRANT-8); null for a signed-in grantee. */
  staff: StaffActor | null;
  audit: AuditContext;
  /** The request's instant: a lock, revoke or expiry counts from exactly here. */
  now: Date;
  /** What the opening round trip already read of the route's file: the viewer's grants, and more. */
  openedFile: OpenedFile | null;
}

/** A database function a route reads first: the file's rows as the viewer sees them at an instant. */
export interface OpeningRead {
  name: string;
  /** Its call for the transaction's signed-in account, with the file and the instant as literals. */
  openingStatement(fileLiteral: string, atLiteral: string): string;
}

/** The viewer's grant rows on one file, and the rows of the route's OpeningRead, read in one round trip. */
export interface OpenedFile {
  fileId: string;
  rows: FileGrantRow[];
  alsoRead: { name: string; rows: OpeningRows } | null;
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The previewed grantee's id from the preview header, or null when the header is absent. */
function previewGranteeId(request: FastifyRequest): string | null {
  const raw = request.headers[PREVIEW_HEADER];
  if (raw === undefined) return null;
  const value = Array.isArray(raw) ? (raw[0] ?? "") : raw;
  // An id that is not a UUID names no grantee: the same 404 as an unknown one.
  if (!uuidShape.test(value)) throw new AppError("not_found");
  return value;
}

/** The route's `:fileId` when it is a well-formed id (a malformed one is the route schema's 400). */
function routeFileId(request: FastifyRequest): string | null {
  const fileId = (request.params as { fileId?: unknown } | undefined)?.fileId;
  return typeof fileId === "string" && uuidShape.test(fileId) ? fileId : null;
}

/**
 * Runs portal work for the request in one transaction scoped to `firmId`. The viewer is the signed-in
 * account, or — with the preview header — a staff member looking as one grantee of their own firm
 * (a grantee or firm elsewhere answers 404; a non-staff account sending the header 403). An account
 * that lacks the second factor the firm asks for hears 403 `second_factor_required` (FIRM-3).
 */
export async function inPortalScope<T>(
  deps: AppDeps,
  request: FastifyRequest,
  firmId: string,
  fn: (work: PortalWork) => Promise<T>,
  /** What the route reads of its file first, to read in the opening round trip as well. */
  alsoRead?: OpeningRead,
): Promise<T> {
  const granteeId = previewGranteeId(request);
  // Acting as a client, even when the account is also staff somewhere.
  // One instant for the whole request: the opening's reads and every decision after them.
  const now = deps.clock.now();
  const asClient = (tx: ScopedTx, actor: Actor, openedFile: PortalWork["openedFile"] = null) => {
    const audit: AuditContext = {
      ...auditContextOf(request, actor, deps.clock),
      actorKind: "client",
      at: now,
    };
    const viewer: PortalViewer = { kind: "account", accountId: actor.user.id };
    return fn({
      tx,
      firmId,
      viewer,
      viewerName: actor.user.name,
      staff: null,
      audit,
      now: audit.at,
      openedFile,
    });
  };
  if (request.readActor) {
    // The portal's reads find the session, open their transaction and read the viewer's grants on
    // the route's file (and what the route reads of it first) in one round trip.
    const fileId = routeFileId(request);
    const done = await inSessionFirmScope(
      deps,
      request,
      firmId,
      (tx, actor, [factorRows = [], grantRows, alsoRows]) => {
        assertFirmFactorsRows(factorRows);
        return asClient(
          tx,
          actor,
          fileId && grantRows
            ? {
                fileId,
                rows: grantRows as unknown as FileGrantRow[],
                alsoRead: alsoRead && alsoRows ? { name: alsoRead.name, rows: alsoRows } : null,
              }
            : null,
        );
      },
      // The firm's second-factor policy and the account's factors first (FIRM-3), then the file's rows.
      (literal) => [
        firmFactorsStatement(literal(firmId)),
        ...(fileId
          ? [
              accountFileGrantsStatement(literal(fileId)),
              ...(alsoRead ? [alsoRead.openingStatement(literal(fileId), literal(now.toISOString()))] : []),
            ]
          : []),
      ],
    );
    if (done) return done.result;
    adoptActor(request, await request.readActor());
  }
  const actor = requireActor(request);
  if (granteeId === null) {
    return inScope(deps.database, { firmId, userId: actor.user.id }, async (tx) => {
      await assertFirmSecondFactor(tx, firmId);
      return asClient(tx, actor);
    });
  }
  const staff = requireStaff(actor);
  if (staff.staff.firmId !== firmId) throw new AppError("not_found");
  const audit = auditContextOf(request, staff, deps.clock);
  const viewer: PortalViewer = { kind: "preview", granteeId, staffUserId: staff.user.id };
  return inScope(deps.database, { firmId, userId: actor.user.id }, async (tx) => {
    const [grantee] = await tx.db
      .select({ name: grantees.name })
      .from(grantees)
      .where(and(eq(grantees.firmId, firmId), eq(grantees.id, granteeId)));
    if (!grantee) throw new AppError("not_found");
    return fn({
      tx,
      firmId,
      viewer,
      viewerName: grantee.name,
      staff,
      audit,
      now: audit.at,
      openedFile: null,
    });
  });
}

/**
 * The viewer's access to one file, or 404. A preview also needs the staff member to be allowed to
 * read the file (staff rules), so a preview never shows more than its staff member may see.
 */
export async function requirePortalFile(work: PortalWork, fileId: string): Promise<FileAccess> {
  if (work.staff) await assertCanOnFile(work.tx, work.staff, "client_file.read", fileId);
  const opened = work.openedFile?.fileId === fileId ? work.openedFile.rows : undefined;
  return requireFileAccess(work.tx, work.viewer, fileId, work.now, opened);
}

/** Whether a grantee in this state gives access now (a preview also shows a pending grantee). */
function usable(
  row: { status: string; expiresAt: Date | null },
  viewer: PortalViewer["kind"],
  now: Date,
): GranteeStatus | null {
  const status = effectiveStatus(
    { status: row.status as "pending" | "active" | "locked" | "revoked", expiresAt: row.expiresAt },
    now,
  );
  return status === "active" || (viewer === "preview" && status === "pending") ? status : null;
}

/**
 * The firms whose portal the request may open: the staff member's own firm in a preview, otherwise
 * every firm where the account has a grantee that gives access now (read through the account's own
 * rows across firms, policy `account_reads_own`).
 */
export async function portalFirmIds(deps: AppDeps, request: FastifyRequest): Promise<string[]> {
  const actor = requireActor(request);
  if (previewGranteeId(request) !== null) return [requireStaff(actor).staff.firmId];
  const now = deps.clock.now();
  const rows = await inScope(deps.database, { userId: actor.user.id }, (tx) =>
    tx.db
      .select({ firmId: grantees.firmId, status: grantees.status, expiresAt: grantees.expiresAt })
      .from(grantees)
      .where(eq(grantees.accountId, actor.user.id)),
  );
  return [...new Set(rows.filter((r) => usable(r, "account", now)).map((r) => r.firmId))].sort();
}

/** One file the viewer reaches now, through one grant. */
export interface ReachedFile {
  fileId: string;
  kind: "private" | "business";
  displayName: string;
  number: string;
  grant: {
    id: string;
    name: string;
    view: PortalView;
    features: GrantFeature[];
    access: AccessLevel;
    role: PersonRole;
    status: GranteeStatus;
    expiresAt: Date | null;
  };
}

function viewerCondition(viewer: PortalViewer): SQL {
  return viewer.kind === "account"
    ? eq(grantees.accountId, viewer.accountId)
    : eq(grantees.id, viewer.granteeId);
}

/**
 * The files of the work's firm the viewer reaches now, one row per (file, grant), in one query; a
 * preview leaves out files its staff member may not read.
 */
export async function listReachedFiles(work: PortalWork): Promise<ReachedFile[]> {
  const staffCondition = work.staff ? visibleClientFilesCondition(work.staff) : undefined;
  const rows = await work.tx.db
    .select({
      fileId: clientFiles.id,
      kind: clientFiles.kind,
      displayName: clientFiles.displayName,
      number: clientFiles.number,
      grantId: grants.id,
      grantName: grants.name,
      view: grants.view,
      features: grants.features,
      access: grantees.access,
      status: grantees.status,
      expiresAt: grantees.expiresAt,
      role: persons.role,
    })
    .from(grantees)
    .innerJoin(grants, and(eq(grants.firmId, grantees.firmId), eq(grants.id, grantees.grantId)))
    .innerJoin(grantFiles, and(eq(grantFiles.firmId, grants.firmId), eq(grantFiles.grantId, grants.id)))
    .innerJoin(
      clientFiles,
      and(eq(clientFiles.firmId, grantFiles.firmId), eq(clientFiles.id, grantFiles.clientFileId)),
    )
    .leftJoin(persons, and(eq(persons.firmId, grantees.firmId), eq(persons.id, grantees.personId)))
    .where(and(eq(grantees.firmId, work.firmId), viewerCondition(work.viewer), staffCondition))
    .orderBy(asc(clientFiles.displayName), asc(clientFiles.id), asc(grants.name), asc(grants.id));
  const reached: ReachedFile[] = [];
  for (const row of rows) {
    const status = usable(row, work.viewer.kind, work.now);
    if (!status) continue;
    reached.push({
      fileId: row.fileId,
      kind: row.kind as "private" | "business",
      displayName: row.displayName,
      number: row.number,
      grant: {
        id: row.grantId,
        name: row.grantName,
        view: row.view as PortalView,
        features: row.features as GrantFeature[],
        access: row.access as AccessLevel,
        role: (row.role as PersonRole | null) ?? "external_advisor",
        status,
        expiresAt: row.expiresAt,
      },
    });
  }
  return reached;
}

/**
 * Refuses any change on this file before the request body is even read (SEC-13): a preview never
 * writes, and a viewer whose every grant here is `read` changes nothing. Which kinds a `read_write`
 * viewer may change is decided per use case (portal-edits.ts).
 */
export function assertMayWriteHere(access: FileAccess): void {
  if (access.viewer.kind === "preview") throw new AppError("forbidden", "access.preview_read_only");
  if (!access.grants.some((g) => g.grantee.access === "read_write"))
    throw new AppError("forbidden", "access.read_only");
}

/**
 * A preValidation hook for the portal's write routes: resolves the viewer, the file and — for a route
 * on one record, named by its `portalRecordKind` config — that record, then applies assertMayWriteHere.
 * So another firm's or an unseen record's id answers 404 (SEC-11), and a `read` grantee or a preview
 * hears 403 whatever body they send (SEC-13), before validation could answer 400.
 */
export function portalWriteGate(deps: AppDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.method === "GET" || request.method === "HEAD") return;
    const { firmId, fileId, id } = (request.params ?? {}) as {
      firmId?: string;
      fileId?: string;
      id?: string;
    };
    const kind = request.routeOptions.config.portalRecordKind;
    if (id !== undefined && kind === undefined)
      throw new Error(`portal write route ${request.routeOptions.url} needs config.portalRecordKind`);
    // Malformed ids: the route's schema answers 400.
    if (!firmId || !fileId || !uuidShape.test(firmId) || !uuidShape.test(fileId)) return;
    if (id !== undefined && !uuidShape.test(id)) return;
    await inPortalScope(deps, request, firmId, async (work) => {
      const access = await requirePortalFile(work, fileId);
      if (id !== undefined && kind !== undefined) await requireVisible(work.tx, access, kind, id);
      assertMayWriteHere(access);
    });
  };
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** On a portal write route about one record (`:id`): the record's kind, for the write gate. */
    portalRecordKind?: RecordKind;
  }
}
