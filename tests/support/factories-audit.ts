import type { AppDeps } from "../../server/deps.js";
import {
  type AuditEvent,
  recordAudit,
  systemAuditContext,
} from "../../server/modules/audit/audit.service.js";
import { clientFiles, clientFileTeam } from "../../server/modules/clients/clients.tables.js";
import { inFirm } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A bare client file of `firmId` owned by `caseOwnerId`, with an optional team (for history tests). */
export async function createAuditedFile(
  deps: AppDeps,
  firmId: string,
  input: { caseOwnerId: string; teamUserIds?: string[]; displayName?: string },
) {
  const id = newId();
  const number = `A-${unique()}`;
  const displayName = input.displayName ?? `Muster, Klara ${unique()}`;
  await inFirm(deps.database, firmId, async (tx) => {
    await tx.db
      .insert(clientFiles)
      .values({ firmId, id, kind: "private", displayName, number, caseOwnerId: input.caseOwnerId });
    for (const userId of input.teamUserIds ?? []) {
      await tx.db.insert(clientFileTeam).values({ firmId, clientFileId: id, userId });
    }
  });
  return { id, number, displayName };
}

/** Records audit events in `firmId` as they would be by a use case, at `at` (default: the deps' clock). */
export async function recordEvents(
  deps: AppDeps,
  firmId: string,
  events: Array<AuditEvent & { at?: Date; actorUserId?: string; actorName?: string }>,
) {
  await inFirm(deps.database, firmId, async (tx) => {
    for (const { at, actorUserId, actorName, ...event } of events) {
      const context = systemAuditContext(deps.clock, actorUserId ?? null);
      await recordAudit(
        tx,
        {
          ...context,
          at: at ?? context.at,
          actorKind: actorUserId ? "staff" : "system",
          actorName: actorName ?? null,
          ip: actorUserId ? "203.0.113.7" : null,
          userAgent: actorUserId ? "Mozilla/5.0 (test)" : null,
        },
        event,
      );
    }
  });
}
