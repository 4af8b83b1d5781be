import { and, asc, eq, inArray, not, notExists, sql } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { visibleClientFilesCondition } from "../access/client-files.access.js";
import type { FileStanding, StaffActor } from "../access/staff.policy.js";
import { clientFiles, clientFileTeam, persons } from "../clients/clients.tables.js";
import { users } from "../identity/identity.tables.js";
import { contracts } from "../records/records.tables.js";
import { grantContracts, grantees, grantFiles, grantProfiles, grants } from "./grants.tables.js";

// Every query takes the transaction (scoped to the firm) and filters by the firm again: RLS is the
// second lock, not the only one.

export type GrantRow = typeof grants.$inferSelect;
export type GranteeTableRow = typeof grantees.$inferSelect;

/** A grantee with what its presentation needs: the grant's name, the person's role and file. */
export interface GranteeRow extends GranteeTableRow {
  grantName: string;
  personRole: string | null;
  personFileId: string | null;
  personFileName: string | null;
  personFileNumber: string | null;
}

/** The firm of the transaction's scope. */
export function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("grants work needs a firm scope");
  return firmId;
}

/** One grant of the firm, or undefined. */
export async function findGrant(tx: ScopedTx, id: string): Promise<GrantRow | undefined> {
  const [row] = await tx.db
    .select()
    .from(grants)
    .where(and(eq(grants.firmId, firmOf(tx)), eq(grants.id, id)));
  return row;
}

/**
 * The grants the actor can see: those whose every bundled file the actor may read (a grant also
 * reaching a file the actor may not see stays hidden, like the file), optionally only those bundling
 * `clientFileId`. One query, whatever the number of grants.
 */
export async function listVisibleGrants(tx: ScopedTx, actor: StaffActor, clientFileId?: string) {
  const firmId = firmOf(tx);
  const visible = visibleClientFilesCondition(actor);
  const conditions = [eq(grants.firmId, firmId)];
  if (visible)
    conditions.push(
      notExists(
        tx.db
          .select({ one: sql`1` })
          .from(grantFiles)
          .innerJoin(
            clientFiles,
            and(eq(clientFiles.firmId, grantFiles.firmId), eq(clientFiles.id, grantFiles.clientFileId)),
          )
          .where(and(eq(grantFiles.firmId, grants.firmId), eq(grantFiles.grantId, grants.id), not(visible))),
      ),
    );
  if (clientFileId)
    conditions.push(
      sql`exists (select 1 from grant_files f where f.firm_id = ${grants.firmId} and f.grant_id = ${grants.id}
        and f.client_file_id = ${clientFileId})`,
    );
  return tx.db
    .select()
    .from(grants)
    .where(and(...conditions))
    .orderBy(asc(grants.name), asc(grants.id));
}

/** Every grant bundling `clientFileId`, by name, whether or not the actor can open it. */
export async function listGrantsOfFile(tx: ScopedTx, clientFileId: string): Promise<GrantRow[]> {
  return tx.db
    .select()
    .from(grants)
    .where(
      and(
        eq(grants.firmId, firmOf(tx)),
        sql`exists (select 1 from grant_files f where f.firm_id = ${grants.firmId} and f.grant_id = ${grants.id}
          and f.client_file_id = ${clientFileId})`,
      ),
    )
    .orderBy(asc(grants.name), asc(grants.id));
}

/** The files bundled by each of `grantIds`, with what the staff rules need (case owner, team). */
export async function listGrantFiles(tx: ScopedTx, grantIds: readonly string[]) {
  if (grantIds.length === 0) return [];
  return tx.db
    .select({
      grantId: grantFiles.grantId,
      id: clientFiles.id,
      number: clientFiles.number,
      displayName: clientFiles.displayName,
      kind: clientFiles.kind,
      caseOwnerId: clientFiles.caseOwnerId,
    })
    .from(grantFiles)
    .innerJoin(
      clientFiles,
      and(eq(clientFiles.firmId, grantFiles.firmId), eq(clientFiles.id, grantFiles.clientFileId)),
    )
    .where(and(eq(grantFiles.firmId, firmOf(tx)), inArray(grantFiles.grantId, [...grantIds])))
    .orderBy(asc(clientFiles.displayName), asc(clientFiles.id));
}

export type GrantFileRow = Awaited<ReturnType<typeof listGrantFiles>>[number];

const granteeColumns = {
  firmId: grantees.firmId,
  id: grantees.id,
  grantId: grantees.grantId,
  personId: grantees.personId,
  email: grantees.email,
  name: grantees.name,
  accountId: grantees.accountId,
  access: grantees.access,
  isPrimaryContact: grantees.isPrimaryContact,
  expiresAt: grantees.expiresAt,
  status: grantees.status,
  grantedByPortal: grantees.grantedByPortal,
  createdAt: grantees.createdAt,
  updatedAt: grantees.updatedAt,
  grantName: grants.name,
  personRole: persons.role,
  personFileId: persons.clientFileId,
  personFileName: clientFiles.displayName,
  personFileNumber: clientFiles.number,
};

function granteesQuery(tx: ScopedTx) {
  return tx.db
    .select(granteeColumns)
    .from(grantees)
    .innerJoin(grants, and(eq(grants.firmId, grantees.firmId), eq(grants.id, grantees.grantId)))
    .leftJoin(persons, and(eq(persons.firmId, grantees.firmId), eq(persons.id, grantees.personId)))
    .leftJoin(
      clientFiles,
      and(eq(clientFiles.firmId, persons.firmId), eq(clientFiles.id, persons.clientFileId)),
    );
}

