import { and, eq, inArray } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import type { GrantRules } from "../access/sharing-rules.js";
import { rulesOf, settingsOf } from "./grants.presenter.js";
import { firmOf } from "./grants.queries.js";
import { grantContracts, grantFiles, grants } from "./grants.tables.js";

/** The rules of `grantIds` as sharing-rules.ts decides with them, in three queries however many grants. */
export async function loadRulesOfGrants(
  tx: ScopedTx,
  grantIds: readonly string[],
): Promise<Map<string, GrantRules>> {
  if (grantIds.length === 0) return new Map();
  const firmId = firmOf(tx);
  const ids = [...new Set(grantIds)];
  const rows = await tx.db
    .select()
    .from(grants)
    .where(and(eq(grants.firmId, firmId), inArray(grants.id, ids)));
  const files = await tx.db
    .select({ grantId: grantFiles.grantId, fileId: grantFiles.clientFileId })
    .from(grantFiles)
    .where(and(eq(grantFiles.firmId, firmId), inArray(grantFiles.grantId, ids)));
  const manual = await tx.db
    .select({ grantId: grantContracts.grantId, contractId: grantContracts.contractId })
    .from(grantContracts)
    .where(and(eq(grantContracts.firmId, firmId), inArray(grantContracts.grantId, ids)));
  return new Map(
    rows.map((g) => [
      g.id,
      rulesOf(
        g,
        settingsOf(g),
        files.filter((f) => f.grantId === g.id).map((f) => f.fileId),
        manual.filter((m) => m.grantId === g.id).map((m) => m.contractId),
      ),
    ]),
  );
}
