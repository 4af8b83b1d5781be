import type { ApiKeyWork } from "../api-keys/api-key-scope.js";
import { recordAudit } from "../audit/audit.service.js";

/** One audit row per sync batch or import started through a key: which key, which kind, what it did. */
export async function recordSyncBatch(
  work: ApiKeyWork,
  kind: string,
  counts: Record<string, unknown>,
  action = "sync.batch",
): Promise<void> {
  await recordAudit(work.tx, work.audit, {
    action,
    entityType: "sync",
    entityId: work.key.keyId,
    after: { kind, key: work.key.name, prefix: work.key.prefix, ...counts },
  });
}