/** The grantees of `grantIds`, by name. */
export async function listGrantees(tx: ScopedTx, grantIds: readonly string[]): Promise<GranteeRow[]> {
  if (grantIds.length === 0) return [];
  return granteesQuery(tx)
    .where(and(eq(grantees.firmId, firmOf(tx)), inArray(grantees.grantId, [...grantIds])))
    .orderBy(asc(grantees.name), asc(grantees.id));
}

/** One grantee (of one grant when `grantId` is given), or undefined. */
export async function findGrantee(
  tx: ScopedTx,
  id: string,
  grantId?: string,
): Promise<GranteeRow | undefined> {
  const conditions = [eq(grantees.firmId, firmOf(tx)), eq(grantees.id, id)];
  if (grantId) conditions.push(eq(grantees.grantId, grantId));
  const [row] = await granteesQuery(tx).where(and(...conditions));
  return row;
}

/** The contracts on a grant's manual list, with what the editor shows of them. */
export async function listManualContracts(tx: ScopedTx, grantId: string) {
  return tx.db
    .select({
      id: contracts.id,
      clientFileId: contracts.clientFileId,
      number: contracts.number,
      insurer: contracts.insurer,
      lineOfBusinessId: contracts.lineOfBusinessId,
      category: contracts.portalCategory,
    })
    .from(grantContracts)
    .innerJoin(
      contracts,
      and(eq(contracts.firmId, grantContracts.firmId), eq(contracts.id, grantContracts.contractId)),
    )
    .where(and(eq(grantContracts.firmId, firmOf(tx)), eq(grantContracts.grantId, grantId)))
    .orderBy(asc(contracts.insurer), asc(contracts.id));
}

/** The ids among `contractIds` that are contracts of `fileIds`. */
export async function contractsOfFiles(
  tx: ScopedTx,
  contractIds: readonly string[],
  fileIds: readonly string[],
): Promise<Set<string>> {
  if (contractIds.length === 0 || fileIds.length === 0) return new Set();
  const rows = await tx.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(
        eq(contracts.firmId, firmOf(tx)),
        inArray(contracts.id, [...contractIds]),
        inArray(contracts.clientFileId, [...fileIds]),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Replaces a grant's bundled files. */
export async function replaceGrantFiles(tx: ScopedTx, grantId: string, fileIds: readonly string[]) {
  const firmId = firmOf(tx);
  await tx.db.delete(grantFiles).where(and(eq(grantFiles.firmId, firmId), eq(grantFiles.grantId, grantId)));
  if (fileIds.length > 0)
    await tx.db.insert(grantFiles).values(fileIds.map((clientFileId) => ({ firmId, grantId, clientFileId })));
}

/** Replaces a grant's manual contract list. */
export async function replaceGrantContracts(tx: ScopedTx, grantId: string, contractIds: readonly string[]) {
  const firmId = firmOf(tx);
  await tx.db
    .delete(grantContracts)
    .where(and(eq(grantContracts.firmId, firmId), eq(grantContracts.grantId, grantId)));
  if (contractIds.length > 0)
    await tx.db
      .insert(grantContracts)
      .values(contractIds.map((contractId) => ({ firmId, grantId, contractId })));
}

/**
 * How the actor stands to each of `fileIds` (case owner, team), for the staff rules to decide on many
 * files at once: one query, whatever the number of files. Files not of the firm are absent.
 */
export async function loadFileStandings(
  tx: ScopedTx,
  fileIds: readonly string[],
): Promise<Map<string, FileStanding>> {
  if (fileIds.length === 0) return new Map();
  const rows = await tx.db
    .select({
      id: clientFiles.id,
      caseOwnerId: clientFiles.caseOwnerId,
      teamUserIds: sql<string[]>`coalesce(array(select ${clientFileTeam.userId} from ${clientFileTeam}
        where ${clientFileTeam.firmId} = ${clientFiles.firmId} and ${clientFileTeam.clientFileId} = ${clientFiles.id}), '{}')`,
    })
    .from(clientFiles)
    .where(and(eq(clientFiles.firmId, firmOf(tx)), inArray(clientFiles.id, [...new Set(fileIds)])));
  return new Map(rows.map((r) => [r.id, { caseOwnerId: r.caseOwnerId, teamUserIds: r.teamUserIds }]));
}

/** The name of a grant profile, or undefined once it is gone. */
export async function findProfileName(tx: ScopedTx, profileId: string | null) {
  if (!profileId) return undefined;
  const [row] = await tx.db
    .select({ id: grantProfiles.id, name: grantProfiles.name })
    .from(grantProfiles)
    .where(and(eq(grantProfiles.firmId, firmOf(tx)), eq(grantProfiles.id, profileId)));
  return row;
}

/** The email, name and language of portal accounts (global rows, read by id). */
export async function findAccounts(tx: ScopedTx, accountIds: readonly string[]) {
  if (accountIds.length === 0) return new Map<string, { email: string; name: string; language: string }>();
  const rows = await tx.db
    .select({ id: users.id, email: users.email, name: users.name, language: users.language })
    .from(users)
    .where(inArray(users.id, [...accountIds]));
  return new Map(rows.map((r) => [r.id, r]));
}
