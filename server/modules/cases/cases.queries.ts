import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { CaseInboxQuery, CaseStatus } from "../../../contracts/cases.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { clientFiles, clientFileTeam } from "../clients/clients.tables.js";
import { staffMembers } from "../firms/firms.tables.js";
import { grants } from "../grants/grants.tables.js";
import { users } from "../identity/identity.tables.js";
import { contracts } from "../records/records.tables.js";
import { caseAttachments, caseMessages, cases } from "./cases.tables.js";

function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("cases need a firm scope");
  return firmId;
}

const assigneeUsers = alias(users, "assignee_user");

/** The columns every presented case needs: the case, its file, assignee, grant and contract. */
function caseColumns() {
  return {
    case: cases,
    fileNumber: clientFiles.number,
    fileDisplayName: clientFiles.displayName,
    caseOwnerId: clientFiles.caseOwnerId,
    assigneeName: assigneeUsers.name,
    grantName: grants.name,
    grantShowsHandler: grants.showCaseHandler,
    contractNumber: contracts.number,
    contractInsurer: contracts.insurer,
    cursorAt: sql<string>`${cases.lastActivityAt}::text`,
  };
}

/** The case's joins: the file (always there), the rest may be gone. */
function joinedCases(tx: ScopedTx) {
  return tx.db
    .select(caseColumns())
    .from(cases)
    .innerJoin(clientFiles, and(eq(clientFiles.firmId, cases.firmId), eq(clientFiles.id, cases.clientFileId)))
    .leftJoin(assigneeUsers, eq(assigneeUsers.id, cases.assigneeUserId))
    .leftJoin(grants, and(eq(grants.firmId, cases.firmId), eq(grants.id, cases.grantId)))
    .leftJoin(contracts, and(eq(contracts.firmId, cases.firmId), eq(contracts.id, cases.contractId)));
}

export type CaseRow = Awaited<ReturnType<ReturnType<typeof joinedCases>["execute"]>>[number];

/** One case of the firm, with its joins; undefined when there is none. */
export async function findCase(tx: ScopedTx, caseId: string): Promise<CaseRow | undefined> {
  const [row] = await joinedCases(tx).where(and(eq(cases.firmId, firmOf(tx)), eq(cases.id, caseId)));
  return row;
}

/** The staff ids on a file's team (for the staff rule on one case). */
export async function teamOfFile(tx: ScopedTx, fileId: string): Promise<string[]> {
  const rows = await tx.db
    .select({ userId: clientFileTeam.userId })
    .from(clientFileTeam)
    .where(and(eq(clientFileTeam.firmId, firmOf(tx)), eq(clientFileTeam.clientFileId, fileId)));
  return rows.map((r) => r.userId);
}

/** The cases of one file matching `visible`, latest activity first. */
export async function listCasesOfFile(
  tx: ScopedTx,
  fileId: string,
  visible: SQL | undefined,
): Promise<CaseRow[]> {
  return joinedCases(tx)
    .where(and(eq(cases.firmId, firmOf(tx)), eq(cases.clientFileId, fileId), visible))
    .orderBy(desc(cases.lastActivityAt), desc(cases.id))
    .limit(500);
}

/** What the inbox filters on, resolved: `assignee` as a user id, "unassigned" or null for all. */
export interface InboxFilter {
  query: CaseInboxQuery;
  assignee: string | null;
  visible: SQL | undefined;
  after: { at: string; id: string } | null;
  limit: number;
}

function inboxConditions(tx: ScopedTx, filter: InboxFilter, withStatus: boolean): SQL | undefined {
  const { query } = filter;
  const words = (query.q ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
  return and(
    eq(cases.firmId, firmOf(tx)),
    filter.visible,
    withStatus && query.status ? eq(cases.status, query.status) : undefined,
    query.kind ? eq(cases.kind, query.kind) : undefined,
    query.clientFileId ? eq(cases.clientFileId, query.clientFileId) : undefined,
    filter.assignee === "unassigned"
      ? sql`${cases.assigneeUserId} is null`
      : filter.assignee
        ? eq(cases.assigneeUserId, filter.assignee)
        : undefined,
    ...words.map((word) => {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return or(
        ilike(cases.subject, pattern),
        ilike(clientFiles.displayName, pattern),
        ilike(clientFiles.number, pattern),
      );
    }),
  );
}

/** One page of the inbox (one row more than asked, to know whether another page follows). */
export async function listInbox(tx: ScopedTx, filter: InboxFilter): Promise<CaseRow[]> {
  const after = filter.after
    ? sql`(${cases.lastActivityAt}, ${cases.id}) < (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`
    : undefined;
  return joinedCases(tx)
    .where(and(inboxConditions(tx, filter, true), after))
    .orderBy(desc(cases.lastActivityAt), desc(cases.id))
    .limit(filter.limit + 1);
}

/** How many cases match the inbox's filters (all but the status), by status. */
export async function countInbox(tx: ScopedTx, filter: InboxFilter): Promise<Record<CaseStatus, number>> {
  const rows = await tx.db
    .select({ status: cases.status, count: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(clientFiles, and(eq(clientFiles.firmId, cases.firmId), eq(clientFiles.id, cases.clientFileId)))
    .where(inboxConditions(tx, filter, false))
    .groupBy(cases.status);
  const counts: Record<CaseStatus, number> = { open: 0, waiting_for_client: 0, done: 0 };
  for (const row of rows) counts[row.status as CaseStatus] = row.count;
  return counts;
}

/** A message with its attachments, oldest first. */
export async function listThread(tx: ScopedTx, caseId: string) {
  const firmId = firmOf(tx);
  const messages = await tx.db
    .select()
    .from(caseMessages)
    .where(and(eq(caseMessages.firmId, firmId), eq(caseMessages.caseId, caseId)))
    .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id));
  const attachments = await tx.db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.firmId, firmId), eq(caseAttachments.caseId, caseId)))
    .orderBy(asc(caseAttachments.createdAt), asc(caseAttachments.id));
  return messages.map((message) => ({
    message,
    attachments: attachments.filter((a) => a.messageId === message.id),
  }));
}

export type ThreadRows = Awaited<ReturnType<typeof listThread>>;

/** One attachment of a case. */
export async function findAttachment(tx: ScopedTx, caseId: string, attachmentId: string) {
  const [row] = await tx.db
    .select()
    .from(caseAttachments)
    .where(
      and(
        eq(caseAttachments.firmId, firmOf(tx)),
        eq(caseAttachments.caseId, caseId),
        eq(caseAttachments.id, attachmentId),
      ),
    );
  return row;
}

/** The firm's active staff members among `userIds`. */
export async function activeStaffAmong(tx: ScopedTx, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx.db
    .select({ userId: staffMembers.userId })
    .from(staffMembers)
    .where(
      and(
        eq(staffMembers.firmId, firmOf(tx)),
        eq(staffMembers.active, true),
        inArray(staffMembers.userId, [...new Set(userIds)]),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

/** A staff member's name (for a message's author snapshot). */
export async function userName(tx: ScopedTx, userId: string): Promise<string | undefined> {
  const [row] = await tx.db
    .select({ name: users.name })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(eq(staffMembers.firmId, firmOf(tx)), eq(staffMembers.userId, userId)));
  return row?.name;
}
