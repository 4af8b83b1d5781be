import { and, eq } from "drizzle-orm";
import type {
  BulkInvitationOptions,
  BulkInvitationRun,
  bulkSkipReasons,
} from "../../../contracts/bulk-invitations.js";
import type { Language } from "../../../contracts/common.js";
import { AppError } from "../../platform/errors.js";
import { translate } from "../../platform/i18n/translate.js";
import { newId } from "../../platform/ids.js";
import type { JobQueue } from "../../platform/jobs/queue.js";
import { staffMayFollowBulkRun } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { updatePerson } from "../clients/persons.service.js";
import { enqueueBulkInvitation } from "./bulk-invitations.jobs.js";
import { planFiles, sharedEmailGroups } from "./bulk-plan.js";
import { firmOf } from "./invitations.queries.js";
import { bulkInvitationRuns } from "./invitations.tables.js";

/** A file skipped by a bulk invitation, and why. */
export interface BulkSkip {
  fileId: string;
  fileName: string;
  reason: (typeof bulkSkipReasons)[number];
}

/** What a run keeps of its request: the options and the units (a file, or a bundle sharing an address). */
export interface StoredBulkOptions extends Omit<BulkInvitationOptions, "fileIds"> {
  units: string[][];
}

/** Grants bundle at most this many files. */
const MAX_BUNDLE = 50;

/**
 * Starts a bulk invitation (INV-3): fills in the addresses the dialog collected (each change to a
 * person audited as usual), settles the units — each file alone, or with `bundle` the files whose
 * persons share an address together — stores the run and enqueues its job, in one transaction. Answers
 * at once; the job invites (PERF-3: the request does no per-file invitation work).
 */
export async function startBulkInvitation(
  work: StaffWork,
  deps: { queue: JobQueue },
  options: BulkInvitationOptions,
): Promise<BulkInvitationRun> {
  // Planned here only when addresses are to be filled in or shared ones bundled; the job plans each
  // unit again as it invites it.
  const bundle = options.sharedEmails === "bundle";
  let planned = options.emails.length > 0 || bundle ? await planFiles(work, options.fileIds, []) : [];
  const fileOfPerson = new Map(planned.filter((f) => f.personId).map((f) => [f.personId, f]));
  let filledIn = false;
  for (const { personId, email } of options.emails) {
    const file = fileOfPerson.get(personId);
    // Only an address for the person this run invites, and only where none was on file.
    if (!file || file.email || file.state === "not_found" || file.state === "not_allowed") continue;
    await updatePerson(work, file.fileId, personId, { email });
    filledIn = true;
  }
  const units: string[][] = [];
  const bundled = new Set<string>();
  if (bundle) {
    // Addresses just filled in count: the plan is made again with them.
    if (filledIn) planned = await planFiles(work, options.fileIds, []);
    for (const group of sharedEmailGroups(planned).values()) {
      const ids = group.map((f) => f.fileId);
      for (let i = 0; i < ids.length; i += MAX_BUNDLE) units.push(ids.slice(i, i + MAX_BUNDLE));
      for (const id of ids) bundled.add(id);
    }
  }
  for (const fileId of new Set(options.fileIds)) if (!bundled.has(fileId)) units.push([fileId]);
  const { fileIds, ...rest } = options;
  const stored: StoredBulkOptions = { ...rest, emails: [], units };
  const id = newId();
  await work.tx.db.insert(bulkInvitationRuns).values({
    firmId: firmOf(work.tx),
    id,
    options: stored,
    total: new Set(fileIds).size,
    createdBy: work.actor.user.id,
    createdAt: work.audit.at,
  });
  await enqueueBulkInvitation(work.tx, deps, { firmId: firmOf(work.tx), runId: id });
  const run = await getBulkInvitation(work, id);
  await recordAudit(work.tx, work.audit, {
    action: "bulk_invitation.start",
    entityType: "bulk_invitation",
    entityId: id,
    before: null,
    after: { files: run.total, sharedEmails: options.sharedEmails, documents: options.documents },
  });
  return run;
}

type RunRow = typeof bulkInvitationRuns.$inferSelect;

/** A run row → the API shape, with each skip's reason in the reader's language. */
export function presentBulkRun(row: RunRow, language: Language): BulkInvitationRun {
  return {
    id: row.id,
    status: row.status as BulkInvitationRun["status"],
    total: row.total,
    processed: row.processed,
    invited: row.invited,
    notified: row.notified,
    skipped: row.skipped,
    skips: (row.skips as BulkSkip[]).map((s) => ({
      ...s,
      message: translate(language, `invitations.skip.${s.reason}`),
    })),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** A run of the firm started by this staff member (or any, for an admin); 404 otherwise. */
export async function getBulkInvitation(work: StaffWork, id: string): Promise<BulkInvitationRun> {
  const [row] = await work.tx.db
    .select()
    .from(bulkInvitationRuns)
    .where(and(eq(bulkInvitationRuns.firmId, firmOf(work.tx)), eq(bulkInvitationRuns.id, id)));
  if (!row || !staffMayFollowBulkRun(work.actor, row.createdBy)) throw new AppError("not_found");
  return presentBulkRun(row, work.actor.user.language as Language);
}
