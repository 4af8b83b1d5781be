import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { FileAccess } from "../access/portal-access.js";
import {
  assertStillChangeable,
  editGrantIds,
  requireChangeable,
  requireCreatable,
} from "../access/portal-edits.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { recordAudit } from "../audit/audit.service.js";

// PORTAL-8: the one way a record the client may add is added, changed and removed from the portal.
// Access first (404 for what the viewer does not see, 403 naming why), then the kind's own checks and
// statement, then in the same transaction: still in the viewer's sight, audited as the client's, and
// answered as the portal shows it. A kind brings only what differs: its rows, audit shape and view.

/** What the write skeleton needs to know about one kind of record (assets, donations). */
export interface PortalRecordStore<Row, Shown> {
  /** The engine's kind; also names the audit entries (`portal.<kind>.create` …). */
  kind: "asset" | "donation";
  find(tx: ScopedTx, firmId: string, fileId: string, id: string): Promise<Row | undefined>;
  remove(tx: ScopedTx, firmId: string, id: string): Promise<unknown>;
  /** The row as the file's history records it: the back office's shape, whoever changed it. */
  auditState(row: Row): unknown;
  /** The record as the portal shows it to this viewer, or undefined when it is not shown. */
  presentShown(
    tx: ScopedTx,
    access: FileAccess,
    editIds: readonly string[],
    id: string,
  ): Promise<Shown | undefined>;
}

async function loadRow<Row>(
  work: PortalWork,
  store: PortalRecordStore<Row, unknown>,
  fileId: string,
  id: string,
) {
  const row = await store.find(work.tx, work.firmId, fileId, id);
  if (!row) throw new AppError("not_found");
  return row;
}

/** After the kind's statement: still changeable by the viewer, audited, and presented. */
async function concludeChange<Row, Shown>(
  work: PortalWork,
  access: FileAccess,
  store: PortalRecordStore<Row, Shown>,
  change: { fileId: string; id: string; action: "create" | "update"; before: Row | null },
): Promise<Shown> {
  const { fileId, id, before } = change;
  await assertStillChangeable(work.tx, access, store.kind, id);
  await recordAudit(work.tx, work.audit, {
    action: `portal.${store.kind}.${change.action}`,
    entityType: store.kind,
    entityId: id,
    clientFileId: fileId,
    before: before === null ? null : store.auditState(before),
    after: store.auditState(await loadRow(work, store, fileId, id)),
  });
  const shown = await store.presentShown(work.tx, access, editGrantIds(access, store.kind), id);
  if (shown === undefined) throw new AppError("not_found");
  return shown;
}

/**
 * Adds a record of the store's kind to the file: the viewer must be allowed to add it (403 naming why),
 * then `insert` checks its values (400 naming the fields) and writes the row with the id it is given.
 */
export async function createPortalRecord<Row, Shown>(
  work: PortalWork,
  fileId: string,
  store: PortalRecordStore<Row, Shown>,
  insert: (access: FileAccess, id: string) => Promise<void>,
): Promise<Shown> {
  const access = await requirePortalFile(work, fileId);
  requireCreatable(access, store.kind);
  const id = newId(work.now.getTime());
  await insert(access, id);
  return concludeChange(work, access, store, { fileId, id, action: "create", before: null });
}

/**
 * Changes a record the viewer may change (404 when not shown, 403 naming why): `update` gets the row as
 * it is, checks the change (400 naming the fields) and writes it; the audit keeps before and after.
 */
export async function updatePortalRecord<Row, Shown>(
  work: PortalWork,
  fileId: string,
  id: string,
  store: PortalRecordStore<Row, Shown>,
  update: (access: FileAccess, row: Row) => Promise<void>,
): Promise<Shown> {
  const access = await requirePortalFile(work, fileId);
  await requireChangeable(work.tx, access, store.kind, id);
  const row = await loadRow(work, store, fileId, id);
  await update(access, row);
  return concludeChange(work, access, store, { fileId, id, action: "update", before: row });
}

/** Removes a record the viewer may change (audited with what it was). */
export async function deletePortalRecord<Row>(
  work: PortalWork,
  fileId: string,
  id: string,
  store: PortalRecordStore<Row, unknown>,
): Promise<void> {
  const access = await requirePortalFile(work, fileId);
  await requireChangeable(work.tx, access, store.kind, id);
  const row = await loadRow(work, store, fileId, id);
  await store.remove(work.tx, work.firmId, id);
  await recordAudit(work.tx, work.audit, {
    action: `portal.${store.kind}.delete`,
    entityType: store.kind,
    entityId: id,
    clientFileId: fileId,
    before: store.auditState(row),
    after: null,
  });
}
