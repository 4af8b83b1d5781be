import type { ClientFile, ClientFileKind, StaffRef } from "../../../contracts/clients.js";
import type { StaffRole } from "../../../contracts/common.js";
import type { ClientFileRecord } from "./clients.queries.js";

/** What the presenter needs besides the row. */
export interface ClientFileExtras {
  caseOwnerName: string | null;
  caseOwnerRole: string | null;
  team: Array<{ userId: string; name: string | null; role: string | null }>;
  counts: ClientFile["counts"];
  can: ClientFile["can"];
}

function staffRef(userId: string, name: string | null, role: string | null): StaffRef {
  // A deleted account keeps its id on old files; the UI still needs something to show.
  return { userId, name: name ?? userId, role: (role as StaffRole | null) ?? null };
}

/** A client file as the API answers it. */
export function presentClientFile(file: ClientFileRecord, extras: ClientFileExtras): ClientFile {
  return {
    id: file.id,
    kind: file.kind as ClientFileKind,
    displayName: file.displayName,
    number: file.number,
    externalId: file.externalId,
    notes: file.notes,
    caseOwner: staffRef(file.caseOwnerId, extras.caseOwnerName, extras.caseOwnerRole),
    team: extras.team.map((m) => staffRef(m.userId, m.name, m.role)),
    counts: extras.counts,
    can: extras.can,
    createdAt: file.createdAt.toISOString(),
    updatedAt: file.updatedAt.toISOString(),
  };
}

/** The file's state for the audit log: its data and who works on it, without derived counts. */
export function auditStateOfFile(file: ClientFile) {
  const { counts: _counts, can: _can, ...state } = file;
  return state;
}
