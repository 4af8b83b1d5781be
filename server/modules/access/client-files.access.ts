import { and, eq, exists, or, type SQL, sql } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { clientFiles, clientFileTeam } from "../clients/clients.tables.js";
import { type FileAction, type StaffActor, staffCanOnFile } from "./staff.policy.js";

/**
 * The SQL condition "this staff member may see the client file" for list queries: one condition in
 * the list's own query, never a check per row. Mirrors staffCanOnFile's read rule.
 */
export function visibleClientFilesCondition(actor: StaffActor): SQL | undefined {
  if (actor.staff.role === "admin") return undefined;
  return or(
    eq(clientFiles.caseOwnerId, actor.user.id),
    exists(
      sql`(select 1 from ${clientFileTeam} where ${and(
        eq(clientFileTeam.firmId, clientFiles.firmId),
        eq(clientFileTeam.clientFileId, clientFiles.id),
        eq(clientFileTeam.userId, actor.user.id),
      )})`,
    ),
  );
}

/**
 * Loads what the file rules need and enforces `action` on one file: a file of another firm or one the
 * actor may not read answers 404 (its existence is not revealed); a readable file where the action is
 * not allowed answers 403 naming the reason.
 */
export async function assertCanOnFile(tx: ScopedTx, actor: StaffActor, action: FileAction, fileId: string) {
  const [file] = await tx.db
    .select({
      caseOwnerId: clientFiles.caseOwnerId,
      teamUserIds: sql<string[]>`coalesce(array(select ${clientFileTeam.userId} from ${clientFileTeam}
        where ${clientFileTeam.firmId} = ${clientFiles.firmId} and ${clientFileTeam.clientFileId} = ${clientFiles.id}), '{}')`,
    })
    .from(clientFiles)
    .where(and(eq(clientFiles.firmId, actor.staff.firmId), eq(clientFiles.id, fileId)));
  if (!file || !staffCanOnFile(actor, "client_file.read", file)) throw new AppError("not_found");
  if (!staffCanOnFile(actor, action, file)) throw new AppError("forbidden", "errors.not_on_file");
  return file;
}
