import { and, asc, eq, sql } from "drizzle-orm";
import type { RecordKind } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import type { FileAccess } from "../access/portal-access.js";
import { shownBySomeGrant, tableOfKind } from "../access/visibility.sql.js";
import { clientFiles } from "../clients/clients.tables.js";
import { staffMembers } from "../firms/firms.tables.js";
import { users } from "../identity/identity.tables.js";
import { assets } from "../records/records.tables.js";

/** The file's own facts (name, number, kind); the caller has checked the viewer reaches it. */
export async function findPortalFile(tx: ScopedTx, access: FileAccess) {
  const [file] = await tx.db
    .select({
      id: clientFiles.id,
      kind: clientFiles.kind,
      displayName: clientFiles.displayName,
      number: clientFiles.number,
    })
    .from(clientFiles)
    .where(and(eq(clientFiles.firmId, access.firmId), eq(clientFiles.id, access.fileId)));
  if (!file) throw new Error("a reached file must exist");
  return { ...file, kind: file.kind as "private" | "business" };
}

const countedKinds = ["contract", "asset", "claim", "address", "person", "donation", "document"] as const;

/** How many records of each kind the viewer sees on the file, in one statement. */
export async function countShown(tx: ScopedTx, access: FileAccess) {
  const count = (kind: RecordKind) => {
    const table = sql.raw(tableOfKind[kind]);
    return sql`(select count(*)::int from ${table}
      where ${table}.firm_id = ${access.firmId} and ${table}.client_file_id = ${access.fileId}
        and ${shownBySomeGrant(kind, access.grantIds)})`;
  };
  const columns = sql.join(
    countedKinds.map((kind) => sql`${count(kind)} as ${sql.identifier(kind)}`),
    sql`, `,
  );
  const { rows } = await tx.db.execute<Record<(typeof countedKinds)[number], number>>(sql`select ${columns}`);
  const row = rows[0];
  if (!row) throw new Error("a count query returns one row");
  return {
    contracts: row.contract,
    assets: row.asset,
    claims: row.claim,
    addresses: row.address,
    persons: row.person,
    donations: row.donation,
    documents: row.document,
  };
}

/** The shown assets' values summed per kind and currency (exact decimals). */
export async function assetTotalsByKind(tx: ScopedTx, access: FileAccess) {
  return tx.db
    .select({
      kind: assets.kind,
      currency: assets.currency,
      value: sql<string>`sum(${assets.value})::numeric(16, 2)::text`,
    })
    .from(assets)
    .where(
      and(
        eq(assets.firmId, access.firmId),
        eq(assets.clientFileId, access.fileId),
        shownBySomeGrant("asset", access.grantIds),
      ),
    )
    .groupBy(assets.kind, assets.currency)
    .orderBy(asc(assets.kind), asc(assets.currency));
}

/** The name of a case handler who is staff of the firm in scope, or undefined. */
export async function findCaseHandlerName(tx: ScopedTx, firmId: string, userId: string) {
  const [row] = await tx.db
    .select({ name: users.name })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(eq(staffMembers.firmId, firmId), eq(staffMembers.userId, userId)));
  return row?.name;
}
