import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Language } from "../../../contracts/common.js";
import type { Clock } from "../../platform/clock.js";
import type { Database } from "../../platform/db/pool.js";
import { inFirm, inScope, type ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { defineJob, type JobDefinition, type JobQueue } from "../../platform/jobs/queue.js";
import { loadActor } from "../access/actor.js";
import type { StaffActor } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { ensureDefaultProfiles } from "../grants/grant-profiles.service.js";
import { addGrantee } from "../grants/grantees.service.js";
import { createGrant } from "../grants/grants.service.js";
import { grantees, grantProfiles } from "../grants/grants.tables.js";
import { users } from "../identity/identity.tables.js";
import { inviteChunk, type UnitOutcome } from "./bulk-chunk.js";
import type { BulkSkip, StoredBulkOptions } from "./bulk-invitations.service.js";
import { planFiles } from "./bulk-plan.js";
import type { InvitationMailDeps } from "./invitation-mail.js";
import { firmOf } from "./invitations.queries.js";
import { inviteGrantee } from "./invitations.service.js";
import { bulkInvitationRuns } from "./invitations.tables.js";

/**
 * Units worked per transaction: its invitations and the run's progress commit together (REL-6). Worked
 * set-based, a chunk costs a few dozen statements whatever its size; 100 keeps a transaction short and
 * the first mails flowing within a second (PERF-3).
 */
export const BULK_CHUNK = 100;
/** How long one job works before it enqueues its continuation. */
export const BULK_TIME_BUDGET_MS = 20_000;
const MAX_STORED_SKIPS = 1000;

const bulkPayload = z.object({ firmId: z.uuid(), runId: z.uuid() });

const bulkJob = defineJob({
  name: "invitations.bulk",
  payload: bulkPayload,
  retryLimit: 5,
  retryDelay: 5,
  retryBackoff: true,
  // One run of the job works for at most BULK_TIME_BUDGET_MS, then hands on to a new job: a worker
  // killed mid-run leaves a job that expires soon, and another worker resumes (REL-6).
  expireInSeconds: 60,
  handler: async () => {
    throw new Error("bound by createBulkInvitationJobs()");
  },
});

/** Enqueues a run's work in the caller's transaction (the one that stored the run). */
export async function enqueueBulkInvitation(
  tx: ScopedTx,
  deps: { queue: JobQueue },
  payload: z.infer<typeof bulkPayload>,
): Promise<void> {
  await deps.queue.enqueue(tx, bulkJob, payload, { singletonKey: payload.runId });
}

/** What the bulk invitation job needs from the process. */
export interface BulkJobDeps extends InvitationMailDeps {
  database: Database;
  queue: JobQueue;
  clock: Clock;
}

type RunRow = typeof bulkInvitationRuns.$inferSelect;

async function loadRun(tx: ScopedTx, runId: string): Promise<RunRow | undefined> {
  const [row] = await tx.db
    .select()
    .from(bulkInvitationRuns)
    .where(and(eq(bulkInvitationRuns.firmId, firmOf(tx)), eq(bulkInvitationRuns.id, runId)))
    .for("update");
  return row;
}

/**
 * The staff member who started the run, acting again in the run's transaction as of `at` (audited as
 * themselves); null once they are no longer active staff of the firm.
 */
export async function workOfRunner(
  database: Database,
  tx: ScopedTx,
  userId: string,
  at: Date,
): Promise<StaffWork | null> {
  const user = await inScope(database, {}, async (own) => {
    const [row] = await own.db.select().from(users).where(eq(users.id, userId));
    return row;
  });
  if (!user) return null;
  const actor = await loadActor(database, { ...user, language: user.language as Language });
  if (actor.staff?.firmId !== firmOf(tx)) return null;
  return {
    tx,
    actor: actor as StaffActor,
    audit: {
      actorUserId: actor.user.id,
      actorName: actor.user.name,
      actorKind: "staff",
      ip: null,
      userAgent: null,
      at,
    },
  };
}

/** The profile new grants start from: the one chosen, else the firm's household or company profile. */
async function profileFor(work: StaffWork, options: StoredBulkOptions, kind: "private" | "business") {
  if (options.profileId) return options.profileId;
  await ensureDefaultProfiles(work);
  const key = kind === "business" ? "company_employee" : "household_full";
  const [row] = await work.tx.db
    .select({ id: grantProfiles.id })
    .from(grantProfiles)
    .where(and(eq(grantProfiles.firmId, firmOf(work.tx)), eq(grantProfiles.key, key)));
  return row?.id;
}

/** The person's pending grantee no invitation is waiting for (made earlier, never invited), to reuse. */
async function uninvitedGrantee(work: StaffWork, personId: string) {
  const [row] = await work.tx.db
    .select({ id: grantees.id, grantId: grantees.grantId })
    .from(grantees)
    .where(
      and(
        eq(grantees.firmId, firmOf(work.tx)),
        eq(grantees.personId, personId),
        eq(grantees.status, "pending"),
        sql`${grantees.accountId} is null`,
      ),
    )
    .limit(1);
  return row;
}

/**
 * One unit: the files are planned afresh (so a run repeated, or a file invited meanwhile, invites no
 * one twice), the ready ones get a grant — one over all of them for a bundle — and its person an
 * invitation (or, with an account, the notice).
 */
async function inviteUnit(
  work: StaffWork,
  deps: BulkJobDeps,
  options: StoredBulkOptions,
  fileIds: string[],
): Promise<UnitOutcome> {
  const planned = await planFiles(work, fileIds, []);
  const skips = planned
    .filter((f) => f.state !== "ready")
    .map((f) => ({ fileId: f.fileId, fileName: f.fileName, reason: f.state as BulkSkip["reason"] }));
  const ready = planned.filter((f) => f.state === "ready");
  const first = ready[0];
  if (!first?.personId) return { invited: 0, notified: 0, skips };
  let target = ready.length === 1 ? await uninvitedGrantee(work, first.personId) : undefined;
  if (!target) {
    const language = work.actor.staff.firmLanguage;
    const grant = await createGrant(
      work,
      {
        name: ready
          .map((f) => f.fileName)
          .join(", ")
          .slice(0, 200),
        profileId: await profileFor(work, options, first.fileKind),
        fileIds: ready.map((f) => f.fileId),
        settings: {
          documentCategoryIds: options.documents === "categories" ? options.documentCategoryIds : [],
        },
      },
      language,
    );
    const grantee = await addGrantee(work, grant.id, { personId: first.personId });
    target = { id: grantee.id, grantId: grant.id };
  }
  const invitation = await inviteGrantee(work, deps, target.grantId, target.id, {
    language: options.language,
    salutation: options.salutation,
    personalMessage: options.personalMessage ?? null,
  });
  const notice = invitation.channel === "notice";
  return { invited: notice ? 0 : ready.length, notified: notice ? ready.length : 0, skips };
}

/**
 * The units of a chunk: set-based (inviteChunk) — or, when that meets anything it does not expect (a
 * rule refusing midway, a grantee added meanwhile by someone else), undone and worked unit by unit,
 * each unit refused by a rule skipped whole with its writes undone.
 */
async function inviteChunkOrUnits(
  work: StaffWork,
  deps: BulkJobDeps,
  options: StoredBulkOptions,
  chunk: string[][],
): Promise<UnitOutcome[]> {
  const { tx } = work;
  // Loaded on first use, as the outbox does: React and the email components stay out of idle processes.
  const { createBatchRenderer } = await import("../../platform/mail/render.js");
  await tx.client.query("savepoint bulk_chunk");
  try {
    const outcomes = await inviteChunk(work, deps, options, chunk, createBatchRenderer());
    await tx.client.query("release savepoint bulk_chunk");
    return outcomes;
  } catch {
    await tx.client.query("rollback to savepoint bulk_chunk");
  }
  return inviteUnitByUnit(work, deps, options, chunk);
}

/** The units one by one through the services, each refused by a rule skipped whole with its writes undone. */
export async function inviteUnitByUnit(
  work: StaffWork,
  deps: BulkJobDeps,
  options: StoredBulkOptions,
  chunk: string[][],
): Promise<UnitOutcome[]> {
  const { tx } = work;
  const outcomes: UnitOutcome[] = [];
  for (const unit of chunk) {
    await tx.client.query("savepoint bulk_unit");
    try {
      outcomes.push(await inviteUnit(work, deps, options, unit));
      await tx.client.query("release savepoint bulk_unit");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await tx.client.query("rollback to savepoint bulk_unit");
      outcomes.push({
        invited: 0,
        notified: 0,
        skips: unit.map((fileId) => ({ fileId, fileName: "", reason: "not_allowed" as const })),
      });
    }
  }
  return outcomes;
}

/**
 * Works a run from where it stands: chunk by chunk, each in one transaction with the run's row locked
 * and its progress, so a killed worker's chunk is redone whole and a finished one never again (REL-6).
 */
export async function processBulkInvitation(
  deps: BulkJobDeps,
  payload: z.infer<typeof bulkPayload>,
  budgetMs = BULK_TIME_BUDGET_MS,
) {
  const began = performance.now();
  for (;;) {
    const finished = await inFirm(deps.database, payload.firmId, async (tx) => {
      const run = await loadRun(tx, payload.runId);
      if (run?.status !== "running") return true;
      const options = run.options as StoredBulkOptions;
      const at = deps.clock.now();
      const work = await workOfRunner(deps.database, tx, run.createdBy, at);
      const actor = work?.actor;
      const done = unitsDone(options.units, run.processed);
      const chunk = actor ? options.units.slice(done, done + BULK_CHUNK) : [];
      let { invited, notified, skipped } = run;
      const skips = [...(run.skips as BulkSkip[])];
      for (const outcome of work ? await inviteChunkOrUnits(work, deps, options, chunk) : []) {
        invited += outcome.invited;
        notified += outcome.notified;
        skipped += outcome.skips.length;
        skips.push(...outcome.skips.slice(0, Math.max(0, MAX_STORED_SKIPS - skips.length)));
      }
      const processed = run.processed + chunk.reduce((n, unit) => n + unit.length, 0);
      const over = !actor || done + chunk.length >= options.units.length;
      await tx.db
        .update(bulkInvitationRuns)
        .set({
          processed,
          invited,
          notified,
          skipped,
          skips,
          ...(over ? { status: actor ? "done" : "failed", finishedAt: at } : {}),
        })
        .where(and(eq(bulkInvitationRuns.firmId, payload.firmId), eq(bulkInvitationRuns.id, payload.runId)));
      if (!over && performance.now() - began > budgetMs) {
        // The rest goes to a new job, enqueued with this chunk's progress.
        await deps.queue.enqueue(tx, bulkJob, payload, { singletonKey: `${payload.runId}:${processed}` });
        return true;
      }
      return over;
    });
    if (finished) return;
  }
}

/** How many units lie behind `processed` files. */
function unitsDone(units: string[][], processed: number): number {
  let files = 0;
  for (const [index, unit] of units.entries()) {
    if (files >= processed) return index;
    files += unit.length;
  }
  return units.length;
}

/** The bulk invitation job with its handler bound to this process's dependencies. */
export function createBulkInvitationJobs(deps: BulkJobDeps): JobDefinition[] {
  const bulk: JobDefinition<typeof bulkPayload> = {
    ...bulkJob,
    handler: (payload) => processBulkInvitation(deps, payload),
  };
  return [bulk];
}
